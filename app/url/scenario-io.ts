import { encodeScenario, type Scenario } from '../../src/index';

/*
 * Reading and writing scenarios that are not presets: the schema's validator
 * (zod) for untrusted JSON and the `s=` link codec (lz-string). A chunk of its
 * own, loaded on demand through load-scenario-io.ts: a page opened on a preset
 * never needs it before its first frame.
 */
export { decodeScenario, MAX_LINK_CHARS, parseScenario, readScenarioJson, readScenarioJsonValue } from '../../src/index';

// Scenarios are immutable store values: each is encoded once, however often the URL is written (every frame while playing).
const links = new WeakMap<Scenario, string>();

/** Keeps a scenario's `s=` value encoded elsewhere (the simulation worker) for `linkOf`. */
export function rememberLink(scenario: Scenario, link: string): void {
  links.set(scenario, link);
}

/** The `s=` value of a scenario, computed once per scenario object. */
export function linkOf(scenario: Scenario): string {
  let link = links.get(scenario);
  if (link === undefined) {
    link = encodeScenario(scenario);
    links.set(scenario, link);
  }
  return link;
}

import type { Scenario, ScenarioError } from '../../src/index';
import { whenLoaded, type LoadResult } from '../store/background-simulator';
import type { AppStore } from '../store/create-app-store';
import { READER_NOT_LOADED, scenarioIo } from './load-scenario-io';

/** How many of a scenario's errors an alert lists before "and N more". */
const SHOWN_ERRORS = 3;

/** A query string turned the link's `+` into spaces; lz-string's alphabet has no space. */
export const sameLink = (raw: string, scenario: Scenario) => raw.replace(/ /g, '+') === scenarioIo()?.linkOf(scenario);

/** One error as a line of text: `path: message`, or the message alone for the whole scenario. */
export const errorLine = (e: ScenarioError) => (e.path ? `${e.path}: ${e.message}` : e.message);

/** The first few errors, one per line, then how many more there are. */
export function summarizeErrors(errors: readonly ScenarioError[]): string {
  const lines = errors.slice(0, SHOWN_ERRORS).map(errorLine);
  if (errors.length > SHOWN_ERRORS) lines.push(`… and ${errors.length - SHOWN_ERRORS} more`);
  return lines.join('\n');
}

/**
 * Opens the scenario of an untrusted `s=` link as a custom scenario. When it
 * cannot be read (not lz-string data, too large, not JSON, invalid) nothing
 * changes and an alert names `s` with the first few reasons, one per line.
 * The reader (loadScenarioIo) must have loaded; otherwise the alert says so.
 * Returns what `loadScenario` did (pending for a big scenario).
 */
export function openLinkScenario(store: AppStore, raw: string): LoadResult {
  const alert = (errors: readonly ScenarioError[]) =>
    store.getState().addAlert({ param: 's', value: summarizeErrors(errors), reason: 'invalid' });
  const decoded = scenarioIo()?.decodeScenario(raw) ?? READER_NOT_LOADED;
  if (!decoded.ok) {
    alert(decoded.errors);
    return decoded;
  }
  let loaded: LoadResult;
  try {
    loaded = store.getState().loadScenario(decoded.scenario);
  } catch (e) {
    // An engine bug must not blank the page: the scenario is valid but could not be simulated.
    loaded = { ok: false, errors: [{ path: '', message: `could not be simulated (${e instanceof Error ? e.message : String(e)})` }] };
  }
  // A big scenario is simulated in the background: its errors, if any, come later.
  whenLoaded(loaded, (result) => {
    if (!result.ok) alert(result.errors);
  });
  return loaded;
}

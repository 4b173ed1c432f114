import type { Scenario, ScenarioError } from '../../src/index';
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
 */
export function openLinkScenario(store: AppStore, raw: string): boolean {
  const decoded = scenarioIo()?.decodeScenario(raw) ?? READER_NOT_LOADED;
  let errors = decoded.ok ? [] : decoded.errors;
  if (decoded.ok) {
    try {
      const loaded = store.getState().loadScenario(decoded.scenario);
      if (!loaded.ok) errors = loaded.errors;
    } catch (e) {
      // An engine bug must not blank the page: the scenario is valid but could not be simulated.
      errors = [{ path: '', message: `could not be simulated (${e instanceof Error ? e.message : String(e)})` }];
    }
  }
  if (errors.length === 0) return true;
  store.getState().addAlert({ param: 's', value: summarizeErrors(errors), reason: 'invalid' });
  return false;
}

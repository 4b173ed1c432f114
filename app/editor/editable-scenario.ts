import type { ScenarioInput } from '../../src/index';
import type { AppState } from '../store/types';

/**
 * The scenario an edit starts from: the one on screen with the seed its trace
 * ran (a preset opened with ?seed=7 keeps seed 7 through an edit).
 */
export function editableScenario(s: AppState): ScenarioInput {
  return s.scenario.seed === s.trace.seed ? s.scenario : { ...s.scenario, seed: s.trace.seed };
}

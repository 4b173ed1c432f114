import type { AppState } from '../store/types';

// Module-level selectors over the scenario on screen: each returns a part of
// the frozen scenario itself, so its identity changes only when the part does.
export const selectNodes = (s: AppState) => s.scenario.cluster.nodes;
export const selectPods = (s: AppState) => s.scenario.cluster.pods;
export const selectServices = (s: AppState) => s.scenario.cluster.services;
export const selectTraffic = (s: AppState) => s.scenario.traffic;
export const selectTopology = (s: AppState) => s.trace.topology;
/** Identity of the scenario object: forms are keyed by it (see scenario-key.ts). */
export const selectScenarioObject = (s: AppState) => s.scenario;

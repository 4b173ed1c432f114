import type { Trace } from '../src/index';

/**
 * Presets too big to check at every step in the tests that walk every step of every preset:
 * `large` (100 nodes, 3,000 pods, 1,000 Services) costs ~60 ms a step in the packet-scene
 * test and ~0.4 s a step in the browser, and has 135 steps (150 in IPVS mode).
 */
export const SAMPLED_PRESETS: readonly string[] = ['large'];

/**
 * The steps of a trace that show everything it draws, for a preset sampled instead of walked
 * step by step: the first and the last step; the first step on each node and on the wire
 * (every place the packet goes, so every node the view must pan to); the first step of each
 * kind (the DNAT, the conntrack entry, the reverse NAT...) and of each connection. In order.
 */
export function sampledSteps(trace: Trace): number[] {
  const picked = new Set<number>([0, trace.steps.length - 1]);
  const seen = new Set<string>();
  for (const step of trace.steps) {
    const keys = [`node ${step.node ?? 'wire'}`, `kind ${step.kind}`, 'connection' in step ? `connection ${step.connection}` : ''];
    for (const key of keys) {
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      picked.add(step.index);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

/** Every step's index, or the sample for a preset in `SAMPLED_PRESETS`. */
export function stepsToCheck(preset: string, trace: Trace): number[] {
  return SAMPLED_PRESETS.includes(preset) ? sampledSteps(trace) : trace.steps.map((s) => s.index);
}

import { describe, expect, it } from 'vitest';
import { presetScenario, simulate, type SimulateProgress } from '../../../src/index';

const progressOf = (name: string, mode: 'iptables' | 'ipvs' = 'iptables') => {
  const seen: SimulateProgress[] = [];
  const trace = simulate(presetScenario(name)!, { mode, onProgress: (p) => seen.push(p) });
  return { seen, trace };
};

describe('simulate: progress', () => {
  it('counts each node synced, then each connection, up to the total', () => {
    // article: 2 nodes, 1 connection.
    expect(progressOf('article').seen).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it.each(['pod-churn', 'service-recreated', 'scale'])('%s: counts events and connections too, and ends at its total', (name) => {
    const scenario = presetScenario(name)!;
    const { seen } = progressOf(name, 'ipvs');
    const total = scenario.cluster.nodes.length + scenario.traffic.length + scenario.events.length;
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([total]));
  });

  it('leaves the trace as it is without a callback', () => {
    expect(progressOf('pod-churn').trace).toEqual(simulate(presetScenario('pod-churn')!));
  });
});

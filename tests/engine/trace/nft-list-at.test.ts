import { describe, expect, it } from 'vitest';
import { nodeNftList, nodeNftListAt, presetScenario, simulate, type Trace } from '../../../src/index';

describe('nodeNftListAt', () => {
  const scenario = presetScenario('pod-churn')!;
  const trace = simulate(scenario, { mode: 'nftables' });
  const syncIndex = trace.steps.findIndex((s) => s.kind === 'kube-proxy-sync' && s.node === 'vm1');

  it("is the node's table after kube-proxy's first sync before any sync step", () => {
    expect(nodeNftListAt(scenario, trace, 0, 'vm1')).toBe(nodeNftList(scenario, 'vm1'));
    expect(nodeNftListAt(scenario, trace, 0, 'nowhere')).toBeUndefined();
  });

  it("is the table a sync on that node left, from that sync on, and not another node's", () => {
    // The table a sync left, as the walk records it (a marker line makes it recognisable).
    const after = ['table ip kube-proxy {', '\t# after the sync', '}'];
    const steps = trace.steps.map((s, i) =>
      i === syncIndex && s.kind === 'kube-proxy-sync' ? { ...s, rulesDiff: { ...s.rulesDiff!, nft: { before: [], after } } } : s,
    );
    const synced: Trace = { ...trace, steps };
    expect(syncIndex).toBeGreaterThan(0);
    expect(nodeNftListAt(scenario, synced, syncIndex - 1, 'vm1')).toBe(nodeNftList(scenario, 'vm1'));
    expect(nodeNftListAt(scenario, synced, syncIndex, 'vm1')).toBe(after.join('\n'));
    expect(nodeNftListAt(scenario, synced, trace.steps.length - 1, 'vm1')).toBe(after.join('\n'));
    expect(nodeNftListAt(scenario, synced, trace.steps.length - 1, 'vm2')).toBe(nodeNftList(scenario, 'vm2'));
  });
});

import { describe, expect, it } from 'vitest';
import { nodeNftList, nodeNftListAt, presetScenario, simulate } from '../../../src/index';

describe('nodeNftListAt', () => {
  const scenario = presetScenario('pod-churn')!;
  const trace = simulate(scenario, { mode: 'nftables' });
  const syncIndex = trace.steps.findIndex((s) => s.kind === 'kube-proxy-sync' && s.node === 'vm1');

  it("is the node's table after kube-proxy's first sync before any sync step", () => {
    expect(nodeNftListAt(scenario, trace, 0, 'vm1')).toBe(nodeNftList(scenario, 'vm1'));
    expect(nodeNftListAt(scenario, trace, 0, 'nowhere')).toBeUndefined();
  });

  it("is the table a sync on that node left, from that sync on, and not another node's", () => {
    const sync = trace.steps[syncIndex]!;
    const after = sync.rulesDiff!.nft!.after.join('\n');
    // pod4 deleted: the table the sync left lost its endpoint chain.
    expect(after).not.toBe(nodeNftList(scenario, 'vm1'));
    expect(nodeNftListAt(scenario, trace, syncIndex - 1, 'vm1')).toBe(nodeNftList(scenario, 'vm1'));
    expect(nodeNftListAt(scenario, trace, syncIndex, 'vm1')).toBe(after);
    expect(nodeNftListAt(scenario, trace, syncIndex + 1, 'vm1')).toBe(after);
  });
});

import { describe, expect, it } from 'vitest';
import { nodeIptablesSave, presetScenario } from '../../src/index';
import { breakProbability } from './break-rules';
import { nfacctNames } from './load-rules';

describe('breakProbability', () => {
  it("changes the first statistic rule of the engine's rules and nothing else", () => {
    const rules = nodeIptablesSave(presetScenario('three-replicas')!, 'vm1')!;
    const broken = breakProbability(rules);
    const diff = broken.split('\n').filter((line, i) => line !== rules.split('\n')[i]);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/--probability 0\.90000000000 -j KUBE-SEP-/);
  });
});

describe('nfacctNames', () => {
  it('finds the accounting objects in both spellings (kube-proxy one space, iptables-save two)', () => {
    expect(nfacctNames('-m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP\n-m nfacct --nfacct-name x -j DROP')).toEqual([
      'ct_state_invalid_dropped_pkts',
      'x',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { presetScenario, simulate } from '../../src/index';
import { engineMatchedRules, kernelMatchedRules } from './compare-counters';

describe('kernelMatchedRules', () => {
  it('takes the rules whose packet counter moved, leaving chain policies aside', () => {
    const save = [
      '*nat',
      ':PREROUTING ACCEPT [5:300]',
      '[1:60] -A PREROUTING -j KUBE-SERVICES',
      '[0:0] -A KUBE-SERVICES -j RETURN',
      'COMMIT',
    ].join('\n');
    expect([...kernelMatchedRules(save)]).toEqual(['nat -A PREROUTING -j KUBE-SERVICES']);
  });
});

describe('engineMatchedRules', () => {
  it("holds the client node's DNAT and the server node's forwarding rules, not the missed statistic rule", () => {
    const rules = engineMatchedRules(simulate(presetScenario('article')!));
    const vm1 = [...rules.get('vm1')!];
    expect(vm1.some((r) => r.includes('-j DNAT --to-destination 10.244.2.3:8080'))).toBe(true);
    expect(vm1.some((r) => r.includes('--probability'))).toBe(false);
    expect([...rules.get('vm2')!].some((r) => r.startsWith('filter -A FORWARD'))).toBe(true);
  });
});

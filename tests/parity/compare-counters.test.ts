import { describe, expect, it } from 'vitest';
import { presetScenario, simulate } from '../../src/index';
import { compareDropRule, engineMatchedRules, kernelMatchedRules } from './compare-counters';

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

describe('compareDropRule', () => {
  const trace = simulate(presetScenario('loadbalancer')!);
  const save = (count: number) =>
    [
      '*filter',
      `[${count}:60] -A KUBE-PROXY-FIREWALL -d 203.0.113.10/32 -p tcp -m comment --comment "default/svc1:http traffic not accepted by KUBE-FW-6FQZKDMVESNX7NUN" -m tcp --dport 80 -j DROP`,
      'COMMIT',
    ].join('\n');

  it("passes when the engine's DROP rule counted packets on its node, and fails when it counted none", () => {
    expect(compareDropRule('lb', trace, 1, new Map([['vm2', save(2)]]))?.status).toBe('PASS');
    expect(compareDropRule('lb', trace, 1, new Map([['vm2', save(0)]]))?.status).toBe('FAIL');
  });

  it('has nothing to check for a connection the engine lets through', () => {
    expect(compareDropRule('lb', trace, 0, new Map([['vm2', save(2)]]))).toBeNull();
  });
});

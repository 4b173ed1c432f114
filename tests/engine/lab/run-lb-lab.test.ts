import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetScenario, runLbLab, simulate, type LbLabOptions, type LbLabResult } from '../../../src/index';
import { propertyParams } from '../../fast-check-params';

const lab = (preset: string, options: LbLabOptions): LbLabResult => {
  const result = runLbLab(presetScenario(preset)!, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
const counts = (r: LbLabResult): Record<string, number> => Object.fromEntries(r.endpoints.map((e) => [e.pod ?? e.endpoint, e.count]));
const total = (r: LbLabResult) => r.endpoints.reduce((n, e) => n + e.count, 0) + r.unanswered;

describe('runLbLab: the load-balancing lab', () => {
  it('three-replicas, 3000 connections through the statistic rules: three endpoints, each within 10% of 1000, summing to 3000', () => {
    const r = lab('three-replicas', { connections: 3000 });
    expect(r.endpoints.map((e) => e.pod)).toEqual(['pod2', 'pod3', 'pod4']);
    for (const e of r.endpoints) {
      expect(e.count).toBeGreaterThanOrEqual(900);
      expect(e.count).toBeLessThanOrEqual(1100);
      expect(e.expectedShare).toBeCloseTo(1 / 3, 6);
    }
    expect(total(r)).toBe(3000);
    expect(r.test.determinism).toBe('random');
    expect(r.test.df).toBe(2);
    expect(r.test.pValue).toBeGreaterThan(0.001);
  });

  it('reads the shares from the chain: 0.333..., 0.5, (none), each reached only when the rules before it missed', () => {
    const r = lab('three-replicas', { connections: 10 });
    if (r.rules.kind !== 'statistic') throw new Error(r.rules.kind);
    expect(r.rules.svcChain).toMatch(/^KUBE-SVC-[A-Z0-9]{16}$/);
    expect(r.rules.rules.map((x) => x.probability)).toEqual(['0.33333333349', '0.50000000000', null]);
    expect(r.rules.rules.map((x) => x.reach.toFixed(4))).toEqual(['1.0000', '0.6667', '0.3333']);
    expect(r.rules.rules.map((x) => x.share.toFixed(4))).toEqual(['0.3333', '0.3333', '0.3333']);
  });

  it('IPVS rr: exactly 1000 each, and no p-value: rr draws nothing at random', () => {
    const r = lab('three-replicas', { connections: 3000, mode: 'ipvs' });
    expect(r.endpoints.map((e) => e.count)).toEqual([1000, 1000, 1000]);
    expect(r.test).toMatchObject({ statistic: 0, df: 2, pValue: null, determinism: 'rr' });
  });

  it.each(['iptables', 'ipvs'] as const)('session affinity (%s): every connection on one endpoint', (mode) => {
    const r = lab('session-affinity', { connections: 3000, mode });
    expect(r.endpoints.map((e) => e.count).sort((a, b) => a - b)).toEqual([0, 3000]);
    expect(r.test.determinism).toBe('affinity');
    expect(r.test.pValue).toBeNull();
  });

  it('wrr honours weights: 3:1:1 gives 600, 200, 200 and expected shares 0.6, 0.2, 0.2', () => {
    const r = lab('three-replicas', { connections: 1000, mode: 'ipvs', scheduler: 'wrr', weights: { pod2: 3 } });
    expect(counts(r)).toEqual({ pod2: 600, pod3: 200, pod4: 200 });
    expect(r.endpoints.map((e) => e.expectedShare)).toEqual([0.6, 0.2, 0.2]);
  });

  it('sh sends each client always to the same real server, whatever it sends', () => {
    const one = (client: string) => lab('three-replicas', { connections: 100, mode: 'ipvs', scheduler: 'sh', clients: [client] });
    for (const client of ['pod1', 'pod2', 'pod3']) {
      const r = one(client);
      expect(r.endpoints.filter((e) => e.count > 0)).toHaveLength(1);
      expect(r.endpoints.find((e) => e.count > 0)!.count).toBe(100);
      expect(r.test.determinism).toBe('hash');
    }
  });

  it('lc with every connection left open spreads them evenly: the least-loaded server takes the next', () => {
    const r = lab('three-replicas', { connections: 300, mode: 'ipvs', scheduler: 'lc' });
    expect(r.endpoints.map((e) => e.count)).toEqual([100, 100, 100]);
    expect(r.test.determinism).toBe('least-connection');
  });

  it('several clients take turns, and a client and its connections land where the rules say', () => {
    const r = lab('three-replicas', { connections: 900, clients: ['pod1', 'vm1'] });
    expect(r.clients).toEqual(['pod1', 'vm1']);
    expect(total(r)).toBe(900);
    expect(r.unanswered).toBe(0);
  });

  it('pod churn: before pod4 is deleted two endpoints, between deletion and re-creation only pod3, after it the new pod4', () => {
    const before = lab('pod-churn', { connections: 200, at: 0 });
    const gone = lab('pod-churn', { connections: 200, at: 2 });
    const back = lab('pod-churn', { connections: 200, at: 3 });
    expect(before.endpoints.map((e) => `${e.pod} ${e.endpoint}`)).toEqual(['pod3 10.244.2.2:8080', 'pod4 10.244.2.3:8080']);
    expect(gone.endpoints.map((e) => [e.pod, e.count])).toEqual([['pod3', 200]]);
    expect(back.endpoints.map((e) => `${e.pod} ${e.endpoint}`)).toEqual(['pod3 10.244.2.2:8080', 'pod4 10.244.2.4:8080']);
    expect(back.endpoints.every((e) => e.count > 60)).toBe(true);
  });

  it('no endpoints: every connection is refused and counted as unanswered', () => {
    const r = lab('no-endpoints', { connections: 20 });
    expect(r.endpoints).toEqual([]);
    expect(r.unanswered).toBe(20);
    expect(r.test.determinism).toBe('none');
  });

  it('is deterministic: the same seed gives the same counts, another seed other counts', () => {
    const a = counts(lab('three-replicas', { connections: 500, seed: 7 }));
    expect(counts(lab('three-replicas', { connections: 500, seed: 7 }))).toEqual(a);
    expect(counts(lab('three-replicas', { connections: 500, seed: 8 }))).not.toEqual(a);
  });

  it.each(['iptables', 'ipvs'] as const)('%s: 30 lab connections land where simulate sends the same 30 connections', (mode) => {
    const scenario = presetScenario('three-replicas')!;
    const traffic = Array.from({ length: 30 }, () => scenario.traffic[0]!);
    const trace = simulate({ ...scenario, traffic }, { mode, scheduler: 'rr' });
    const expected: Record<string, number> = {};
    for (const c of trace.connections) expected[c.endpointPod!] = (expected[c.endpointPod!] ?? 0) + 1;
    const r = lab('three-replicas', { connections: 30, mode, scheduler: 'rr' });
    expect(Object.fromEntries(Object.entries(counts(r)).filter(([, n]) => n > 0))).toEqual(expected);
  });

  it.each([
    [{ connections: 9 }, /connections must be a whole number from 10 to 10,000, not 9/],
    [{ connections: 10_001 }, /not 10001/],
    [{ connections: 100, clients: ['nobody'] }, /no pod or node named "nobody"/],
    [{ connections: 100, service: 'svc9' }, /no Service named "svc9"/],
    [{ connections: 100, port: 81 }, /has no port 81/],
    [{ connections: 100, weights: { pod2: 2 } }, /use mode ipvs/],
    [{ connections: 100, mode: 'ipvs', weights: { pod2: -1 } }, /whole number 0..65535/],
  ] as const)('refuses %o with a readable error', (options, message) => {
    const r = runLbLab(presetScenario('three-replicas')!, options as LbLabOptions);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('property: the counts always sum to N, whatever the mode, scheduler, seed and N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('iptables', 'ipvs'),
        fc.constantFrom('rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq'),
        fc.constantFrom('three-replicas', 'session-affinity', 'article', 'no-endpoints'),
        (n, seed, mode, scheduler, preset) => {
          const r = lab(preset, { connections: n, seed, mode, scheduler });
          expect(total(r)).toBe(n);
        },
      ),
      propertyParams(25),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPacketStep, presetScenario, simulate, type Trace } from '../../../src/index';
import { propertyParams } from '../../fast-check-params';

const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);

const article = presetScenario('article')!;
const readyEndpoints = new Set(['10.244.2.2:8080', '10.244.2.3:8080']);
const seed = fc.integer({ min: 0, max: 0xffffffff });

describe('for any seed (property tests)', () => {
  it('the DNAT target is a ready endpoint of svc1', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const trace = simulate(article, { seed: s });
        const dnat = packetSteps(trace).filter((step) => step.kind === 'dnat');
        expect(dnat).toHaveLength(1);
        expect(readyEndpoints.has(`${dnat[0]!.after.dstIp}:${dnat[0]!.after.dstPort}`)).toBe(true);
      }),
      propertyParams(150),
    );
  });

  it('the reply reaches pod1 from the Service IP and port, to the port pod1 sent from', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const trace = simulate(article, { seed: s });
        const syn = packetSteps(trace)[0]!;
        const reply = packetSteps(trace)
          .filter((step) => step.label === 'SYN-ACK')
          .at(-1)!;
        expect(reply.kind).toBe('deliver');
        expect(reply.to).toBe('pod1/eth0');
        expect([reply.after.srcIp, reply.after.srcPort]).toEqual(['10.96.0.10', 80]);
        expect([reply.after.dstIp, reply.after.dstPort]).toEqual([syn.before.srcIp, syn.before.srcPort]);
      }),
      propertyParams(150),
    );
  });

  it('the same seed gives the same trace', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(JSON.stringify(simulate(article, { seed: s }))).toBe(JSON.stringify(simulate(article, { seed: s })));
      }),
      propertyParams(40),
    );
  });

  it('each endpoint is chosen about half the time over many seeds', () => {
    const counts = new Map<string, number>();
    for (let s = 0; s < 400; s++) {
      const pod = simulate(article, { seed: s }).connections[0]!.endpointPod!;
      counts.set(pod, (counts.get(pod) ?? 0) + 1);
    }
    // 400 draws at p = 1/2: 200 +- 50 is beyond 5 standard deviations.
    expect(counts.get('pod3')).toBeGreaterThan(150);
    expect(counts.get('pod4')).toBeGreaterThan(150);
  });
});

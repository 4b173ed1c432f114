import { describe, expect, it } from 'vitest';
import { isPacketStep, narrate, parseScenario, PRESETS, simulate, type IpvsScheduler } from '../../../src/index';
import { shBucket } from '../../../src/ipvs';
import { ipv4 } from '../../../src/net/ipv4';

/** The article's cluster with pod1 opening two connections to svc1, in IPVS mode with the given scheduler. */
function twoConnections(scheduler: IpvsScheduler) {
  const parsed = parseScenario({ ...PRESETS.article!, traffic: [PRESETS.article!.traffic[0]!, PRESETS.article!.traffic[0]!] });
  if (!parsed.ok) throw new Error('invalid scenario');
  const trace = simulate(parsed.scenario, { mode: 'ipvs', scheduler });
  return trace.steps.filter(isPacketStep).filter((s) => s.kind === 'dnat' && s.label === 'SYN');
}

describe("IPVS's choice of a real server, told from what chose it", () => {
  it('rr: the first pick starts at the head of the list; the next is the one after the last pick', () => {
    const [first, second] = twoConnections('rr');
    expect(first!.note.id).toBe('ipvs.scheduled.rr-first');
    expect(second!.note).toMatchObject({ id: 'ipvs.scheduled.rr', params: { previous: first!.ipvsChange!.realServer } });
    expect(narrate(second!.note, 'en')).toContain(`next real server in turn after ${first!.ipvsChange!.realServer}`);
  });

  it("lc: the fewest connections, with every real server's ActiveConn/InActConn as IPVS counted them", () => {
    const [, second] = twoConnections('lc');
    expect(second!.note.id).toBe('ipvs.scheduled.least');
    const text = narrate(second!.note, 'en');
    const loads = /ActiveConn\/InActConn: (.*?);/.exec(text)?.[1];
    expect(loads?.split(', ').sort()).toEqual(['10.244.2.2:8080 0/0', '10.244.2.3:8080 1/0']);
    expect(second!.ipvsChange!.realServer).toBe('10.244.2.2:8080');
  });

  it('sh: the bucket the client address hashes to, the same for every connection of that client', () => {
    const picks = twoConnections('sh');
    const bucket = shBucket(ipv4('10.244.1.2'));
    for (const s of picks) expect(s.note).toMatchObject({ id: 'ipvs.scheduled.sh', params: { bucket } });
    expect(picks[0]!.ipvsChange!.realServer).toBe(picks[1]!.ipvsChange!.realServer);
    expect(narrate(picks[0]!.note, 'zh')).toContain(`第 ${bucket} 个`);
  });

  it('names the rewrite hook: LOCAL_IN for a pod, LOCAL_OUT for the node itself', () => {
    const [first] = twoConnections('rr');
    expect(first!.note.params).toMatchObject({ ipvsHook: 'LOCAL_IN', priority: 99, natHook: 'PREROUTING' });
    const parsed = parseScenario({ ...PRESETS.article!, traffic: [{ from: 'vm1', to: 'svc1', port: 80 }] });
    if (!parsed.ok) throw new Error('invalid scenario');
    const own = simulate(parsed.scenario, { mode: 'ipvs' })
      .steps.filter(isPacketStep)
      .find((s) => s.kind === 'dnat')!;
    expect(own.note.params).toMatchObject({ ipvsHook: 'LOCAL_OUT', priority: -98, natHook: 'OUTPUT' });
  });
});

import { describe, expect, it } from 'vitest';
import { clusterStrings } from '../../app/i18n/cluster-strings';
import { packetCard } from '../../app/topology/cluster/packet-card';
import { isPacketStep, presetScenario, simulate, type Step } from '../../src/index';

const en = clusterStrings.en;
const stepsOf = (preset: string, mode: 'iptables' | 'ipvs' = 'iptables') =>
  simulate(presetScenario(preset)!, { mode }).steps.filter(isPacketStep);
const addr = (ip: string, port: number) => `${ip}:${port}`;
const lines = (step: Step) => packetCard(step, en).lines.map((l) => `${l.label} ${l.value} ${l.role}`);

describe('packetCard', () => {
  it('names the packet and gives its source and destination as ip:port', () => {
    const step = stepsOf('article')[0]!;
    const card = packetCard(step, en);
    expect(card.title).toBe('SYN');
    expect(lines(step)).toEqual([`src ${addr(step.after.srcIp, step.after.srcPort)} kept`, 'dst 10.96.0.10:80 kept']);
  });

  it('keeps the DNATed destination struck through with the endpoint under it, as the article’s card does', () => {
    const dnat = stepsOf('article').find((s) => s.kind === 'dnat')!;
    expect(lines(dnat).slice(1)).toEqual(['dst 10.96.0.10:80 old', 'dst 10.244.2.3:8080 new']);
    expect(packetCard(dnat, en).heading).toBeNull();
  });

  it('on the reply, strikes the endpoint’s source and puts the Service under it, above the destination', () => {
    const reverse = stepsOf('article').find((s) => s.kind === 'reverse-nat')!;
    expect(lines(reverse)).toEqual(['src 10.244.2.3:8080 old', 'src 10.96.0.10:80 new', 'dst 10.244.1.2:50637 kept']);
  });

  it('shows the hairpin masquerade: the source becomes the bridge’s address', () => {
    const snat = stepsOf('hairpin').find((s) => s.before.srcIp !== s.after.srcIp && s.direction === 'original')!;
    expect(lines(snat)[1]).toBe(`src ${addr(snat.after.srcIp, snat.after.srcPort)} new`);
    expect(snat.after.srcIp).toBe('10.244.2.1');
  });

  it('says IPVS rewrote the packet, with its scheduler, in IPVS mode', () => {
    const step = stepsOf('article', 'ipvs').find((s) => s.ipvsChange && s.before.dstIp !== s.after.dstIp)!;
    expect(packetCard(step, en).heading).toBe('IPVS (rr)');
    expect(packetCard(step, clusterStrings.zh).heading).toBe('IPVS（rr）');
  });

  it('has only a title on a control-plane step', () => {
    const sync = simulate(presetScenario('pod-churn')!).steps.find((s) => s.kind === 'kube-proxy-sync')!;
    const card = packetCard(sync, clusterStrings.zh);
    expect([card.title, card.lines]).toEqual(['控制平面', []]);
  });

  it('is as wide as its longest line and as tall as its lines', () => {
    const dnat = stepsOf('article').find((s) => s.kind === 'dnat')!;
    const a = packetCard(dnat, en);
    const b = packetCard(stepsOf('article')[0]!, en);
    expect(a.height).toBeGreaterThan(b.height);
    expect(a.width).toBeGreaterThan(100);
  });
});

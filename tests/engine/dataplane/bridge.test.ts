import { describe, expect, it } from 'vitest';
import { nodeNamed, podNamed, tcp, walk, worldOf } from './fixtures';

// In the article's cluster pod1 (10.244.1.2, veth0) and pod2 (10.244.1.3, veth1) are on
// vm1's cbr0 (10.244.1.1); pod4 (10.244.2.3, veth1) is on vm2's. svc1 is 10.96.0.10:80.

describe('cbr0: which port a frame leaves by', () => {
  it("forwards a frame addressed to another port's MAC out of that port, unrouted (same TTL), while br_netfilter runs the IP hooks on it", () => {
    const world = worldOf('same-node');
    const pod2 = podNamed(world, 'pod2');
    const { outcome, steps } = walk(world, { pod: 'pod1' }, tcp('10.244.1.2', 40000, '10.244.1.3', 8080));
    expect(steps[0]?.after.dstMac).toBe(pod2.mac);
    expect(steps.find((s) => s.kind === 'bridge')?.note).toEqual({
      id: 'bridge.br-netfilter',
      params: { dst: '10.244.1.3', port: 'veth1' },
    });
    expect(steps.filter((s) => s.hook !== null).map((s) => s.hook)).toEqual(['PREROUTING', 'FORWARD', 'POSTROUTING']);
    expect(steps.at(-1)).toMatchObject({ kind: 'deliver', at: 'vm1/veth1', to: 'pod2/eth0' });
    expect(outcome).toMatchObject({ kind: 'delivered', packet: { dstMac: pod2.mac, ttl: 64 } });
  });

  it("hands a frame for the pod's gateway (cbr0's own MAC) up to the root namespace: a ClusterIP is never ARPed for", () => {
    const world = worldOf('same-node');
    const { steps } = walk(world, { pod: 'pod1' }, tcp('10.244.1.2', 40000, '10.96.0.10', 80));
    expect(steps[0]?.after.dstMac).toBe(nodeNamed(world, 'vm1').bridgeMac);
    expect(steps[2]).toMatchObject({ kind: 'bridge-miss', at: 'vm1/cbr0', to: 'vm1/PREROUTING' });
  });

  it("bridges a packet DNATed to a pod behind the same bridge back out of that pod's port, with its MAC and the TTL unchanged", () => {
    const world = worldOf('same-node');
    const pod1 = podNamed(world, 'pod1');
    const pod2 = podNamed(world, 'pod2');
    const { outcome, steps } = walk(world, { pod: 'pod1' }, tcp('10.244.1.2', 40000, '10.96.0.10', 80));
    expect(steps.find((s) => s.kind === 'route')?.note.id).toBe('route.bridged');
    expect(steps.at(-1)).toMatchObject({ kind: 'deliver', at: 'vm1/veth1', to: 'pod2/eth0' });
    expect(outcome).toMatchObject({
      kind: 'delivered',
      packet: { dstIp: '10.244.1.3', dstPort: 8080, srcMac: pod1.mac, dstMac: pod2.mac, ttl: 64 },
    });
  });

  it("re-frames a routed packet from eth0 for the pod's port: cbr0's MAC as source, the pod's as destination", () => {
    const world = worldOf('cross-node');
    const pod4 = podNamed(world, 'pod4');
    const { outcome, steps } = walk(world, { pod: 'pod1' }, tcp('10.244.1.2', 40000, '10.96.0.10', 80));
    expect(steps.at(-1)).toMatchObject({ kind: 'deliver', at: 'vm2/veth1', to: 'pod4/eth0' });
    // One hop less on each node that routed it: vm1 and vm2.
    expect(outcome).toMatchObject({ kind: 'delivered', packet: { srcMac: nodeNamed(world, 'vm2').bridgeMac, dstMac: pod4.mac, ttl: 62 } });
  });

  it('sends a hairpin frame back out of the port it came in on, masqueraded to the bridge address', () => {
    // svc1's only endpoint in this preset is pod4 itself.
    const world = worldOf('cross-node');
    const { outcome, steps } = walk(world, { pod: 'pod4' }, tcp('10.244.2.3', 40000, '10.96.0.10', 80));
    expect(steps[0]).toMatchObject({ at: 'pod4/eth0', to: 'vm2/veth1' });
    expect(steps.at(-2)).toMatchObject({ kind: 'bridge', to: 'vm2/veth1', note: { id: 'bridge.hairpin' } });
    expect(outcome).toMatchObject({
      kind: 'delivered',
      peer: { kind: 'pod', pod: { name: 'pod4' } },
      packet: { srcIp: '10.244.2.1', dstIp: '10.244.2.3' },
    });
  });

  it("drops a packet for an address of the pod's own subnet that no pod holds: nobody answers ARP", () => {
    const { outcome, steps } = walk(worldOf('same-node'), { pod: 'pod1' }, tcp('10.244.1.2', 40000, '10.244.1.99', 80));
    expect(outcome).toEqual({ kind: 'dropped', node: 'vm1', reason: 'nobody answers ARP for 10.244.1.99' });
    expect(steps).toEqual([]);
  });
});

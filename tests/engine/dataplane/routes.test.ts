import { describe, expect, it } from 'vitest';
import { isLocalAddress, lookupRoute, nextNode } from '../../../src/dataplane/routes';
import { ipv4 } from '../../../src/net/ipv4';
import { nodeNamed, worldOf } from './fixtures';

// The article's cluster: vm1 (192.168.0.11, pods 10.244.1.0/24 on cbr0 10.244.1.1),
// vm2 (192.168.0.12, pods 10.244.2.0/24), svc1's ClusterIP 10.96.0.10.
const world = worldOf('article');
const vm1 = nodeNamed(world, 'vm1');
const route = (dst: string, ipvsAddresses?: ReadonlySet<string>) => lookupRoute(world.cluster, vm1, ipv4(dst), ipvsAddresses);

describe('the route vm1 picks (ip route get)', () => {
  it.each([
    ['a pod on vm1 itself', '10.244.1.3', 'bridge', 'cbr0', '10.244.1.0/24 dev cbr0 proto kernel scope link src 10.244.1.1'],
    ['a pod on vm2', '10.244.2.3', 'via-node', 'eth0', '10.244.2.0/24 via 192.168.0.12 dev eth0'],
    ['vm2 itself, on the shared node network', '192.168.0.12', 'on-link', 'eth0', '192.168.0.12 dev eth0 scope link (the node network)'],
    ['an address of the cluster CIDR that no node holds', '10.244.9.9', 'default', 'eth0', 'default via the VPC gateway dev eth0'],
    ['an address outside the cluster', '8.8.8.8', 'default', 'eth0', 'default via the VPC gateway dev eth0'],
  ])('sends %s (%s) by a %s route out of %s', (_, dst, kind, dev, text) => {
    expect(route(dst)).toMatchObject({ kind, dev, text });
  });

  it('has no route for the Service CIDR: in iptables mode a ClusterIP not DNATed at PREROUTING would leave by the default route', () => {
    expect(route('10.96.0.10')).toEqual({ kind: 'default', dev: 'eth0', text: 'default via the VPC gateway dev eth0' });
  });

  it('names the node behind a pod CIDR, so the frame is addressed to that node', () => {
    const r = route('10.244.2.3');
    expect(r.kind === 'via-node' ? r.node.name : null).toBe('vm2');
  });

  it("reaches a host outside the cluster on the nodes' network on-link, an internet client by the default route", () => {
    const outside = worldOf('nodeport');
    const onVm1 = (dst: string) => lookupRoute(outside.cluster, nodeNamed(outside, 'vm1'), ipv4(dst));
    expect(onVm1('192.168.0.100')).toEqual({
      kind: 'on-link',
      dev: 'eth0',
      node: null,
      text: '192.168.0.100 dev eth0 scope link (the node network)',
    });
    expect(onVm1('198.51.100.77').kind).toBe('default');
    expect(nextNode(route('192.168.0.12'))?.name).toBe('vm2');
  });

  it('delivers a ClusterIP bound to kube-ipvs0 (IPVS mode) locally, from the local table', () => {
    expect(route('10.96.0.10', new Set(['10.96.0.10']))).toEqual({
      kind: 'local',
      text: 'local 10.96.0.10 dev kube-ipvs0 table local proto kernel scope host src 10.96.0.10',
    });
  });

  it.each(['192.168.0.11', '10.244.1.1', '127.0.0.1'])('delivers %s, one of its own addresses, locally', (dst) => {
    expect(route(dst)).toEqual({ kind: 'local', text: `local ${dst} dev lo table local` });
  });
});

describe("a node's own addresses (addrtype LOCAL)", () => {
  it.each([
    ['its eth0 address', '192.168.0.11', true],
    ["cbr0's address", '10.244.1.1', true],
    ['loopback', '127.0.0.53', true],
    ['another node', '192.168.0.12', false],
    ['one of its pods', '10.244.1.2', false],
    ['a ClusterIP, in iptables mode', '10.96.0.10', false],
  ])('counts %s (%s): %s', (_, ip, local) => {
    expect(isLocalAddress(vm1, ipv4(ip))).toBe(local);
  });

  it('counts every address on kube-ipvs0 in IPVS mode', () => {
    expect(isLocalAddress(vm1, ipv4('10.96.0.10'), new Set(['10.96.0.10']))).toBe(true);
  });
});

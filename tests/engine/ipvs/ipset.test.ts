import { describe, expect, it } from 'vitest';
import { ipPortEntry, ipPortIpEntry, ipsetMatches, type Ipset } from '../../../src/ipvs';
import { pkt } from './fixtures';

const set = (name: string, type: Ipset['type'], members: string[]): Ipset => ({ name, type, comment: '', members, references: 1 });

const clusterIp = set('KUBE-CLUSTER-IP', 'hash:ip,port', ['10.96.0.10,udp:53', '10.96.0.10,tcp:53', '10.96.0.1,tcp:443']);
const loopBack = set('KUBE-LOOP-BACK', 'hash:ip,port,ip', ['10.244.1.5,tcp:53,10.244.1.5']);
const ipvsIps = set('KUBE-IPVS-IPS', 'hash:ip', ['10.96.0.10', '10.96.0.1']);
const nodePorts = set('KUBE-NODE-PORT-TCP', 'bitmap:port', ['30080']);
const sourceCidr = set('KUBE-LOAD-BALANCER-SOURCE-CIDR', 'hash:ip,port,net', ['1.2.3.4,tcp:80,10.0.1.0/24']);

describe('ipset entries (pkg/proxy/ipvs/ipset Entry.String)', () => {
  it('formats hash:ip,port and hash:ip,port,ip entries', () => {
    expect(ipPortEntry('10.96.0.10', 'tcp', 80)).toBe('10.96.0.10,tcp:80');
    expect(ipPortIpEntry('10.244.1.5', 'tcp', 53, '10.244.1.5')).toBe('10.244.1.5,tcp:53,10.244.1.5');
  });
});

describe('ipsetMatches (-m set --match-set NAME FLAGS)', () => {
  it.each<[string, Ipset, ReturnType<typeof pkt>, string, boolean]>([
    ['a pod to a ClusterIP:port', clusterIp, pkt('10.244.1.7:40000', '10.96.0.10:53', [], 'udp'), 'dst,dst', true],
    ['the right VIP, another port', clusterIp, pkt('10.244.1.7:40000', '10.96.0.10:80'), 'dst,dst', false],
    ['the right VIP and port, other protocol', clusterIp, pkt('10.244.1.7:40000', '10.96.0.1:443', [], 'udp'), 'dst,dst', false],
    ['src,dst reads the source address', clusterIp, pkt('10.96.0.10:40000', '10.244.1.5:53'), 'src,dst', true],
    ['too few flags for the set', clusterIp, pkt('10.244.1.7:40000', '10.96.0.10:53'), 'dst', false],
    ['hairpin: a pod to itself after DNAT', loopBack, pkt('10.244.1.5:40000', '10.244.1.5:53'), 'dst,dst,src', true],
    ['another pod to that endpoint', loopBack, pkt('10.244.1.7:40000', '10.244.1.5:53'), 'dst,dst,src', false],
    ['an address on kube-ipvs0', ipvsIps, pkt('10.244.1.7:40000', '10.96.0.1:22'), 'dst', true],
    ['a node port', nodePorts, pkt('192.168.0.9:40000', '192.168.0.2:30080'), 'dst', true],
    ['another port', nodePorts, pkt('192.168.0.9:40000', '192.168.0.2:30081'), 'dst', false],
    ['a source inside the net', sourceCidr, pkt('10.0.1.77:40000', '1.2.3.4:80'), 'dst,dst,src', true],
    ['a source outside the net', sourceCidr, pkt('10.0.2.77:40000', '1.2.3.4:80'), 'dst,dst,src', false],
  ])('%s', (_name, s, p, flags, expected) => {
    expect(ipsetMatches(s, p, flags)).toBe(expected);
  });
});

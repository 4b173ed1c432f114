// Tables whose `nft list` text was captured from a real kernel (fixtures/*.nft-list.txt) and
// that the kernel round trip loads again where it can: the corpus' TestOverallNFTablesRules,
// and two made-up clusters that reach the printer's other branches (IPv4 and IPv6 element
// wrapping and order, UDP and SCTP, source ranges holding the node IP, affinity timeouts,
// --masquerade-all, NodePorts on every local address, two Service CIDRs).
import type { EndpointSliceInput, ServiceInput } from '../../../../src/kube-proxy';
import { TEST_NFTABLES_PROXIER_CONFIG, syncNftablesRules, type NftTable } from '../../../../src/kube-proxy/nftables';
import { configOf, corpusCase } from './nftables-corpus';

const ipv4Services: ServiceInput[] = [
  {
    namespace: 'ns7',
    name: 'svc7',
    type: 'LoadBalancer',
    clusterIP: '172.30.0.47',
    ports: [
      { name: 'p80', port: 80, protocol: 'TCP', nodePort: 3007 },
      { name: 'dns', port: 53, protocol: 'UDP', nodePort: 3053 },
      { name: 's', port: 99, protocol: 'SCTP' },
    ],
    loadBalancerIngress: [{ ip: '5.6.7.9' }, { ip: '1.2.3.5' }],
    loadBalancerSourceRanges: ['203.0.113.0/25', '192.168.0.0/24', '10.1.2.3/32'],
    sessionAffinity: 'ClientIP',
    sessionAffinityTimeoutSeconds: 90,
  },
  ...Array.from({ length: 7 }, (_, i) => ({
    namespace: 'ns8',
    name: `s${i}`,
    clusterIP: `172.30.${(i * 37) % 256}.${(i * 91) % 256}`,
    ports: [{ name: '', port: 8000 + i * 300, protocol: 'TCP' }],
  })),
];

const ipv4Slices: EndpointSliceInput[] = [
  {
    namespace: 'ns7',
    serviceName: 'svc7',
    name: 'a',
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.180.0.9'] }, { addresses: ['10.180.3.1'], nodeName: 'test-node' }, { addresses: ['10.180.1.7'] }],
    ports: [
      { name: 'p80', port: 8080, protocol: 'TCP' },
      { name: 'dns', port: 5353, protocol: 'UDP' },
      { name: 's', port: 99, protocol: 'SCTP' },
    ],
  },
  ...Array.from({ length: 4 }, (_, i) => ({
    namespace: 'ns8',
    serviceName: `s${i}`,
    name: `x${i}`,
    addressType: 'IPv4' as const,
    endpoints: [{ addresses: [`10.2.${i}.1`] }],
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  })),
];

const ipv6Services: ServiceInput[] = Array.from({ length: 4 }, (_, i) => ({
  namespace: 'v6',
  name: `svc${i}`,
  type: i % 2 === 0 ? ('NodePort' as const) : ('ClusterIP' as const),
  clusterIP: `fd00:10:96::${(i * 0x1f3 + 5).toString(16)}`,
  ports: [{ name: 'http', port: 80 + i, protocol: i === 3 ? 'UDP' : 'TCP', ...(i % 2 === 0 ? { nodePort: 30000 + i } : {}) }],
  ...(i === 2 ? { sessionAffinity: 'ClientIP' as const } : {}),
}));

const ipv6Slices: EndpointSliceInput[] = ipv6Services.slice(0, 3).map((s, i) => ({
  namespace: 'v6',
  serviceName: s.name,
  name: `${s.name}-1`,
  addressType: 'IPv6',
  endpoints: [{ addresses: [`fd00:10:180::${i + 1}`] }, { addresses: [`fd00:10:180::1:${i + 9}`], nodeName: 'test-node' }],
  ports: [{ name: 'http', port: 8080, protocol: s.ports[0]!.protocol }],
}));

export const LIST_SCENARIOS: Readonly<Record<string, () => NftTable>> = {
  overall: () => {
    const c = corpusCase('TestOverallNFTablesRules');
    return syncNftablesRules(configOf(c), c.services ?? [], c.endpointSlices ?? []);
  },
  'ipv4-mixed': () =>
    syncNftablesRules(
      { ...TEST_NFTABLES_PROXIER_CONFIG, masqueradeAll: true, nodePortAddresses: null, serviceCIDRs: ['172.30.0.0/16', '10.96.0.0/12'] },
      ipv4Services,
      ipv4Slices,
    ),
  'ipv6-mixed': () =>
    syncNftablesRules(
      {
        ...TEST_NFTABLES_PROXIER_CONFIG,
        ipFamily: 'IPv6',
        nodeIP: '2001:db8::1',
        localDetector: { mode: 'ClusterCIDR', cidr: 'fd00:10::/64' },
        serviceCIDRs: ['fd00:10:96::/112'],
      },
      ipv6Services,
      ipv6Slices,
    ),
};

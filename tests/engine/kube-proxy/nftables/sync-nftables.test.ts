import { describe, expect, it } from 'vitest';
import type { EndpointSliceInput, ServiceInput } from '../../../../src/kube-proxy';
import {
  TEST_NFTABLES_PROXIER_CONFIG,
  nftEndpointNames,
  printNftTransaction,
  sortNftTransaction,
  syncNftablesRules,
  type NftTable,
} from '../../../../src/kube-proxy/nftables';
import { configOf, corpus, corpusCase } from './nftables-corpus';

const sync = (services: readonly ServiceInput[], slices: readonly EndpointSliceInput[], config = TEST_NFTABLES_PROXIER_CONFIG): NftTable =>
  syncNftablesRules(config, services, slices);
const rulesOf = (t: NftTable, chain: string): string[] => t.chains.find((c) => c.name === chain)?.rules.map((r) => r.text) ?? [];
const elementsOf = (t: NftTable, set: string): string[] =>
  t.sets.find((s) => s.name === set)?.elements.map((e) => `${e.key.join(' . ')}${e.value !== undefined ? ` : ${e.value}` : ''}`) ?? [];

const svc1: ServiceInput = {
  namespace: 'ns1',
  name: 'svc1',
  clusterIP: '172.30.0.41',
  ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
};
const slice1 = (endpoints: EndpointSliceInput['endpoints']): EndpointSliceInput => ({
  namespace: 'ns1',
  serviceName: 'svc1',
  name: 'svc1-1',
  addressType: 'IPv4',
  endpoints,
  ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
});

describe('syncNftablesRules: the corpus', () => {
  it("reproduces TestOverallNFTablesRules' expected transaction byte for byte, from its inputs", () => {
    const c = corpusCase('TestOverallNFTablesRules');
    const dump = printNftTransaction(syncNftablesRules(configOf(c), c.services ?? [], c.endpointSlices ?? []));
    expect(sortNftTransaction(dump)).toBe(c.expected?.nftDumpSorted);
  });

  it.each(corpus.cases.filter((c) => c.kind === 'map-element').map((c) => [c.id, c] as const))(
    '%s: the service-ips element is there or not',
    (_id, c) => {
      const table = syncNftablesRules(configOf(c), c.services ?? [], c.endpointSlices ?? []);
      const map = table.sets.find((s) => s.name === c.expected?.map);
      const found = map?.elements.some((e) => e.key.join(' . ') === c.expected?.elementKey?.join(' . '));
      expect(found).toBe(c.expected?.present);
    },
  );
});

describe('syncNftablesRules: what a user would see in the table', () => {
  it('sends a ClusterIP through one service-ips element to a numgen vmap over every endpoint, in endpoint order', () => {
    const t = sync([svc1], [slice1([{ addresses: ['10.180.0.2'] }, { addresses: ['10.180.0.1'] }])]);
    expect(elementsOf(t, 'service-ips')).toEqual(['172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80']);
    expect(rulesOf(t, 'service-ULMVA6XW-ns1/svc1/tcp/p80')).toEqual([
      'ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
      `numgen random mod 2 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 , 1 : goto ${nftEndpointNames('ns1/svc1', 'tcp', 'p80', '10.180.0.2:80').chain} }`,
    ]);
  });

  it('rejects a ClusterIP without endpoints through no-endpoint-services, with no service chain', () => {
    const t = sync([svc1], []);
    expect(elementsOf(t, 'no-endpoint-services')).toEqual(['172.30.0.41 . tcp . 80 : goto reject-chain']);
    expect(elementsOf(t, 'service-ips')).toEqual([]);
    expect(t.chains.some((c) => c.name.includes('/'))).toBe(false);
  });

  it('masquerades every ClusterIP client with --masquerade-all, and only off-cluster ones otherwise', () => {
    const eps = [slice1([{ addresses: ['10.180.0.1'] }])];
    expect(
      rulesOf(sync([svc1], eps, { ...TEST_NFTABLES_PROXIER_CONFIG, masqueradeAll: true }), 'service-ULMVA6XW-ns1/svc1/tcp/p80')[0],
    ).toBe('ip daddr 172.30.0.41 jump mark-for-masquerade');
    expect(
      rulesOf(sync([svc1], eps, { ...TEST_NFTABLES_PROXIER_CONFIG, localDetector: null }), 'service-ULMVA6XW-ns1/svc1/tcp/p80'),
    ).toHaveLength(1);
  });

  it("gives an externalTrafficPolicy=Local service a local- chain over the node's endpoints, reached from external-", () => {
    const svc: ServiceInput = {
      ...svc1,
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
    };
    const t = sync(
      [svc],
      [
        slice1([
          { addresses: ['10.180.0.1'], nodeName: 'test-node' },
          { addresses: ['10.180.0.2'], nodeName: 'other' },
        ]),
      ],
    );
    expect(rulesOf(t, 'external-ULMVA6XW-ns1/svc1/tcp/p80').at(-1)).toBe('goto local-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(rulesOf(t, 'local-ULMVA6XW-ns1/svc1/tcp/p80')).toEqual([
      'numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }',
    ]);
    expect(elementsOf(t, 'service-nodeports')).toEqual(['tcp . 3001 : goto external-ULMVA6XW-ns1/svc1/tcp/p80']);
  });

  it('drops traffic to an internalTrafficPolicy=Local ClusterIP when no endpoint is on this node', () => {
    const t = sync([{ ...svc1, internalTrafficPolicy: 'Local' }], [slice1([{ addresses: ['10.180.0.2'], nodeName: 'other' }])]);
    expect(elementsOf(t, 'no-endpoint-services')).toEqual(['172.30.0.41 . tcp . 80 : drop']);
  });

  it('matches NodePorts on every local address without a nodeport-ips set when --nodeport-addresses is unset', () => {
    const t = sync([], [], { ...TEST_NFTABLES_PROXIER_CONFIG, nodePortAddresses: null });
    expect(t.sets.some((s) => s.name === 'nodeport-ips')).toBe(false);
    expect(rulesOf(t, 'services')[1]).toBe('fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports');
    expect(rulesOf(t, 'nodeport-endpoints-check')).toEqual(['ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports']);
  });

  it('writes an IPv6 proxier with ip6 matches, ipv6_addr sets and bracketed DNAT targets', () => {
    const c = corpusCase('TestNodePorts/ipv6');
    const t = syncNftablesRules(configOf(c), c.services ?? [], c.endpointSlices ?? []);
    expect(t.family).toBe('ip6');
    expect(t.sets.find((s) => s.name === 'cluster-ips')?.keyType).toEqual(['ipv6_addr']);
    expect(elementsOf(t, 'nodeport-ips')).toEqual(['2001:db8::1']);
    expect(rulesOf(t, 'cluster-ips-check')[1]).toBe('ip6 daddr { fd00:10:96::/112 } drop');
    expect(
      t.chains
        .flatMap((ch) => ch.rules.map((r) => r.text))
        .filter((r) => r.includes('dnat to'))
        .sort(),
    ).toEqual(['meta l4proto tcp dnat to [fd00:10:180::1]:80', 'meta l4proto tcp dnat to [fd00:10:180::2:1]:80']);
  });

  it('allows the load-balancer IPs themselves through the firewall when a source range holds the node IP', () => {
    const svc: ServiceInput = {
      ...svc1,
      type: 'LoadBalancer',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
      loadBalancerIngress: [{ ip: '5.6.7.8' }],
      loadBalancerSourceRanges: ['192.168.0.0/24'],
    };
    const t = sync([svc], [slice1([{ addresses: ['10.180.0.1'] }])]);
    expect(rulesOf(t, 'firewall-ULMVA6XW-ns1/svc1/tcp/p80')).toEqual(['ip saddr != { 192.168.0.0/24 , 5.6.7.8 } drop']);
    expect(elementsOf(t, 'firewall-ips')).toEqual(['5.6.7.8 . tcp . 80 : goto firewall-ULMVA6XW-ns1/svc1/tcp/p80']);
  });

  it('is the same table for the same inputs in any order', () => {
    const c = corpusCase('TestOverallNFTablesRules');
    const forward = printNftTransaction(syncNftablesRules(configOf(c), c.services ?? [], c.endpointSlices ?? []));
    const reversed = printNftTransaction(
      syncNftablesRules(configOf(c), [...(c.services ?? [])].reverse(), [...(c.endpointSlices ?? [])].reverse()),
    );
    expect(reversed).toBe(forward);
  });
});

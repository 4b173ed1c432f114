import { describe, expect, it } from 'vitest';
import {
  syncProxyRules,
  TEST_PROXIER_CONFIG,
  type EndpointSliceInput,
  type ProxierConfig,
  type ServiceInput,
} from '../../../src/kube-proxy';
import { applyProxierOp, newProxierState, syncProxier } from '../../../src/kube-proxy/proxier';
import { unwrap } from '../../../src/net/result';

const slice = (ns: string, svc: string, port: { name: string; port: number }, ips: string[]): EndpointSliceInput => ({
  namespace: ns,
  serviceName: svc,
  name: `${svc}-1`,
  addressType: 'IPv4',
  endpoints: ips.map((ip) => ({ addresses: [ip] })),
  ports: [{ ...port, protocol: 'TCP' }],
});

const natLines = (config: ProxierConfig, svcs: ServiceInput[], slices: EndpointSliceInput[]): string[] => [
  ...syncProxyRules(config, svcs, slices).nat.rules,
];

describe('syncProxyRules: ClusterIP', () => {
  it('writes the one-endpoint example of TestSyncProxyRulesRepeated step 1', () => {
    const svc: ServiceInput = {
      namespace: 'ns1',
      name: 'svc1',
      clusterIP: '172.30.0.41',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    };
    const lines = natLines(TEST_PROXIER_CONFIG, [svc], [slice('ns1', 'svc1', { name: 'p80', port: 80 }, ['10.0.1.1'])]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
        '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
        '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.0.1.1:80" -j KUBE-SEP-SNQ3ZNILQDEJNDQO',
        '-A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -s 10.0.1.1 -j KUBE-MARK-MASQ',
        '-A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80',
      ]),
    );
  });

  it('spreads 3 endpoints with 1/3, 1/2, rest, in "ip:port" string order (derived example)', () => {
    const config = { ...TEST_PROXIER_CONFIG, localDetector: { mode: 'ClusterCIDR' as const, cidr: '10.244.0.0/16' } };
    const svc: ServiceInput = {
      namespace: 'default',
      name: 'web',
      clusterIP: '10.96.0.50',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
    };
    const lines = natLines(
      config,
      [svc],
      [slice('default', 'web', { name: 'http', port: 8080 }, ['10.244.2.4', '10.244.1.3', '10.244.10.9'])],
    );
    expect(lines.filter((l) => l.startsWith('-A KUBE-SVC-CDGGSHYLG3RE2FKL'))).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.50 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.3:8080" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-2AZ33KU3V5PGPQZH',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.10.9:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-S6MED44EIXKDZQ2I',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.4:8080" -j KUBE-SEP-SS2T4ADR43IYLGAO',
    ]);
    expect(lines.filter((l) => l.startsWith('-A KUBE-SEP-'))).toHaveLength(6);
  });

  it('adds --rcheck rules before the statistic rules and --set on the DNAT for ClientIP affinity', () => {
    const svc: ServiceInput = {
      namespace: 'ns5',
      name: 'svc5',
      clusterIP: '172.30.0.45',
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 10800,
      ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    };
    const lines = natLines(TEST_PROXIER_CONFIG, [svc], [slice('ns5', 'svc5', { name: 'p80', port: 80 }, ['10.180.0.3'])]);
    expect(lines).toContain(
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --rcheck --seconds 10800 --reap -j KUBE-SEP-I77PXRDZVX7PMWMN',
    );
    expect(lines).toContain(
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -m comment --comment ns5/svc5:p80 -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.3:80',
    );
  });

  it('REJECTs in filter KUBE-SERVICES and writes no nat chains when there are no endpoints', () => {
    const svc: ServiceInput = {
      namespace: 'ns6',
      name: 'svc6',
      clusterIP: '172.30.0.46',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    };
    const r = syncProxyRules(TEST_PROXIER_CONFIG, [svc], []);
    expect(r.filter.rules).toContain(
      '-A KUBE-SERVICES -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
    );
    expect(r.nat.chains).toEqual(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']);
  });

  it('canonicalises leading zeros and names an unnamed port without a colon', () => {
    const svc: ServiceInput = {
      namespace: 'ns1',
      name: 'svc1',
      clusterIP: '172.30.0.041',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    };
    const lines = natLines(TEST_PROXIER_CONFIG, [svc], [slice('ns1', 'svc1', { name: '', port: 80 }, ['10.180.00.001'])]);
    expect(lines[4]).toMatch(
      /^-A KUBE-SERVICES -m comment --comment "ns1\/svc1 cluster IP" -m tcp -p tcp -d 172\.30\.0\.41 --dport 80 -j KUBE-SVC-/,
    );
    expect(lines.some((l) => l.endsWith('--to-destination 10.180.0.1:80'))).toBe(true);
  });

  it('drops SEP comments in large-cluster mode', () => {
    const config = { ...TEST_PROXIER_CONFIG, largeClusterEndpointsThreshold: 1 };
    const svc: ServiceInput = {
      namespace: 'ns1',
      name: 'svc1',
      clusterIP: '172.30.0.41',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    };
    const r = syncProxyRules(config, [svc], [slice('ns1', 'svc1', { name: 'p80', port: 80 }, ['10.0.0.0', '10.0.0.1'])]);
    expect(r.largeClusterMode).toBe(true);
    expect(r.nat.rules).toContain('-A KUBE-SEP-DKGQUZGBKLTPAR56 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80');
  });
});

describe('syncProxier: partial syncs and stale chains', () => {
  it('declares and deletes the chains of a deleted service, and skips unchanged services', () => {
    const svc1: ServiceInput = {
      namespace: 'ns1',
      name: 'svc1',
      clusterIP: '172.30.0.41',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    };
    const svc2: ServiceInput = {
      namespace: 'ns2',
      name: 'svc2',
      clusterIP: '172.30.0.42',
      ports: [{ name: 'p8080', port: 8080, protocol: 'TCP' }],
    };
    let s = newProxierState(TEST_PROXIER_CONFIG);
    s = unwrap(applyProxierOp(s, { op: 'addService', service: svc1 }));
    s = unwrap(applyProxierOp(s, { op: 'addService', service: svc2 }));
    s = unwrap(applyProxierOp(s, { op: 'addEndpointSlice', endpointSlice: slice('ns1', 'svc1', { name: 'p80', port: 80 }, ['10.0.1.1']) }));
    s = unwrap(
      applyProxierOp(s, { op: 'addEndpointSlice', endpointSlice: slice('ns2', 'svc2', { name: 'p8080', port: 8080 }, ['10.0.2.1']) }),
    );
    s = syncProxier(s).state;
    s = unwrap(applyProxierOp(s, { op: 'deleteService', service: 'ns2/svc2' }));
    const second = syncProxier(s);
    expect(second.full).toBe(false);
    expect([...second.result.deletedNatChains].sort()).toEqual(['KUBE-SEP-UHEGFW77JX3KXTOV', 'KUBE-SVC-2VJB64SDSIJUP5T6']);
    expect(second.result.nat.chains).not.toContain('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(second.result.nat.rules).toContain('-X KUBE-SVC-2VJB64SDSIJUP5T6');
  });
});

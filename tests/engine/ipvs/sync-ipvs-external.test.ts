import { describe, expect, it } from 'vitest';
import { formatIpsetList, formatIpvsadmList } from '../../../src/ipvs';
import { TEST_PROXIER_CONFIG, type EndpointSliceInput, type ProxierConfig, type ServiceInput } from '../../../src/kube-proxy';
import { syncIpvs } from '../../../src/kube-proxy/ipvs';
import { parseIptablesRestore } from '../../../src/netfilter';

const CONFIG: ProxierConfig = { ...TEST_PROXIER_CONFIG, localDetector: { mode: 'ClusterCIDR', cidr: '10.244.0.0/16' }, nodeName: 'node-1' };
const NODE_IPS = ['192.168.0.2', '10.244.1.1'];

const svc = (extra: Partial<ServiceInput>): ServiceInput => ({
  namespace: 'default',
  name: 'web',
  clusterIP: '10.96.120.7',
  ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }],
  ...extra,
});
/** web's endpoints: one on this node, one on node-2. */
const slice: EndpointSliceInput = {
  namespace: 'default',
  serviceName: 'web',
  name: 'web-1',
  addressType: 'IPv4',
  endpoints: [
    { addresses: ['10.244.1.5'], nodeName: 'node-1' },
    { addresses: ['10.244.2.9'], nodeName: 'node-2' },
  ],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
};
const remoteOnly: EndpointSliceInput = { ...slice, endpoints: [{ addresses: ['10.244.2.9'], nodeName: 'node-2' }] };

const sync = (service: ServiceInput, endpoints = slice) =>
  syncIpvs(CONFIG, [service], [endpoints], undefined, { scheduler: 'rr', nodeIPs: NODE_IPS });
/** A real server's line as ipvsadm prints it (`%-28s`), trailing spaces trimmed. */
const rs = (addr: string) => `  -> ${addr.padEnd(28)} Masq    1      0          0`;
const members = (r: ReturnType<typeof sync>, name: string) => r.ipsets.find((s) => s.name === name)!.members;
const table = (r: ReturnType<typeof sync>) =>
  formatIpvsadmList(r.state)
    .slice(3)
    .map((l) => l.trimEnd());

describe('syncIpvs: node ports, load balancer IPs and external IPs', () => {
  it('NodePort, policy Cluster: a virtual server on every node IP at the node port (not bound), KUBE-NODE-PORT-TCP marks for masquerade', () => {
    const r = sync(svc({ type: 'NodePort' }));
    expect(table(r)).toEqual([
      'TCP  10.96.120.7:80 rr',
      rs('10.244.1.5:8080'),
      rs('10.244.2.9:8080'),
      'TCP  10.244.1.1:30080 rr',
      rs('10.244.1.5:8080'),
      rs('10.244.2.9:8080'),
      'TCP  192.168.0.2:30080 rr',
      rs('10.244.1.5:8080'),
      rs('10.244.2.9:8080'),
    ]);
    expect(r.dummyAddresses).toEqual(['10.96.120.7']);
    expect(members(r, 'KUBE-NODE-PORT-TCP')).toEqual(['30080']);
    expect(members(r, 'KUBE-NODE-PORT-LOCAL-TCP')).toEqual([]);
    expect(r.iptablesRestore).toContain(
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    );
    expect(r.iptablesRestore).not.toContain('KUBE-NODE-PORT-LOCAL-TCP dst');
    expect(formatIpsetList(r.ipsets).join('\n')).toContain(
      'Name: KUBE-NODE-PORT-TCP\nType: bitmap:port\nRevision: 3\nHeader: range 0-65535',
    );
  });

  it('NodePort, policy Local: only the local endpoint; the -LOCAL set RETURNs before the masquerade rule', () => {
    const r = sync(svc({ type: 'NodePort', externalTrafficPolicy: 'Local' }));
    const nodePort = table(r).slice(table(r).indexOf('TCP  192.168.0.2:30080 rr'));
    expect(nodePort).toEqual(['TCP  192.168.0.2:30080 rr', rs('10.244.1.5:8080')]);
    expect(members(r, 'KUBE-NODE-PORT-LOCAL-TCP')).toEqual(['30080']);
    const local = r.iptablesRestore.indexOf('KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN');
    const masq = r.iptablesRestore.indexOf('KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ');
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(masq);
  });

  it('NodePort, policy Local on a node without a local endpoint: every endpoint, as syncEndpoint falls back (kubernetes#97081)', () => {
    const r = sync(svc({ type: 'NodePort', externalTrafficPolicy: 'Local' }), remoteOnly);
    expect(table(r).slice(-2)).toEqual(['TCP  192.168.0.2:30080 rr', rs('10.244.2.9:8080')]);
  });

  it('LoadBalancer with source ranges: the IP bound to kube-ipvs0, the FW and SOURCE-CIDR sets, the firewall chain in filter', () => {
    const r = sync(
      svc({
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        loadBalancerIngress: [{ ip: '203.0.113.10' }],
        loadBalancerSourceRanges: ['203.0.113.0/24', '192.168.0.0/24'],
      }),
    );
    expect(r.dummyAddresses).toEqual(['10.96.120.7', '203.0.113.10']);
    expect(table(r)).toContain('TCP  203.0.113.10:80 rr');
    expect(members(r, 'KUBE-LOAD-BALANCER')).toEqual(['203.0.113.10,tcp:80']);
    expect(members(r, 'KUBE-LOAD-BALANCER-LOCAL')).toEqual(['203.0.113.10,tcp:80']);
    expect(members(r, 'KUBE-LOAD-BALANCER-FW')).toEqual(['203.0.113.10,tcp:80']);
    expect(members(r, 'KUBE-LOAD-BALANCER-SOURCE-CIDR')).toEqual([
      '203.0.113.10,tcp:80,192.168.0.0/24',
      '203.0.113.10,tcp:80,203.0.113.0/24',
    ]);
    // 192.168.0.0/24 holds the node's own IP: the node may reach the load balancer's IP too.
    expect(members(r, 'KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual(['203.0.113.10,tcp:80,203.0.113.10']);
    expect(members(r, 'KUBE-HEALTH-CHECK-NODE-PORT')).toEqual(['32000']);
    expect(members(r, 'KUBE-IPVS-IPS')).toEqual(['10.96.120.7', '203.0.113.10']);
    const filter = r.iptablesRestore.slice(r.iptablesRestore.indexOf('*filter'));
    expect(filter).toContain(
      '-A KUBE-PROXY-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL',
    );
    expect(filter.indexOf('KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN')).toBeLessThan(
      filter.indexOf('-A KUBE-SOURCE-RANGES-FIREWALL -j DROP'),
    );
    expect(r.iptablesRestore).toContain('-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT');
    expect(parseIptablesRestore(r.iptablesRestore).ok).toBe(true);
  });

  it('externalIPs: bound to kube-ipvs0; policy Cluster marks for masquerade, and off-the-wire traffic is accepted', () => {
    const r = sync(svc({ externalIPs: ['192.168.0.200'], ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }));
    expect(r.dummyAddresses).toEqual(['10.96.120.7', '192.168.0.200']);
    expect(members(r, 'KUBE-EXTERNAL-IP')).toEqual(['192.168.0.200,tcp:80']);
    const base =
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst';
    expect(r.iptablesRestore).toContain(
      [
        `${base} -j KUBE-MARK-MASQ`,
        `${base} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`,
        `${base} -m addrtype --dst-type LOCAL -j ACCEPT`,
      ].join('\n'),
    );
    expect(parseIptablesRestore(r.iptablesRestore).ok).toBe(true);
  });
});

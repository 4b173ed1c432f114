import { describe, expect, it } from 'vitest';
import { expireIpvsConns, formatIpvsadmList, scheduleConnection, type IpvsState } from '../../../src/ipvs';
import { TEST_PROXIER_CONFIG, type EndpointSliceInput, type ProxierConfig, type ServiceInput } from '../../../src/kube-proxy';
import { reapDrainedRealServers, syncIpvs } from '../../../src/kube-proxy/ipvs';
import { parseIptablesRestore } from '../../../src/netfilter';
import { pkt } from './fixtures';

const CONFIG: ProxierConfig = { ...TEST_PROXIER_CONFIG, localDetector: { mode: 'ClusterCIDR', cidr: '10.244.0.0/16' }, nodeName: 'node-1' };

const kubeDns: ServiceInput = {
  namespace: 'kube-system',
  name: 'kube-dns',
  clusterIP: '10.96.0.10',
  ports: [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ],
};
const dnsSlice = (endpoints: EndpointSliceInput['endpoints']): EndpointSliceInput => ({
  namespace: 'kube-system',
  serviceName: 'kube-dns',
  name: 'kube-dns-abc',
  addressType: 'IPv4',
  endpoints,
  ports: [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ],
});
const web: ServiceInput = {
  namespace: 'default',
  name: 'web',
  clusterIP: '10.96.120.7',
  sessionAffinity: 'ClientIP',
  ports: [{ name: '', port: 80, protocol: 'TCP', targetPort: 8080 }],
};
const webSlice: EndpointSliceInput = {
  namespace: 'default',
  serviceName: 'web',
  name: 'web-1',
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.2.9'], nodeName: 'node-2' }],
  ports: [{ name: '', port: 8080, protocol: 'TCP' }],
};

const TWO_DNS = dnsSlice([
  { addresses: ['10.244.1.5'], nodeName: 'node-1' },
  { addresses: ['10.244.0.2'], nodeName: 'node-0' },
  { addresses: ['10.244.2.4'], nodeName: 'node-2', conditions: { ready: false } },
]);

describe('syncIpvs', () => {
  it('creates one virtual server per ClusterIP port and one real server per ready endpoint', () => {
    const r = syncIpvs(CONFIG, [kubeDns, web], [TWO_DNS, webSlice], undefined, { scheduler: 'rr' });
    expect(
      formatIpvsadmList(r.state)
        .slice(3)
        .map((l) => l.trimEnd()),
    ).toEqual([
      'TCP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0',
      '  -> 10.244.1.5:53                Masq    1      0          0',
      'TCP  10.96.0.10:9153 rr',
      '  -> 10.244.0.2:9153              Masq    1      0          0',
      '  -> 10.244.1.5:9153              Masq    1      0          0',
      'TCP  10.96.120.7:80 rr persistent 10800',
      '  -> 10.244.2.9:8080              Masq    1      0          0',
      'UDP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0',
      '  -> 10.244.1.5:53                Masq    1      0          0',
    ]);
    expect(r.dummyAddresses).toEqual(['10.96.0.10', '10.96.120.7']);
  });

  it('adds real servers in sorted order, so the kernel list (newest first) starts with the last', () => {
    const r = syncIpvs(CONFIG, [kubeDns], [TWO_DNS], undefined, { scheduler: 'rr' });
    const udp = r.state.virtualServers.find((v) => v.protocol === 'udp');
    expect(udp?.realServers.map((d) => d.ip)).toEqual(['10.244.1.5', '10.244.0.2']);
  });

  it('fills KUBE-CLUSTER-IP, KUBE-LOOP-BACK (local endpoints only) and KUBE-IPVS-IPS', () => {
    const r = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    const members = (name: string) => r.ipsets.find((s) => s.name === name)?.members;
    expect(members('KUBE-CLUSTER-IP')).toEqual(['10.96.0.10,tcp:53', '10.96.0.10,tcp:9153', '10.96.0.10,udp:53']);
    expect(members('KUBE-LOOP-BACK')).toEqual([
      '10.244.1.5,tcp:53,10.244.1.5',
      '10.244.1.5,tcp:9153,10.244.1.5',
      '10.244.1.5,udp:53,10.244.1.5',
    ]);
    expect(members('KUBE-IPVS-IPS')).toEqual(['10.96.0.10']);
    expect(r.ipsets).toHaveLength(17);
  });

  it('keeps a removed TCP endpoint with connections at weight 0, and removes UDP ones at once', () => {
    const first = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    let state: IpvsState = first.state;
    // Open a TCP and a UDP connection to 10.244.1.5 (the first rr pick: newest dest first).
    for (const [proto, flags] of [
      ['tcp', ['SYN']],
      ['udp', []],
    ] as const) {
      const r = scheduleConnection(state, pkt('10.244.3.3:40000', '10.96.0.10:53', [...flags], proto), 0);
      if (r.via === 'none') throw new Error(r.reason);
      expect(r.realServer.ip).toBe('10.244.1.5');
      state = r.state;
    }
    const gone = dnsSlice([{ addresses: ['10.244.0.2'], nodeName: 'node-0' }]);
    const second = syncIpvs(CONFIG, [kubeDns], [gone], state);
    const lines = formatIpvsadmList(second.state).map((l) => l.trimEnd());
    expect(lines).toContain('  -> 10.244.1.5:53                Masq    0      1          0');
    expect(lines.slice(lines.indexOf('UDP  10.96.0.10:53 rr'))).toEqual([
      'UDP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0',
    ]);
    expect(lines).not.toContain('  -> 10.244.1.5:9153              Masq    0      0          0');

    // The draining dest takes no new connection...
    const next = scheduleConnection(second.state, pkt('10.244.3.3:40001', '10.96.0.10:53'), 1);
    expect(next.via !== 'none' && next.realServer.ip).toBe('10.244.0.2');
    // ...and once its connection has expired (SYN_RECV: 60 s), the one-minute check deletes it.
    const before = reapDrainedRealServers(second.state);
    expect(formatIpvsadmList(before).join('\n')).toContain('10.244.1.5:53 ');
    const drained = reapDrainedRealServers(expireIpvsConns(second.state, 61));
    expect(formatIpvsadmList(drained).join('\n')).not.toContain('10.244.1.5:53 ');
  });

  it('brings a draining endpoint back to weight 1 when it returns', () => {
    const first = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    const r = scheduleConnection(first.state, pkt('10.244.3.3:40000', '10.96.0.10:53'), 0);
    if (r.via === 'none') throw new Error(r.reason);
    const drained = syncIpvs(CONFIG, [kubeDns], [dnsSlice([{ addresses: ['10.244.0.2'] }])], r.state);
    const back = syncIpvs(CONFIG, [kubeDns], [TWO_DNS], drained.state);
    expect(formatIpvsadmList(back.state).map((l) => l.trimEnd())).toContain(
      '  -> 10.244.1.5:53                Masq    1      1          0',
    );
  });

  it('deletes the virtual servers of a deleted service and unbinds its address', () => {
    const first = syncIpvs(CONFIG, [kubeDns, web], [TWO_DNS, webSlice]);
    const second = syncIpvs(CONFIG, [kubeDns], [TWO_DNS], first.state);
    expect(second.state.virtualServers.map((v) => v.ip)).not.toContain('10.96.120.7');
    expect(second.dummyAddresses).toEqual(['10.96.0.10']);
  });

  it('writes the nat rules of proxier.go writeIptablesRules', () => {
    const r = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    const nat = r.iptablesRestore.split('\n').filter((l) => /^-A KUBE-(SERVICES|POSTROUTING|MARK-MASQ|LOAD-BALANCER) /.test(l));
    expect(nat).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE',
      '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
    ]);
  });

  it('puts the jumps in the built-in chains in their final (prepended) order', () => {
    const r = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    const jumps = r.iptablesRestore.split('\n').filter((l) => /^-A (INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) /.test(l));
    expect(jumps).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      '-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
      '-A FORWARD -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      '-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER',
    ]);
  });

  it.each([
    ['with services', [kubeDns, web]],
    ['with no service at all', []],
  ])('writes a restore text that parseIptablesRestore reads (%s)', (_name, services) => {
    const r = syncIpvs({ ...CONFIG, hasRandomFully: true }, services, [TWO_DNS, webSlice]);
    const parsed = parseIptablesRestore(r.iptablesRestore);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.ok).toBe(true);
  });

  it('counts ipset references from the rules (KUBE-CLUSTER-IP: masquerade, accept, filter)', () => {
    const r = syncIpvs(CONFIG, [kubeDns], [TWO_DNS]);
    const refs = Object.fromEntries(r.ipsets.map((s) => [s.name, s.references]));
    expect([refs['KUBE-CLUSTER-IP'], refs['KUBE-LOOP-BACK'], refs['KUBE-IPVS-IPS'], refs['KUBE-NODE-PORT-TCP']]).toEqual([3, 1, 1, 0]);
  });
});

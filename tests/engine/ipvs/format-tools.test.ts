import { describe, expect, it } from 'vitest';
import {
  countIpvsLookups,
  formatExpire,
  formatIpsetList,
  formatIpvsadmConnections,
  formatKubeIpvs0,
  ipsetInitval,
  scheduleConnection,
  updateIpvsConn,
} from '../../../src/ipvs';
import { pkt, rs, stateOf, vs } from './fixtures';

describe('formatIpvsadmConnections (ipvsadm -Lnc)', () => {
  it('prints the reference row for an ESTABLISHED connection, then a persistence template', () => {
    const service = vs('tcp', '10.96.120.7:80', 'rr', [rs('10.244.2.9:8080')], { timeout: 10800 });
    const first = scheduleConnection(stateOf(service), pkt('10.244.1.7:45678', '10.96.120.7:80'), 0);
    if (first.via === 'none') throw new Error(first.reason);
    const est = updateIpvsConn(first.state, first.conn.id, pkt('10.244.1.7:45678', '10.96.120.7:80', ['ACK']), 'original', 1);
    expect(formatIpvsadmConnections(est.state, 2)).toEqual([
      'IPVS connection entries',
      'pro expire state       source             virtual            destination',
      'TCP 179:58 NONE        10.244.1.7:0       10.96.120.7:80     10.244.2.9:8080',
      'TCP 14:59  ESTABLISHED 10.244.1.7:45678   10.96.120.7:80     10.244.2.9:8080',
    ]);
  });

  it('shows a UDP connection in state UDP', () => {
    const r = scheduleConnection(
      stateOf(vs('udp', '10.96.0.10:53', 'rr', [rs('10.244.1.5:53')])),
      pkt('10.244.1.7:5353', '10.96.0.10:53', [], 'udp'),
      0,
    );
    if (r.via === 'none') throw new Error(r.reason);
    expect(formatIpvsadmConnections(r.state, 0)[2]).toBe('UDP 05:00  UDP         10.244.1.7:5353    10.96.0.10:53      10.244.1.5:53');
  });

  it.each([
    [899.4, '14:59'],
    [60, '01:00'],
    [0, '00:00'],
    [-3, '00:00'],
    [10800, '180:00'],
  ])('formats %s seconds left as %s', (s, text) => {
    expect(formatExpire(s)).toBe(text);
  });
});

describe('formatKubeIpvs0 (ip addr show kube-ipvs0)', () => {
  it('prints the dummy device as kubernetes#107662 shows it', () => {
    expect(formatKubeIpvs0(['10.96.0.1', '10.96.0.10'], { index: 4 })).toEqual([
      '4: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default ',
      '    link/ether 2a:ba:0a:f2:11:c8 brd ff:ff:ff:ff:ff:ff',
      '    inet 10.96.0.1/32 scope global kube-ipvs0',
      '       valid_lft forever preferred_lft forever',
      '    inet 10.96.0.10/32 scope global kube-ipvs0',
      '       valid_lft forever preferred_lft forever',
    ]);
  });
});

describe('formatIpsetList (ipset list)', () => {
  it('prints the reference lab capture of KUBE-CLUSTER-IP (initval fixed per name)', () => {
    const lines = formatIpsetList([
      {
        name: 'KUBE-CLUSTER-IP',
        type: 'hash:ip,port',
        comment: '',
        references: 0,
        members: ['10.96.0.10,tcp:9153', '10.96.0.10,udp:53', '10.96.0.1,tcp:443', '10.96.0.10,tcp:53'],
      },
    ]);
    expect(lines).toEqual([
      'Name: KUBE-CLUSTER-IP',
      'Type: hash:ip,port',
      'Revision: 7',
      `Header: family inet hashsize 1024 maxelem 65536 bucketsize 12 initval ${ipsetInitval('KUBE-CLUSTER-IP')}`,
      'Size in memory: 408',
      'References: 0',
      'Number of entries: 4',
      'Members:',
      '10.96.0.1,tcp:443',
      '10.96.0.10,tcp:53',
      '10.96.0.10,udp:53',
      '10.96.0.10,tcp:9153',
    ]);
    expect(ipsetInitval('KUBE-CLUSTER-IP')).toMatch(/^0x[0-9a-f]{8}$/);
  });

  it('separates sets with a blank line and prints bitmap:port headers as a range', () => {
    const lines = formatIpsetList([
      { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: '', references: 1, members: ['10.96.0.10'] },
      { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: '', references: 0, members: [] },
    ]);
    expect(lines.slice(8)).toEqual([
      '10.96.0.10',
      '',
      'Name: KUBE-NODE-PORT-TCP',
      'Type: bitmap:port',
      'Revision: 3',
      'Header: range 0-65535',
      'Size in memory: 8264',
      'References: 0',
      'Number of entries: 0',
      'Members:',
    ]);
  });
});

describe('countIpvsLookups', () => {
  it.each([
    ['first', 3],
    ['later', 2],
    ['reply', 1],
  ] as const)('a %s packet costs %i hash lookups, whatever the number of services', (kind, total) => {
    expect(countIpvsLookups(kind).total).toBe(total);
  });
});

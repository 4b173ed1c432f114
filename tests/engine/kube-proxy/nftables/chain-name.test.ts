import { describe, expect, it } from 'vitest';
import {
  endpointChainNameBase,
  hashAndTruncate,
  nftEndpointNames,
  nftServicePortChains,
  servicePortChainNameBase,
} from '../../../../src/kube-proxy/nftables';
import { corpus } from './nftables-corpus';

describe('nftables chain names (hashAndTruncate, servicePortChainNameBase, servicePortEndpointChainNameBase)', () => {
  it('has the 14 examples of the corpus', () => {
    expect(corpus.auxiliary.chainNames).toHaveLength(14);
  });

  it.each(corpus.auxiliary.chainNames.map((c) => [c.expectedBase, c] as const))('names %s', (expectedBase, c) => {
    const svc = `${c.namespace}/${c.service}`;
    const base =
      c.endpoint === null
        ? servicePortChainNameBase(svc, c.protocol, c.portName)
        : endpointChainNameBase(svc, c.protocol, c.portName, c.endpoint);
    expect(base).toBe(expectedBase);
  });

  it('gives service-, local-, external- and firewall- one base, and an endpoint chain and its affinity set another', () => {
    expect(nftServicePortChains('ns1/svc1', 'tcp', 'p80')).toEqual({
      clusterPolicy: 'service-ULMVA6XW-ns1/svc1/tcp/p80',
      localPolicy: 'local-ULMVA6XW-ns1/svc1/tcp/p80',
      external: 'external-ULMVA6XW-ns1/svc1/tcp/p80',
      firewall: 'firewall-ULMVA6XW-ns1/svc1/tcp/p80',
    });
    expect(nftEndpointNames('ns5/svc5', 'tcp', 'p80', '10.180.0.3:80')).toEqual({
      chain: 'endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
      affinitySet: 'affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
    });
  });

  it('leaves an unnamed port empty and writes an IPv6 endpoint with dots, since chain names cannot hold colons', () => {
    expect(servicePortChainNameBase('ns1/svc1', 'udp', '')).toMatch(/^[A-Z2-7]{8}-ns1\/svc1\/udp\/$/);
    expect(endpointChainNameBase('ns1/svc1', 'tcp', 'p80', '[fd00:10:180::1]:80')).toMatch(
      /^[A-Z2-7]{8}-ns1\/svc1\/tcp\/p80__fd00.10.180..1\/80$/,
    );
  });

  it('cuts a name longer than 240 characters to 237 plus "...", the hash still telling two cut names apart', () => {
    const long = (tail: string): string =>
      hashAndTruncate(`${'n'.repeat(63)}/${'s'.repeat(63)}/tcp/${'p'.repeat(63)}__fd00.1234.5678.9abc.def0.1234.5678.${tail}/65535`);
    const a = long('9abc');
    const b = long('9abd');
    expect(a).toHaveLength(240);
    expect(a.endsWith('...')).toBe(true);
    expect(a.slice(9)).toBe(b.slice(9));
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
    expect(hashAndTruncate('ns1/svc1/tcp/p80')).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
  });
});

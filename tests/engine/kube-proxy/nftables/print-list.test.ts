import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printNftList } from '../../../../src/kube-proxy/nftables';
import { LIST_SCENARIOS } from './list-scenarios';

// fixtures/<name>.nft-list.txt is what `nft list table <family> kube-proxy` printed (nft
// 1.0.6, Debian 12, Linux 6.18) after `nft -f` loaded printNftTransaction of the same
// scenario into a fresh network namespace (kernel-round-trip.test.ts does this live).
const kernelListing = (name: string): string => readFileSync(new URL(`./fixtures/${name}.nft-list.txt`, import.meta.url), 'utf8');

describe('printNftList (nft list table ip kube-proxy)', () => {
  it.each(Object.keys(LIST_SCENARIOS))('prints %s byte for byte as the kernel listed it', (name) => {
    expect(printNftList(LIST_SCENARIOS[name]!())).toBe(kernelListing(name));
  });

  const overall = printNftList(LIST_SCENARIOS['overall']!());

  it('names priorities the way nft 1.0.6 does: dstnat - 10 at prerouting, plain -110 and -100 at output', () => {
    expect(overall).toContain(
      '\tchain filter-prerouting-pre-dnat {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n',
    );
    expect(overall).toContain('\t\ttype filter hook output priority -110; policy accept;\n');
    expect(overall).toContain('\t\ttype nat hook output priority -100; policy accept;\n');
    expect(overall).toContain('\t\ttype nat hook postrouting priority srcnat; policy accept;\n');
  });

  it('prints the masquerade mark as meta mark in long hex', () => {
    expect(overall).toContain('\tchain mark-for-masquerade {\n\t\tmeta mark set meta mark | 0x00004000\n\t}');
    expect(overall).toContain('\t\tmeta mark & 0x00004000 == 0x00000000 return\n\t\tmeta mark set meta mark ^ 0x00004000\n');
  });

  it('keeps a numgen vmap on one line and wraps a concatenated map one element a line', () => {
    expect(overall).toContain(
      '\t\tnumgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80, 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }\n',
    );
    expect(overall).toContain(
      '\t\telements = { 1.2.3.4 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80,\n\t\t\t     5.6.7.8 . tcp . 80 :',
    );
  });

  it('prints a one-entry anonymous set as a plain comparison, and an affinity set with its size and timeout', () => {
    expect(overall).toContain('\t\tip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"\n');
    expect(overall).toContain('\t\tip saddr != 203.0.113.0/25 drop\n');
    expect(overall).toContain('\t\ttype ipv4_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}');
  });
});

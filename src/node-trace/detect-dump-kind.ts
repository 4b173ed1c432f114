import type { DumpKind } from './node-trace-types';

const IPTABLES_TABLE = /^\*[a-z]+\s*$/;
const NFT_TABLE = /^table (ip|ip6|inet|arp|bridge|netdev) \S+ \{/;

/**
 * Whether pasted text is `iptables-save` output (`*filter` ... `COMMIT`) or `nft list
 * ruleset` output (`table ip NAME {`): the first table line says; iptables when none does.
 *
 * @example detectDumpKind('table ip kube-proxy {\n}') // 'nftables'
 */
export function detectDumpKind(text: string): DumpKind {
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (IPTABLES_TABLE.test(line)) return 'iptables';
    if (NFT_TABLE.test(line)) return 'nftables';
    start = end + 1;
  }
  return 'iptables';
}

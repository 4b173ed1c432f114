import type { StepPacket } from '../net/packet';
import type { PacketStep } from '../trace/types';
import type { PacketEntry } from './packet-entry';
import type { VerifyCommand } from './types';

/** The table and chain packetwalk's nft tracing rule lives in; deleting the table removes it. */
const NFT_TABLE = 'packetwalk';

/**
 * Matches for this packet as it entered the node, in iptables syntax. The
 * client's port is left out (a real client picks another ephemeral port): an
 * original-direction packet is matched by its destination port, a reply by its
 * source port.
 */
function iptablesMatch(p: StepPacket, direction: 'original' | 'reply'): string {
  if (p.protocol === 'icmp') return `-p icmp -s ${p.srcIp} -d ${p.dstIp}`;
  const port = direction === 'original' ? `--dport ${p.dstPort}` : `--sport ${p.srcPort}`;
  return `-p ${p.protocol} -s ${p.srcIp} -d ${p.dstIp} ${port}`;
}

/** The same match in nft syntax. */
function nftMatch(p: StepPacket, direction: 'original' | 'reply'): string {
  const addresses = `ip saddr ${p.srcIp} ip daddr ${p.dstIp}`;
  if (p.protocol === 'icmp') return `${addresses} ip protocol icmp`;
  const port = direction === 'original' ? `dport ${p.dstPort}` : `sport ${p.srcPort}`;
  return `${addresses} ${p.protocol} ${port}`;
}

/**
 * Following one packet through every rule it meets on this node: a TRACE rule
 * in raw PREROUTING (raw OUTPUT for a packet the node makes itself), which runs
 * before conntrack and nat, watched with `xtables-monitor --trace` where
 * iptables is iptables-nft (`iptables -V` says "nf_tables"); legacy iptables
 * logs TRACE to the kernel log instead. The same with nft's own tracing, and
 * the clean-up of both: a TRACE rule left in place slows every packet it matches.
 */
export function traceCommands(step: PacketStep, entry: PacketEntry): VerifyCommand[] {
  const match = iptablesMatch(entry.packet, step.direction);
  const chain = entry.chain;
  const hook = chain === 'PREROUTING' ? 'prerouting' : 'output';
  const params = { chain };
  return [
    { id: 'trace-add', params, command: `iptables -t raw -I ${chain} ${match} -j TRACE`, expected: null },
    { id: 'trace-watch', params, command: 'xtables-monitor --trace', expected: null },
    { id: 'trace-watch-legacy', params, command: "dmesg -w | grep 'TRACE:'", expected: null },
    { id: 'trace-remove', params, command: `iptables -t raw -D ${chain} ${match} -j TRACE`, expected: null },
    {
      id: 'nft-trace-add',
      params: { hook },
      // Priority -301: just before the raw table (-300), so the mark is set before any rule runs.
      command:
        `nft 'add table ip ${NFT_TABLE}; add chain ip ${NFT_TABLE} trace { type filter hook ${hook} priority -301; }; ` +
        `add rule ip ${NFT_TABLE} trace ${nftMatch(entry.packet, step.direction)} meta nftrace set 1'`,
      expected: null,
    },
    { id: 'nft-trace-watch', params: {}, command: 'nft monitor trace', expected: null },
    { id: 'nft-trace-remove', params: {}, command: `nft delete table ip ${NFT_TABLE}`, expected: null },
  ];
}

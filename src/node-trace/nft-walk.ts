import type { NatDecision } from '../netfilter/evaluate';
import type { TableName } from '../netfilter/evaluated-rule';
import type { HookName } from '../netfilter/ruleset';
import type { Ipv4 } from '../net/ipv4';
import { looksLikeIpv6, parseIpv6 } from '../net/ipv6';
import type { CompiledChain } from '../nftables/compile';
import { evaluateBaseChain, type NftNatDecision } from '../nftables/evaluate-chain';
import type { EvaluatedNftRule } from '../nftables/evaluated-rule';
import type { WalkState } from '../nftables/evaluate-rule';
import { seededNumgen } from '../nftables/numgen';
import type { NftCtState, NftEnv } from '../nftables/packet-context';
import type { NftDumpTable } from './nft-dump-table';
import type { NftDump } from './read-nft-dump';
import { applyNat, type NodeWalk } from './node-walk';
import type { NftChainOf, TablePass, TracedRule } from './node-trace-types';

/**
 * The devices nft's `iifname`/`oifname` read at a hook (null: none there, which reads as ""):
 * the kernel's `in` and `out` of the hook, which for POSTROUTING is not iptables' view (see walkHooks).
 */
export interface HookDevices {
  readonly in: string | null;
  readonly out: string | null;
}

/** Where conntrack sees the packet (NF_IP_PRI_CONNTRACK): a chain before it finds no entry. */
const CONNTRACK_PRIORITY = -200;

/**
 * Runs every base chain of the ip and inet tables at one hook, by priority (stable in the
 * listed order), as netfilter calls them: an accept ends only that chain, a drop or reject
 * ends the hook. The nat chains of a hook run until one of them set up the NAT of its kind
 * (nf_nat_inet_fn), and none for an untracked packet. False when the packet was dropped.
 */
export function runNftHook(w: NodeWalk, nft: NftDump, hook: HookName, devices: HookDevices): boolean {
  const env: NftEnv = {
    numgen: seededNumgen(w.env.rng),
    now: 0,
    isLocalAddress: (ip) => w.env.isLocalAddress(ip as Ipv4),
    dynamicSets: {},
  };
  for (const [t, chain] of chainsAt(nft, hook.toLowerCase(), w.family)) {
    const base = chain.base!;
    const natDone = hook === 'PREROUTING' || hook === 'OUTPUT' ? w.dnat !== undefined : w.snat !== undefined;
    if (base.type === 'nat' && (w.untracked || natDone)) continue;
    const report: EvaluatedNftRule[] = [];
    const s: WalkState = { ctx: contextOf(w, base.priority, devices), mark: w.mark, dynamic: w.nftDynamic };
    const end = evaluateBaseChain(t.compiled, chain, s, env, report);
    const table = tableNameOf(base.type, base.priority);
    const rules = tracedNftRules(w, t, table, report);
    const nftChain: NftChainOf = { table: `${t.family} ${t.name}`, chain: chain.name, type: base.type, priority: base.priority };
    const verdict = end.verdict === 'accept' ? 'ACCEPT' : end.verdict === 'drop' ? 'DROP' : 'REJECT';
    const pass: TablePass = { hook, table, verdict, byPolicy: !rules.some((r) => r.decided), rules, nft: nftChain };
    w.passes.push(pass);
    w.mark = s.mark;
    if (base.priority < CONNTRACK_PRIORITY && rules.some((r) => r.verdict !== 'no-match' && /(^|\s)notrack(\s|$)/.test(r.text)))
      w.untracked = true;
    if (end.nat !== null) {
      const nat = canonicalNat(end.nat);
      if (nat.kind === 'dnat') w.packet = { ...w.packet, dstIp: nat.ip as Ipv4, dstPort: nat.port ?? w.packet.dstPort };
      applyNat(w, natDecision(nat, w.packet.dstPort));
    }
    if (end.verdict !== 'accept') return false;
  }
  return true;
}

/**
 * The base chains at a hook that see a packet of this family, by priority (at one priority,
 * in the listed order): an ip table's for IPv4, an ip6 table's for IPv6, an inet table's for both.
 */
function chainsAt(nft: NftDump, hook: string, family: 4 | 6): [NftDumpTable, CompiledChain][] {
  const found: [NftDumpTable, CompiledChain][] = [];
  for (const t of nft.tables) {
    if (t.family !== (family === 6 ? 'ip6' : 'ip') && t.family !== 'inet') continue;
    for (const c of t.compiled.chains.values()) if (c.base?.hook === hook) found.push([t, c]);
  }
  return found.sort((a, b) => a[1].base!.priority - b[1].base!.priority);
}

/** The iptables table a base chain stands in for: raw before conntrack, mangle, nat, else filter. */
function tableNameOf(type: 'filter' | 'nat', priority: number): TableName {
  if (type === 'nat') return 'nat';
  if (priority <= CONNTRACK_PRIORITY) return 'raw';
  return priority <= -150 ? 'mangle' : 'filter';
}

/** The packet as nft reads it: `ct state` is invalid before conntrack, untracked after notrack, else new. */
function contextOf(w: NodeWalk, priority: number, devices: HookDevices): WalkState['ctx'] {
  const p = w.packet;
  const ctState: NftCtState = w.untracked ? 'untracked' : priority < CONNTRACK_PRIORITY ? 'invalid' : 'new';
  const ctStatus = [...(w.dnat ? ['dnat'] : []), ...(w.snat ? ['snat'] : [])];
  return {
    packet: {
      family: w.family === 6 ? 'ip6' : 'ip',
      saddr: p.srcIp,
      daddr: p.dstIp,
      l4proto: p.protocol,
      sport: p.srcPort,
      dport: p.dstPort,
    },
    mark: w.mark,
    ctState,
    ctStatus,
    ...(devices.in === null ? {} : { iif: devices.in }),
    ...(devices.out === null ? {} : { oif: devices.out }),
  };
}

function tracedNftRules(w: NodeWalk, t: NftDumpTable, table: TableName, report: readonly EvaluatedNftRule[]): TracedRule[] {
  return report.map((e) => {
    const line = t.lines.get(e.chain)?.[e.position - 1] ?? 0;
    const { chain, position, verdict, detail, decided } = e;
    return { line, table, chain, position, text: w.dump.text[line] ?? e.text, verdict, detail, decided, nftTable: `${t.family} ${t.name}` };
  });
}

/** An IPv6 NAT address as nft lists it is canonical already; one typed by hand may not be (`fd00:0:0::1`). */
function canonicalNat(nat: NftNatDecision): NftNatDecision {
  if (nat.kind === 'masquerade' || !looksLikeIpv6(nat.ip)) return nat;
  const ip = parseIpv6(nat.ip);
  return ip.ok ? { ...nat, ip: ip.value } : nat;
}

/** nft's NAT as the iptables walk records it (a DNAT without a port keeps the packet's). */
function natDecision(nat: NftNatDecision, dport: number): NatDecision {
  if (nat.kind === 'masquerade') return { kind: 'masquerade', randomFully: nat.flags.includes('fully-random') };
  if (nat.kind === 'dnat') return { kind: 'dnat', ip: nat.ip as Ipv4, port: nat.port ?? dport };
  return { kind: 'snat', ip: nat.ip as Ipv4, port: nat.port };
}

import type { NatTarget } from '../conntrack';
import type { TableName } from '../netfilter/evaluated-rule';
import { evaluateChain, type EvaluateEnv, type NatDecision } from '../netfilter/evaluate';
import type { CtState } from '../netfilter/match-types';
import { findTable, type HookName } from '../netfilter/ruleset';
import type { Packet } from '../net/packet';
import type { NftDynamicElement } from '../nftables/packet-context';
import { HOOK_TABLES } from './hook-order';
import type { NodeDump } from './read-node-dump';
import { isNotrack, tracedRules } from './traced-rules';
import type { TablePass } from './node-trace-types';

/** The packet's state along the node: what the tables read and what they decided so far. */
export interface NodeWalk {
  readonly dump: NodeDump;
  /** The packet's family: IPv4 runs iptables-save's tables (nft's ip and inet), IPv6 ip6tables-save's (nft's ip6 and inet). */
  readonly family: 4 | 6;
  readonly env: EvaluateEnv;
  readonly targets: ReadonlyMap<number, string>;
  /** MASQUERADE's source: the node's first address. */
  readonly masqueradeIp: string | undefined;
  packet: Packet;
  mark: number;
  untracked: boolean;
  dnat: NatTarget | undefined;
  snat: NatTarget | undefined;
  readonly passes: TablePass[];
  /** nft rulesets: elements the rules' `update @set` statements added. */
  readonly nftDynamic: Record<string, NftDynamicElement[]>;
}

/**
 * Runs every table of one hook in the kernel's order; false when one dropped or rejected
 * the packet. nat is skipped for an untracked packet (nf_nat needs a conntrack entry).
 */
export function runHook(w: NodeWalk, hook: HookName, inInterface: string | null, outInterface: string | null): boolean {
  const ruleset = w.family === 6 ? w.dump.ruleset6 : w.dump.ruleset;
  for (const table of HOOK_TABLES[hook]) {
    if (findTable(ruleset, table) === undefined || (table === 'nat' && w.untracked)) continue;
    const res = evaluateChain(
      ruleset,
      table,
      hook,
      { packet: w.packet, mark: w.mark, ctstate: ctstateAt(w, table), inInterface, outInterface },
      w.env,
    );
    const rules = tracedRules(w.dump, w.family === 6 ? w.dump.lines6 : w.dump.lines, res.evaluated, w.targets);
    const byPolicy = !rules.some((r) => r.decided);
    w.passes.push({ hook, table, verdict: res.verdict, byPolicy, rules });
    w.mark = res.mark;
    w.packet = res.packet;
    if (table === 'raw' && rules.some((r) => r.verdict === 'continue' && isNotrack(r.text))) w.untracked = true;
    applyNat(w, res.nat);
    if (res.verdict !== 'ACCEPT') return false;
  }
  return true;
}

/**
 * What `-m conntrack --ctstate` sees: raw runs before conntrack, so a packet there has no
 * entry and reads INVALID (xt_conntrack's statebit without a ct); after NOTRACK it is
 * UNTRACKED; else a new connection, DNAT/SNAT once nat rewrote it.
 */
function ctstateAt(w: NodeWalk, table: TableName): CtState[] {
  if (w.untracked) return ['UNTRACKED'];
  if (table === 'raw') return ['INVALID'];
  return ['NEW', ...(w.dnat ? (['DNAT'] as const) : []), ...(w.snat ? (['SNAT'] as const) : [])];
}

/** The NAT a table (or an nft chain) decided, kept for the packet after NAT and the conntrack entry. */
export function applyNat(w: NodeWalk, nat: NatDecision | null): void {
  if (nat === null) return;
  if (nat.kind === 'dnat') w.dnat = { ip: nat.ip, port: nat.port };
  else if (nat.kind === 'snat') w.snat = nat.port === null ? { ip: nat.ip } : { ip: nat.ip, port: nat.port };
  else if (w.masqueradeIp !== undefined) w.snat = { ip: w.masqueradeIp as NatTarget['ip'] };
}

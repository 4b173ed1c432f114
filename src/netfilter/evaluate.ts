import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import { looksLikeIpv6, readIpv6Value } from '../net/ipv6';
import type { Packet, StepPacket } from '../net/packet';
import type { Rng } from '../net/rng';
import type { EvaluatedRule, RuleVerdict, TableName } from './evaluated-rule';
import type { IptablesEffectPart, IptablesRuleDetail } from './rule-detail';
import { matchRule, type MatchState } from './match';
import { ruleSaveText } from './rule-save-text';
import { CT_STATES, ctStateBit, type CtState } from './match-types';
import type { RecentLists } from './recent-lists';
import { chainOf, findTable, type Chain, type Rule, type Ruleset, type Table } from './ruleset';
import type { Target } from './target-types';

/** The packet and the kernel state the matches read (skb mark, conntrack state, devices). */
export interface PacketContext<P extends StepPacket = Packet> {
  /** A TCP, UDP or SCTP packet, or an ICMP error (which no `-p tcp` rule matches). */
  readonly packet: P;
  /** skb->mark. */
  readonly mark: number;
  /** The conntrack state of the packet, plus SNAT/DNAT when its connection is NATed. */
  readonly ctstate: readonly CtState[];
  /** The device the packet arrived on (null for locally generated packets). */
  readonly inInterface: string | null;
  /** The device it leaves on (null before routing, at PREROUTING/INPUT). */
  readonly outInterface: string | null;
}

export interface EvaluateEnv {
  /** statistic: matches when (rng.nextU32() & 0x7fffffff) < round(p * 2^31), as xt_statistic. */
  readonly rng: Rng;
  /** Simulated seconds, for -m recent. */
  readonly now: number;
  readonly recent: RecentLists;
  /** addrtype LOCAL: is this one of the node's own addresses? */
  readonly isLocalAddress: (ip: Ipv4) => boolean;
  /**
   * `-m set --match-set NAME FLAGS`: whether the packet's fields named by FLAGS
   * are a member of the ipset (IPVS mode); undefined when the node has no such
   * set, which never matches.
   */
  readonly ipsetMatches?: (name: string, flags: string, packet: StepPacket) => boolean | undefined;
}

export type NatDecision =
  | { readonly kind: 'dnat'; readonly ip: Ipv4; readonly port: number }
  | { readonly kind: 'masquerade'; readonly randomFully: boolean }
  | { readonly kind: 'snat'; readonly ip: Ipv4; readonly port: number | null };

export interface ChainResult<P extends StepPacket = Packet> {
  /** The table's verdict; DNAT/SNAT/MASQUERADE accept. Falling off a built-in chain is its policy. */
  readonly verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** The packet after DNAT (dst ip and port rewritten; the port kept if the target gives none). */
  readonly packet: P;
  readonly mark: number;
  /** The NAT the table chose; SNAT and MASQUERADE are reported here, not applied to `packet`. */
  readonly nat: NatDecision | null;
  /** The recent lists after any `--set`/`--update`/`--remove`/`--reap`. */
  readonly recent: RecentLists;
  /** Every rule evaluated, in order; `decided` is true on the rule that decided. */
  readonly evaluated: readonly EvaluatedRule[];
}

interface Frame {
  readonly chain: Chain;
  readonly next: number;
}

/** Where the walk is: the chain, the index of its next rule, the return points of the jumps that led there. */
interface Walk {
  current: Chain;
  next: number;
  readonly stack: Frame[];
}

/** A guard for rulesets built by hand: the parser already refuses jump loops. */
const MAX_STEPS = 5_000_000;
const MAX_DEPTH = 1_000;

/**
 * Walks a packet through one table's chain at a hook, as ipt_do_table does: rules in
 * order; a jump pushes a return point, RETURN or the end of a user chain pops it, `-g`
 * jumps without one; MARK and target-less rules continue; ACCEPT, DROP, REJECT, DNAT,
 * SNAT and MASQUERADE end the table. The end (or a RETURN) of the built-in chain applies
 * its policy; started on a user chain (or a chain that does not exist) the result is ACCEPT. Pure: the rng is the only thing advanced, one draw per statistic match reached.
 *
 * @example evaluateChain(ruleset, 'nat', 'PREROUTING', { packet, mark: 0, ctstate: ['NEW'], inInterface: 'cali1', outInterface: null }, env)
 */
export function evaluateChain<P extends StepPacket = Packet>(
  ruleset: Ruleset,
  table: TableName,
  chain: string,
  ctx: PacketContext<P>,
  env: EvaluateEnv,
): ChainResult<P> {
  const t = findTable(ruleset, table);
  const start = t === undefined ? undefined : chainOf(t, chain);
  if (t === undefined || start === undefined) {
    return { verdict: 'ACCEPT', packet: ctx.packet, mark: ctx.mark, nat: null, recent: env.recent, evaluated: [] };
  }
  const s = matchStateOf(ctx, env);
  const evaluated: EvaluatedRule[] = [];
  const finish = (verdict: ChainResult['verdict'], packet: P, nat: NatDecision | null): ChainResult<P> => ({
    verdict,
    packet,
    mark: s.mark,
    nat,
    recent: s.recent,
    evaluated,
  });
  const record = (rule: Rule, position: number, verdict: RuleVerdict, detail: IptablesRuleDetail, decided = false): void => {
    evaluated.push({ table, chain: rule.chain, position, text: ruleSaveText(rule), verdict, detail, decided });
  };
  // Falling off (or RETURN from) the entry chain: a built-in chain's policy decides.
  const policy = (): ChainResult<P> => finish(start.policy ?? 'ACCEPT', ctx.packet, null);

  const walk: Walk = { current: start, next: 0, stack: [] };
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = walk.current.rules[walk.next];
    if (rule === undefined) {
      if (!returnFromChain(walk)) return policy();
      continue;
    }
    const position = ++walk.next;
    s.note = null;
    const failed = matchRule(rule, s);
    if (failed !== null) {
      record(rule, position, 'no-match', failed);
      continue;
    }
    // The statistic or recent match that let the rule through, named after its effect.
    const because = s.note === null ? {} : { because: s.note };
    const target = asFamilyTarget(rule.target, s.src6 !== null);
    if (isTerminal(target)) {
      const end = endTable(target, ctx.packet);
      record(rule, position, target.kind, { ...end.detail, ...because }, true);
      return finish(end.verdict, end.packet, end.nat);
    }
    const followed = followTarget(t, walk, target, s);
    record(rule, position, followed.verdict, { ...followed.detail, ...because });
    if (followed.leftEntryChain) return policy();
  }
  return finish('DROP', ctx.packet, null);
}

/** The state the matches read and write, from the packet's context and the node's environment. */
function matchStateOf(ctx: PacketContext<StepPacket>, env: EvaluateEnv): MatchState {
  const ipv6 = looksLikeIpv6(ctx.packet.srcIp);
  return {
    packet: ctx.packet,
    srcNum: ipv6 ? 0 : ipv4ToNumber(ctx.packet.srcIp),
    dstNum: ipv6 ? 0 : ipv4ToNumber(ctx.packet.dstIp),
    src6: ipv6 ? value6(ctx.packet.srcIp) : null,
    dst6: ipv6 ? value6(ctx.packet.dstIp) : null,
    ctBits: ctx.ctstate.reduce((b, st) => b | ctStateBit(st), 0),
    ctStates: CT_STATES.filter((st) => ctx.ctstate.includes(st)),
    inInterface: ctx.inInterface ?? '',
    outInterface: ctx.outInterface ?? '',
    mark: ctx.mark >>> 0,
    rng: env.rng,
    now: env.now,
    recent: env.recent,
    isLocalAddress: env.isLocalAddress,
    ipsetMatches: env.ipsetMatches,
    note: null,
  };
}

/** An IPv6 packet's address as a number (0 for text that is not one: the walk builds its packets from parsed addresses). */
function value6(ip: string): bigint {
  const v = readIpv6Value(ip);
  return v.ok ? v.value : 0n;
}

/** Back to the rule after the jump that entered the current chain; false when it is the chain the walk started in. */
function returnFromChain(walk: Walk): boolean {
  const frame = walk.stack.pop();
  if (frame === undefined) return false;
  walk.current = frame.chain;
  walk.next = frame.next;
  return true;
}

type GoOnTarget = Extract<Target, { readonly kind: 'none' | 'mark' | 'jump' | 'goto' | 'return' | 'dnat6' | 'snat6' }>;

/**
 * ip6tables' DNAT and SNAT as the NAT an IPv6 packet takes (node-trace's IPv6 walk: the
 * walk's Packet types its addresses as Ipv4, and carries an IPv6 packet's canonical text
 * in them). For an IPv4 packet they stay as they are, passed over.
 */
function asFamilyTarget(target: Target, ipv6: boolean): Target {
  if (!ipv6 || (target.kind !== 'dnat6' && target.kind !== 'snat6')) return target;
  return { kind: target.kind === 'dnat6' ? 'dnat' : 'snat', ip: target.ip as Ipv4, port: target.port, randomFully: false };
}
type TerminalTarget = Exclude<Target, GoOnTarget>;

function isTerminal(target: Target): target is TerminalTarget {
  const kind = target.kind;
  return (
    kind !== 'none' && kind !== 'mark' && kind !== 'jump' && kind !== 'goto' && kind !== 'return' && kind !== 'dnat6' && kind !== 'snat6'
  );
}

/**
 * A target after which the walk goes on: no target (the rule only counts), MARK, a
 * jump or goto (into the chain, if it exists), RETURN. Moves `walk` and sets the mark;
 * `leftEntryChain` is true when a RETURN leaves the chain the walk started in.
 */
function followTarget(
  table: Table,
  walk: Walk,
  target: GoOnTarget,
  s: MatchState,
): { verdict: RuleVerdict; detail: IptablesEffectPart; leftEntryChain: boolean } {
  switch (target.kind) {
    case 'none':
      return { verdict: 'continue', detail: { code: 'counts-only' }, leftEntryChain: false };
    case 'mark': {
      const before = s.mark;
      s.mark = ((s.mark & ~target.mask) ^ target.value) >>> 0;
      return { verdict: 'continue', detail: { code: 'mark-set', from: before, to: s.mark }, leftEntryChain: false };
    }
    case 'jump':
    case 'goto': {
      const next = chainOf(table, target.chain);
      if (next === undefined || walk.stack.length >= MAX_DEPTH) {
        return { verdict: 'continue', detail: { code: 'no-such-chain', chain: target.chain }, leftEntryChain: false };
      }
      if (target.kind === 'jump') walk.stack.push({ chain: walk.current, next: walk.next });
      walk.current = next;
      walk.next = 0;
      return { verdict: target.kind, detail: { code: 'chain', chain: target.chain }, leftEntryChain: false };
    }
    case 'return':
      return { verdict: 'return', detail: { code: 'return' }, leftEntryChain: !returnFromChain(walk) };
    case 'dnat6':
    case 'snat6':
      // The kernel runs ip6tables tables for IPv6 packets only: an IPv4 packet never takes these.
      return {
        verdict: 'continue',
        detail: { code: 'ip6-nat-skipped', target: target.kind === 'dnat6' ? 'DNAT' : 'SNAT' },
        leftEntryChain: false,
      };
  }
}

/**
 * ACCEPT, DROP, REJECT, DNAT, SNAT and MASQUERADE end the table: its verdict (the NAT
 * targets accept), the rule's detail, the packet after DNAT, and the NAT chosen (SNAT
 * and MASQUERADE are reported, not applied to the packet).
 */
function endTable<P extends StepPacket>(
  target: TerminalTarget,
  packet: P,
): { verdict: ChainResult['verdict']; detail: IptablesEffectPart; packet: P; nat: NatDecision | null } {
  switch (target.kind) {
    case 'accept':
      return { verdict: 'ACCEPT', detail: { code: 'accept' }, packet, nat: null };
    case 'drop':
      return { verdict: 'DROP', detail: { code: 'drop' }, packet, nat: null };
    case 'reject':
      return { verdict: 'REJECT', detail: { code: 'reject', with: target.rejectWith }, packet, nat: null };
    case 'dnat': {
      // A DNAT without a port keeps the packet's.
      const port = target.port ?? packet.dstPort;
      const nat = { kind: 'dnat', ip: target.ip, port } as const;
      return {
        verdict: 'ACCEPT',
        detail: { code: 'dnat', ip: target.ip, port },
        packet: { ...packet, dstIp: target.ip, dstPort: port },
        nat,
      };
    }
    case 'snat': {
      const detail = { code: 'snat', ip: target.ip, port: target.port } as const;
      return { verdict: 'ACCEPT', detail, packet, nat: { kind: 'snat', ip: target.ip, port: target.port } };
    }
    case 'masquerade':
      return {
        verdict: 'ACCEPT',
        detail: { code: 'masquerade', randomFully: target.randomFully },
        packet,
        nat: { kind: 'masquerade', randomFully: target.randomFully },
      };
  }
}

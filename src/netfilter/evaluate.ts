import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import type { Packet } from '../net/packet';
import type { Rng } from '../net/rng';
import type { EvaluatedRule, RuleVerdict, TableName } from './evaluated-rule';
import { hex } from './format-rule-save';
import { matchRule, type MatchState } from './match';
import { CT_STATES, ctStateBit, type CtState } from './match-types';
import type { RecentLists } from './recent-lists';
import { chainOf, findTable, type Chain, type Rule, type Ruleset } from './ruleset';

/** The packet and the kernel state the matches read (skb mark, conntrack state, devices). */
export interface PacketContext {
  readonly packet: Packet;
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
  readonly ipsetMatches?: (name: string, flags: string, packet: Packet) => boolean | undefined;
}

export type NatDecision =
  | { readonly kind: 'dnat'; readonly ip: Ipv4; readonly port: number }
  | { readonly kind: 'masquerade'; readonly randomFully: boolean }
  | { readonly kind: 'snat'; readonly ip: Ipv4; readonly port: number | null };

export interface ChainResult {
  /** The table's verdict; DNAT/SNAT/MASQUERADE accept. Falling off a built-in chain is its policy. */
  readonly verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** The packet after DNAT (dst ip and port rewritten; the port kept if the target gives none). */
  readonly packet: Packet;
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
export function evaluateChain(ruleset: Ruleset, table: TableName, chain: string, ctx: PacketContext, env: EvaluateEnv): ChainResult {
  const t = findTable(ruleset, table);
  const start = t === undefined ? undefined : chainOf(t, chain);
  if (t === undefined || start === undefined) {
    return { verdict: 'ACCEPT', packet: ctx.packet, mark: ctx.mark, nat: null, recent: env.recent, evaluated: [] };
  }
  const s: MatchState = {
    packet: ctx.packet,
    srcNum: ipv4ToNumber(ctx.packet.srcIp),
    dstNum: ipv4ToNumber(ctx.packet.dstIp),
    ctBits: ctx.ctstate.reduce((b, st) => b | ctStateBit(st), 0),
    ctText: CT_STATES.filter((st) => ctx.ctstate.includes(st)).join(',') || 'none',
    inInterface: ctx.inInterface ?? '',
    outInterface: ctx.outInterface ?? '',
    mark: ctx.mark >>> 0,
    rng: env.rng,
    now: env.now,
    recent: env.recent,
    isLocalAddress: env.isLocalAddress,
    ipsetMatches: env.ipsetMatches,
    note: '',
  };
  const evaluated: EvaluatedRule[] = [];
  const stack: Frame[] = [];
  const finish = (verdict: ChainResult['verdict'], packet: Packet, nat: NatDecision | null): ChainResult => ({
    verdict,
    packet,
    mark: s.mark,
    nat,
    recent: s.recent,
    evaluated,
  });
  const record = (rule: Rule, position: number, verdict: RuleVerdict, detail: string, decided = false): void => {
    evaluated.push({ table, chain: rule.chain, position, text: rule.saveText, verdict, detail, decided });
  };
  // Falling off (or RETURN from) the entry chain: a built-in chain's policy decides.
  const policy = (): ChainResult => finish(start.policy ?? 'ACCEPT', ctx.packet, null);

  let current = start;
  let i = 0;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = current.rules[i];
    if (rule === undefined) {
      const frame = stack.pop();
      if (frame === undefined) return policy();
      current = frame.chain;
      i = frame.next;
      continue;
    }
    const position = ++i;
    s.note = '';
    const failed = matchRule(rule, s);
    if (failed !== null) {
      record(rule, position, 'no-match', failed);
      continue;
    }
    const note = s.note === '' ? '' : ` (${s.note})`;
    const target = rule.target;
    switch (target.kind) {
      case 'none':
        record(rule, position, 'continue', `no target: the rule only counts the packet${note}`);
        continue;
      case 'mark': {
        const before = s.mark;
        s.mark = ((s.mark & ~target.mask) ^ target.value) >>> 0;
        record(rule, position, 'continue', `mark ${hex(before)} -> ${hex(s.mark)}${note}`);
        continue;
      }
      case 'jump':
      case 'goto': {
        const next = chainOf(t, target.chain);
        if (next === undefined || stack.length >= MAX_DEPTH) {
          record(rule, position, 'continue', `chain ${target.chain} does not exist${note}`);
          continue;
        }
        record(rule, position, target.kind, `${target.chain}${note}`);
        if (target.kind === 'jump') stack.push({ chain: current, next: i });
        current = next;
        i = 0;
        continue;
      }
      case 'return': {
        record(rule, position, 'return', `back to the calling chain${note}`);
        const frame = stack.pop();
        if (frame === undefined) return policy();
        current = frame.chain;
        i = frame.next;
        continue;
      }
      case 'accept':
        record(rule, position, 'accept', `ACCEPT${note}`, true);
        return finish('ACCEPT', ctx.packet, null);
      case 'drop':
        record(rule, position, 'drop', `DROP${note}`, true);
        return finish('DROP', ctx.packet, null);
      case 'reject':
        record(rule, position, 'reject', `REJECT with ${target.rejectWith}${note}`, true);
        return finish('REJECT', ctx.packet, null);
      case 'dnat': {
        const port = target.port ?? ctx.packet.dstPort;
        record(rule, position, 'dnat', `--to-destination ${target.ip}:${port}${note}`, true);
        const packet = { ...ctx.packet, dstIp: target.ip, dstPort: port };
        return finish('ACCEPT', packet, { kind: 'dnat', ip: target.ip, port });
      }
      case 'snat':
        record(rule, position, 'snat', `--to-source ${target.ip}${target.port === null ? '' : `:${target.port}`}${note}`, true);
        return finish('ACCEPT', ctx.packet, { kind: 'snat', ip: target.ip, port: target.port });
      case 'masquerade':
        record(rule, position, 'masquerade', `MASQUERADE${target.randomFully ? ' --random-fully' : ''}${note}`, true);
        return finish('ACCEPT', ctx.packet, { kind: 'masquerade', randomFully: target.randomFully });
    }
  }
  return finish('DROP', ctx.packet, null);
}

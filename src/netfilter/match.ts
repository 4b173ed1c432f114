import { numberToIpv4, type Ipv4 } from '../net/ipv4';
import { ipv6Mask } from '../net/ipv6';
import type { StepPacket } from '../net/packet';
import type { Rng } from '../net/rng';
import { formatMatchSave, iface } from './format-rule-save';
import type { Match, RecentMatch } from './match-types';
import type { IptablesMatchNote, IptablesMatchPart } from './rule-detail';
import { multiportMatches } from './multiport';
import { forgetRecent, recentLastSeen, recordRecent, type RecentLists } from './recent-lists';
import type { AddressMatch, InterfaceMatch, Rule } from './ruleset';

/** What the matches of a rule read and write while one table is evaluated. */
export interface MatchState {
  readonly packet: StepPacket;
  readonly srcNum: number;
  readonly dstNum: number;
  /** An IPv6 packet's addresses as 128-bit numbers (srcNum and dstNum are then 0); null for IPv4. */
  readonly src6: bigint | null;
  readonly dst6: bigint | null;
  readonly ctBits: number;
  /** The packet's conntrack states in `--ctstate`'s order, for a failed match's detail. */
  readonly ctStates: readonly string[];
  readonly inInterface: string;
  readonly outInterface: string;
  mark: number;
  readonly rng: Rng;
  readonly now: number;
  recent: RecentLists;
  readonly isLocalAddress: (ip: Ipv4) => boolean;
  readonly ipsetMatches: ((name: string, flags: string, packet: StepPacket) => boolean | undefined) | undefined;
  /** Set by a statistic or recent match that succeeded, for the rule's detail. */
  note: IptablesMatchNote | null;
}

/**
 * Tests one rule against the packet the way the kernel does (ip_packet_match, then
 * each match in rule order, stopping at the first that fails). Returns null when every
 * match succeeded, otherwise which one failed and why (`{ code: 'match-failed', match: '-d 10.96.0.10/32' }`,
 * `{ code: 'mark-differs', ... }`). Statistic draws
 * the random number only when it is reached, exactly one draw per evaluation.
 */
export function matchRule(rule: Rule, s: MatchState): IptablesMatchPart | null {
  const { source, destination, protocol } = rule;
  if (source !== null && !addressMatches(source, s.srcNum, s.src6)) return failed(source.saveText);
  if (destination !== null && !addressMatches(destination, s.dstNum, s.dst6)) return failed(destination.saveText);
  if (rule.inInterface !== null && !interfaceMatches(rule.inInterface, s.inInterface)) return failed(iface('-i', rule.inInterface));
  if (rule.outInterface !== null && !interfaceMatches(rule.outInterface, s.outInterface)) return failed(iface('-o', rule.outInterface));
  if (protocol !== null && protocol.name !== 'all' && (protocol.name === s.packet.protocol) === protocol.negated) {
    return { code: 'protocol-differs', match: `${protocol.negated ? '! ' : ''}-p ${protocol.name}`, protocol: s.packet.protocol };
  }
  for (const m of rule.matches) {
    const failed = matchOne(m, s);
    if (failed !== null) return failed;
  }
  return null;
}

const failed = (match: string): IptablesMatchPart => ({ code: 'match-failed', match });

/** Masks by prefix length, built once (a bigint shift per rule would be wasted work). */
const MASKS6: readonly bigint[] = Array.from({ length: 129 }, (_, i) => ipv6Mask(i));

/**
 * `-s`/`-d` (negated by `!`), as ip_packet_match and ip6_packet_match compare them. An
 * address of the other family never matches, negated or not: the kernel runs an
 * ip6tables table only for IPv6 packets, so the two never meet there.
 */
function addressMatches(m: AddressMatch, num: number, v6: bigint | null): boolean {
  if (v6 !== null) return m.network6 !== null && ((v6 & MASKS6[m.prefix]!) === m.network6) !== m.negated;
  return m.network6 === null && ((num & m.mask) >>> 0 === m.network) !== m.negated;
}

function interfaceMatches(m: InterfaceMatch, name: string): boolean {
  // xt_ip_packet_match compares names under a mask: "cali+" is a prefix match.
  const same = m.wildcard ? name.startsWith(m.name) : name === m.name;
  return same !== m.negated;
}

function matchOne(m: Match, s: MatchState): IptablesMatchPart | null {
  switch (m.kind) {
    case 'comment':
    case 'nfacct':
      return null;
    case 'ports': {
      if (m.module !== s.packet.protocol) return { code: 'protocol-differs', match: `-m ${m.module}`, protocol: s.packet.protocol };
      const { sport, dport } = m;
      if (sport !== null && (sport.from <= s.packet.srcPort && s.packet.srcPort <= sport.to) === sport.negated)
        return failed(formatMatchSave(m));
      if (dport !== null && (dport.from <= s.packet.dstPort && s.packet.dstPort <= dport.to) === dport.negated)
        return failed(formatMatchSave(m));
      return null;
    }
    case 'statistic': {
      // xt_statistic.c: (get_random_u32() & 0x7FFFFFFF) < info->u.random.probability.
      const draw = (s.rng.nextU32() & 0x7fffffff) >>> 0;
      const hit = draw < m.threshold;
      // Both over 2^31, exactly: the detail compares them as the kernel did.
      const shown = { code: 'statistic', draw: draw / 0x80000000, probability: m.threshold / 0x80000000 } as const;
      if (hit === m.negated) return shown;
      s.note = shown;
      return null;
    }
    case 'recent':
      return matchRecent(m, s);
    case 'mark':
      return ((s.mark & m.mask) >>> 0 === m.value) === m.negated ? { code: 'mark-differs', match: formatMatchSave(m), mark: s.mark } : null;
    case 'conntrack':
      return ((s.ctBits & m.bits) !== 0) === m.negated ? { code: 'ctstate-differs', match: formatMatchSave(m), ctstate: s.ctStates } : null;
    case 'addrtype': {
      for (const [check, ip, flag] of [
        [m.src, s.packet.srcIp, '--src-type'],
        [m.dst, s.packet.dstIp, '--dst-type'],
      ] as const) {
        if (check === null) continue;
        if (check.type !== 'LOCAL') return { code: 'addrtype-not-simulated', flag, type: check.type };
        if (s.isLocalAddress(ip) === check.negated)
          return { code: 'addrtype-local', match: `-m addrtype ${check.negated ? '! ' : ''}${flag} LOCAL`, ip, local: check.negated };
      }
      return null;
    }
    case 'physdev': {
      // Our nodes' only bridge is cbr0: a packet in on it came through one of its ports.
      const bridged = s.inInterface === 'cbr0';
      return bridged === m.negated ? { code: 'physdev-differs', match: formatMatchSave(m), inInterface: s.inInterface } : null;
    }
    case 'set': {
      const member = s.ipsetMatches?.(m.name, m.flags, s.packet);
      if (member === undefined) return { code: 'ipset-missing', set: m.name };
      return member === m.negated ? { code: 'ipset-membership', match: formatMatchSave(m), member } : null;
    }
    case 'multiport':
      return multiportMatches(m, s.packet)
        ? null
        : { code: 'ports-differ', match: formatMatchSave(m), sport: s.packet.srcPort, dport: s.packet.dstPort };
    case 'unmodelled':
      return m.assumed ? null : { code: 'match-not-modelled', name: m.name };
  }
}

/**
 * xt_recent.c recent_mt: the list is keyed by the masked source (or, with --rdest,
 * destination) address. --set records now and matches; --rcheck matches when the
 * address was seen within --seconds; --update also refreshes it; --remove forgets it.
 * --reap drops an entry found to be older than --seconds.
 */
function matchRecent(m: RecentMatch, s: MatchState): IptablesMatchPart | null {
  // An IPv6 packet is keyed by its whole address (--mask reads as an IPv4 netmask here).
  const ip =
    s.src6 !== null
      ? m.side === 'source'
        ? s.packet.srcIp
        : s.packet.dstIp
      : numberToIpv4(((m.side === 'source' ? s.srcNum : s.dstNum) & m.mask) >>> 0);
  const last = recentLastSeen(s.recent, m.name, ip);
  let hit: boolean;
  let why: IptablesMatchNote;
  if (m.mode === 'set') {
    s.recent = recordRecent(s.recent, m.name, ip, s.now);
    hit = true;
    why = { code: 'recent-recorded', ip, list: m.name };
  } else if (last === undefined) {
    hit = false;
    why = { code: 'recent-absent', ip, list: m.name };
  } else if (m.seconds !== null && last < s.now - m.seconds) {
    hit = false;
    why = { code: 'recent-expired', ip, list: m.name, ago: s.now - last, seconds: m.seconds };
    if (m.reap) s.recent = forgetRecent(s.recent, m.name, ip);
  } else {
    hit = true;
    why = { code: 'recent-seen', ip, list: m.name, ago: s.now - last };
    if (m.mode === 'update') s.recent = recordRecent(s.recent, m.name, ip, s.now);
    if (m.mode === 'remove') s.recent = forgetRecent(s.recent, m.name, ip);
  }
  if (hit === m.negated) return why;
  s.note = why;
  return null;
}

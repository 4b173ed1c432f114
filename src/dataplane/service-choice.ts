import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import { jumpedChain } from '../netfilter/rule-detail';
import type { RecentMatch, StatisticMatch } from '../netfilter/match-types';
import { recentLastSeen, type RecentLists } from '../netfilter/recent-lists';
import { formatSavedProbability } from '../netfilter/format-rule-save';
import { chainOf, findTable, type Rule, type Ruleset } from '../netfilter/ruleset';
import { ipv4ToNumber, numberToIpv4, type Ipv4 } from '../net/ipv4';

/**
 * Which match in a Service's KUBE-SVC (or KUBE-SVL) chain sent a new
 * connection to its endpoint, as kube-proxy writes the chain
 * (pkg/proxy/iptables/proxier.go writeServiceToEndpointRules): first one
 * `-m recent --rcheck` rule per endpoint when the Service has ClientIP session
 * affinity, then one rule per endpoint, each but the last with
 * `-m statistic --mode random --probability 1/(endpoints left)`.
 */
export type ServiceChoice = (
  | {
      /** A statistic rule matched: the random draw fell under its probability. */
      readonly kind: 'statistic';
      readonly svcChain: string;
      readonly sepChain: string;
      /** As iptables-save prints the rule ("0.50000000000"; 1/3 reads 0.33333333349). */
      readonly probability: string;
      /** The share of new connections this rule gives its endpoint, after the rules before it ("1/2"). */
      readonly share: string;
      readonly endpoints: number;
      /** How many endpoint rules came before it (and missed): 0 for the chain's first. */
      readonly passed: number;
    }
  | {
      /** Session affinity: the client is in the endpoint's recent list, inside the window. */
      readonly kind: 'affinity';
      readonly svcChain: string;
      readonly sepChain: string;
      /** --seconds: the affinity window (sessionAffinityConfig.clientIP.timeoutSeconds). */
      readonly seconds: number;
      /** Seconds since the client was last sent to this endpoint. */
      readonly ago: number;
      /** Seconds the window still had when this connection came. */
      readonly left: number;
    }
  | {
      /** The chain's last endpoint rule, with no statistic match: every statistic rule before it missed. */
      readonly kind: 'last';
      readonly svcChain: string;
      readonly sepChain: string;
      readonly endpoints: number;
      readonly share: string;
    }
  | {
      /** The Service has a single endpoint: one unconditional jump. */
      readonly kind: 'only';
      readonly svcChain: string;
      readonly sepChain: string;
    }
) & {
  /**
   * The Service's session-affinity window (--seconds of its `-m recent --rcheck`
   * rules), null without affinity. Outside the 'affinity' kind, those checks
   * came first and missed: the client had no live record.
   */
  readonly affinitySeconds: number | null;
};

const isServiceChain = (chain: string) => chain.startsWith('KUBE-SVC-') || chain.startsWith('KUBE-SVL-');
const sepTarget = (rule: Rule): string | null =>
  rule.target.kind === 'jump' && rule.target.chain.startsWith('KUBE-SEP-') ? rule.target.chain : null;
const recentOf = (rule: Rule) => rule.matches.find((m): m is RecentMatch => m.kind === 'recent');
const statisticOf = (rule: Rule) => rule.matches.find((m): m is StatisticMatch => m.kind === 'statistic');

/** "1/2" when a share is one over a whole number (kube-proxy's always is), else a percentage. */
export function formatShare(share: number): string {
  const n = Math.round(1 / share);
  if (n >= 1 && Math.abs(share * n - 1) < 1e-6) return `1/${n}`;
  return `${(share * 100).toFixed(1)}%`;
}

/** Seconds as a short number: whole seconds when whole, else to the millisecond. */
export function formatSeconds(s: number): string {
  return Number.isInteger(s) ? String(s) : String(Math.round(s * 1000) / 1000);
}

/**
 * The match that decided which endpoint a new connection gets, read from the
 * rules the nat table evaluated for it (the KUBE-SVC rule whose jump led to a
 * KUBE-SEP chain), the node's ruleset (the whole chain, for the endpoint count
 * and the probabilities before it) and its recent lists as they were before the
 * evaluation (for the affinity window). Null when no KUBE-SVC rule chose an
 * endpoint (a DNAT written by hand, not by kube-proxy).
 *
 * @example serviceChoice(step.rules, kernel.ruleset, recentBefore, world.now, packet.srcIp)?.kind // 'statistic'
 */
export function serviceChoice(
  evaluated: readonly EvaluatedRule[],
  ruleset: Ruleset,
  recentBefore: RecentLists,
  now: number,
  client: Ipv4,
): ServiceChoice | null {
  const decided = evaluated.find((r) => isServiceChain(r.chain) && r.verdict === 'jump' && jumpedChain(r.detail)?.startsWith('KUBE-SEP-'));
  const table = findTable(ruleset, 'nat');
  const chain = decided && table ? chainOf(table, decided.chain) : undefined;
  const rule = decided && chain ? chain.rules[decided.position - 1] : undefined;
  const sepChain = rule ? sepTarget(rule) : null;
  if (!decided || !chain || !rule || !sepChain) return null;
  const svcChain = chain.name;
  const recent = recentOf(rule);
  const affinitySeconds = chain.rules.map(recentOf).find((m) => m?.mode === 'rcheck')?.seconds ?? null;
  if (recent && recent.mode === 'rcheck' && !recent.negated) {
    const mask = recent.mask >>> 0;
    const key = numberToIpv4((ipv4ToNumber(client) & mask) >>> 0);
    const last = recentLastSeen(recentBefore, recent.name, key) ?? now;
    const seconds = recent.seconds ?? 0;
    return { kind: 'affinity', svcChain, sepChain, seconds, ago: now - last, left: seconds - (now - last), affinitySeconds: seconds };
  }
  // The endpoint rules proper: the session-affinity checks come before them.
  const endpointRules = chain.rules.filter((r) => sepTarget(r) !== null && !recentOf(r));
  const index = endpointRules.indexOf(rule);
  if (endpointRules.length === 1) return { kind: 'only', svcChain, sepChain, affinitySeconds };
  const missed = endpointRules.slice(0, Math.max(index, 0)).reduce((left, r) => left * (1 - probabilityOf(r)), 1);
  const statistic = statisticOf(rule);
  if (statistic) {
    const share = formatShare(missed * probabilityOf(rule));
    const endpoints = endpointRules.length;
    return {
      kind: 'statistic',
      svcChain,
      sepChain,
      probability: formatSavedProbability(statistic.threshold),
      share,
      endpoints,
      passed: index,
      affinitySeconds,
    };
  }
  return { kind: 'last', svcChain, sepChain, endpoints: endpointRules.length, share: formatShare(missed), affinitySeconds };
}

/** The probability a rule's statistic match takes, as the kernel compares it (threshold / 2^31); 1 without one. */
function probabilityOf(rule: Rule): number {
  const statistic = statisticOf(rule);
  return statistic ? statistic.threshold / 0x80000000 : 1;
}

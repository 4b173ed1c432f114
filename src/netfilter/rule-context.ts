import type { IpFamily } from '../kube-proxy/ip-address';
import type { Result } from '../net/result';
import type { Match, StatisticMatch } from './match-types';
import { newRuleDraft, type RuleDraft } from './rule-draft';
import { newRuleWords, type RuleWords } from './rule-words';
import type { AddressMatch } from './ruleset';
import type { Target } from './target-types';

/** A chain the parse has declared: its name, one string shared by every rule that names it. */
export interface KnownChain {
  readonly name: string;
  /** `-j NAME` as a target, made once and shared by every rule that jumps there. */
  jump: Target | undefined;
}

/**
 * The chain named by word `i` of the rule line, as `-A CHAIN` (`role` 'rule') or
 * `-j CHAIN` ('target'); undefined when the table has no such chain.
 */
export type FindChain = (words: RuleWords, i: number, role: 'rule' | 'target') => KnownChain | undefined;

/**
 * What the rules of one parse share: the scratch words of the current line, the chains
 * it knows, and matches seen before. Rules are read-only, so equal matches can be one
 * object: 100,000 DNAT rules of a 10,000-Service ruleset hold the same `-m tcp`, 90,000
 * rules one of ten `-m statistic` probabilities. Fewer objects to keep is less to copy
 * for the garbage collector, which was a third of parsing such a ruleset.
 */
export interface RuleContext {
  /** iptables (IPv4) or ip6tables (IPv6) text: how addresses, DNAT targets and REJECT's default read. */
  readonly family: IpFamily;
  readonly words: RuleWords;
  /** The rule being read (one draft, emptied for each rule). */
  readonly draft: RuleDraft;
  readonly findChain: FindChain;
  /** `-m tcp|udp|sctp` without ports or with one `--dport` port, as a one-match list, by a number made of the module and the port. */
  readonly ports: Map<number, readonly Match[]>;
  /** `-m statistic --mode random --probability P` (not negated) as a one-match list, by P as written. */
  readonly statistics: Map<string, readonly [StatisticMatch]>;
  /** The last `-s`, `-d`, `! -s`, `! -d` read (kube-proxy repeats `! -s CLUSTER-CIDR` in every Service chain). */
  readonly addresses: (Result<AddressMatch> | undefined)[];
  /** When the match just finished came from a cache: the shared one-match list holding it. */
  sharedList: readonly Match[] | null;
  /** The chain the rule just read jumps or goes to, when findChain found it. */
  targetChain: KnownChain | undefined;
}

const NO_CHAINS: FindChain = () => undefined;

export function newRuleContext(findChain: FindChain = NO_CHAINS, family: IpFamily = 'IPv4'): RuleContext {
  return {
    family,
    words: newRuleWords(),
    draft: newRuleDraft(),
    findChain,
    ports: new Map(),
    statistics: new Map(),
    addresses: [undefined, undefined, undefined, undefined],
    sharedList: null,
    targetChain: undefined,
  };
}

/**
 * Why a rule did what it did, as data: a code and its parameters, written by the iptables
 * evaluator (`evaluateChain`), the nftables one (`evaluateBaseChain`) and a pasted dump's walk
 * (`traceNodeDump`), and turned into English or Chinese by `ruleDetailText`. The parameters
 * are the technical tokens a node prints (a match as iptables-save writes it, a chain name,
 * an address, `0x4000`); the words around them belong to the text function.
 */

/** A match that failed, or that let the rule through and is worth saying (statistic, recent). */
export type IptablesMatchPart =
  /** A match that failed, as iptables-save prints it: `! -s 10.244.0.0/16`, `-i eth0`, `-m tcp --dport 80`. */
  | { readonly code: 'match-failed'; readonly match: string }
  /** `-p tcp` or `-m tcp` met a packet of another protocol. */
  | { readonly code: 'protocol-differs'; readonly match: string; readonly protocol: string }
  /** xt_statistic's draw and the rule's probability, both in [0, 1): matched when draw < probability. */
  | { readonly code: 'statistic'; readonly draw: number; readonly probability: number }
  /** `-m recent --set`: the address went into the list. */
  | { readonly code: 'recent-recorded'; readonly ip: string; readonly list: string }
  | { readonly code: 'recent-absent'; readonly ip: string; readonly list: string }
  /** Seen `ago` seconds before, more than the rule's `--seconds`. */
  | { readonly code: 'recent-expired'; readonly ip: string; readonly list: string; readonly ago: number; readonly seconds: number }
  | { readonly code: 'recent-seen'; readonly ip: string; readonly list: string; readonly ago: number }
  | { readonly code: 'mark-differs'; readonly match: string; readonly mark: number }
  /** The packet's conntrack states (empty: none), as `--ctstate` names them. */
  | { readonly code: 'ctstate-differs'; readonly match: string; readonly ctstate: readonly string[] }
  | { readonly code: 'addrtype-not-simulated'; readonly flag: string; readonly type: string }
  | { readonly code: 'addrtype-local'; readonly match: string; readonly ip: string; readonly local: boolean }
  /** The device the packet came in on ('' for none). */
  | { readonly code: 'physdev-differs'; readonly match: string; readonly inInterface: string }
  | { readonly code: 'ipset-missing'; readonly set: string }
  | { readonly code: 'ipset-membership'; readonly match: string; readonly member: boolean }
  | { readonly code: 'ports-differ'; readonly match: string; readonly sport: number; readonly dport: number }
  | { readonly code: 'match-not-modelled'; readonly name: string };

/** The match of a rule that let it through and that the rule's detail names after its effect. */
export type IptablesMatchNote = Extract<
  IptablesMatchPart,
  { readonly code: 'statistic' | 'recent-recorded' | 'recent-absent' | 'recent-expired' | 'recent-seen' }
>;

/** What a rule whose matches all held did: its target's effect. */
export type IptablesEffectPart =
  | { readonly code: 'counts-only' }
  | { readonly code: 'mark-set'; readonly from: number; readonly to: number }
  | { readonly code: 'no-such-chain'; readonly chain: string }
  /** A jump or goto (the rule's verdict says which) into this chain. */
  | { readonly code: 'chain'; readonly chain: string }
  | { readonly code: 'return' }
  | { readonly code: 'ip6-nat-skipped'; readonly target: 'DNAT' | 'SNAT' }
  | { readonly code: 'accept' }
  | { readonly code: 'drop' }
  | { readonly code: 'reject'; readonly with: string }
  | { readonly code: 'dnat'; readonly ip: string; readonly port: number }
  | { readonly code: 'snat'; readonly ip: string; readonly port: number | null }
  | { readonly code: 'masquerade'; readonly randomFully: boolean };

/** A pasted dump's rule whose target the walk passes over. */
type DumpTargetPart = { readonly code: 'target-not-modelled'; readonly target: string } | { readonly code: 'notrack' };

/** A statement of an nft rule that ran and let the rule go on. */
export type NftNote =
  | { readonly code: 'nft-mark-set'; readonly from: number; readonly to: number }
  /** `dnat ip to` met an IPv6 packet (or `dnat ip6 to` an IPv4 one) in an inet table: nothing happens. */
  | {
      readonly code: 'nft-nat-other-family';
      readonly nat: 'dnat' | 'snat';
      readonly ip: string;
      readonly port: number | null;
      readonly family: 'ip' | 'ip6';
    }
  | { readonly code: 'nft-not-modelled-passed'; readonly name: string; readonly match: boolean }
  /** `field` as the rule spells it (`ip daddr`), the packet's `key`, the value or `@set` it held against. */
  | {
      readonly code: 'nft-matched';
      readonly field: string;
      readonly key: string;
      readonly op: '==' | '!=' | 'in';
      readonly against: string;
    }
  /** A verdict map held the key: `map` is the named map, null for one written in the rule. */
  | { readonly code: 'nft-map-hit'; readonly field: string; readonly key: string; readonly numgen: boolean; readonly map: string | null }
  | {
      readonly code: 'nft-set-update';
      readonly op: 'add' | 'update';
      readonly set: string;
      readonly key: string;
      readonly timeout: number | null;
    };

/** How an nft rule ended: a failed match, no verdict, or the verdict or NAT it gave. */
export type NftEndPart =
  | { readonly code: 'nft-no-field'; readonly field: string }
  | {
      readonly code: 'nft-not-matched';
      readonly field: string;
      readonly key: string;
      readonly negated: boolean;
      readonly inSet: boolean;
      readonly against: string;
    }
  | { readonly code: 'nft-no-element'; readonly key: string; readonly map: string | null }
  | { readonly code: 'nft-not-modelled'; readonly name: string }
  /** Every statement ran, none gave a verdict: said only when no statement is worth a note. */
  | { readonly code: 'nft-no-verdict' }
  /** The verdict as nft writes it: `accept`, `goto service-…`, `reject with icmp type port-unreachable`. */
  | { readonly code: 'nft-verdict'; readonly verdict: string }
  | { readonly code: 'nft-nat'; readonly nat: 'dnat' | 'snat'; readonly ip: string; readonly port: number | null }
  | { readonly code: 'nft-masquerade'; readonly flags: readonly string[] };

/** One piece of a detail: every code there is, with its parameters. */
export type RuleDetailPart = IptablesMatchPart | IptablesEffectPart | DumpTargetPart | NftNote | NftEndPart;
export type RuleDetailCode = RuleDetailPart['code'];

/** An iptables rule's detail: the failed match, or the target's effect and the match that let it through. */
export type IptablesRuleDetail = IptablesMatchPart | (IptablesEffectPart & { readonly because?: IptablesMatchNote }) | DumpTargetPart;

/** An nft rule's detail: how it ended, after the statements that ran before (a mark set, a match worth naming). */
export type NftRuleDetail = NftEndPart & { readonly notes?: readonly NftNote[] };

/**
 * Why a rule did what it did, in either walk. Plain JSON, so a Trace carrying it stays
 * serialisable and comparable byte for byte.
 */
export type RuleDetail = IptablesRuleDetail | NftRuleDetail;

/**
 * The chain a jump or goto went to, read from its detail; null for any other detail.
 *
 * @example jumpedChain({ code: 'chain', chain: 'KUBE-SVC-6FQZKDMVESNX7NUN' }) // 'KUBE-SVC-6FQZKDMVESNX7NUN'
 */
export function jumpedChain(detail: RuleDetail): string | null {
  return detail.code === 'chain' ? detail.chain : null;
}

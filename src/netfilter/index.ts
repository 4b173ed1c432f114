/**
 * netfilter: iptables rulesets as kube-proxy writes them, parsed once, printed back in
 * iptables-restore and iptables-save form, and evaluated packet by packet.
 */
export type { EvaluatedRule, RuleVerdict, TableName } from './evaluated-rule';
export type { IptablesRuleDetail, NftNote, NftRuleDetail, RuleDetail, RuleDetailCode, RuleDetailPart } from './rule-detail';
export { jumpedChain } from './rule-detail';
export { ruleDetailText } from './rule-detail-text';
export type {
  AddressMatch,
  Chain,
  ChainDeclaration,
  ChainPolicy,
  HookName,
  InterfaceMatch,
  ProtocolMatch,
  Rule,
  Ruleset,
  Table,
} from './ruleset';
export { BUILTIN_CHAINS, HOOK_ORDER, TABLE_NAMES, chainOf, findChain, findTable, isBuiltinChain } from './ruleset';
export type {
  AddrTypeMatch,
  CommentMatch,
  ConntrackMatch,
  CtState,
  MarkMatch,
  Match,
  MultiportMatch,
  NfacctMatch,
  PortMatch,
  PortsMatch,
  RecentMatch,
  RecentMode,
  SetMatch,
  StatisticMatch,
  UnmodelledMatch,
} from './match-types';
export { CT_STATES } from './match-types';
export type { Target, TargetKind } from './target-types';
export { parseIptablesRestore } from './parse-restore';
export { parseRule } from './parse-rule';
export { formatIptablesRestore } from './print-restore';
export { formatIptablesSave } from './print-save';
export { formatRuleSave, formatSavedProbability } from './format-rule-save';
export { ruleSaveText } from './rule-save-text';
export { evaluateChain } from './evaluate';
export type { ChainResult, EvaluateEnv, NatDecision, PacketContext } from './evaluate';
export { EMPTY_RECENT_LISTS, forgetRecent, recentLastSeen, recordRecent } from './recent-lists';
export type { RecentLists } from './recent-lists';

import type { MatchDraft } from './parse-match';
import type { KnownChain } from './rule-context';
import type { AddressMatch, InterfaceMatch, ProtocolMatch } from './ruleset';

/** A rule while its words are read: the rule's own matches, its modules in order, its target. */
export interface RuleDraft {
  source: AddressMatch | null;
  destination: AddressMatch | null;
  inInterface: InterfaceMatch | null;
  outInterface: InterfaceMatch | null;
  protocol: ProtocolMatch | null;
  readonly modules: MatchDraft[];
  target: MatchDraft | null;
  isGoto: boolean;
  /** The chain `-j` names, when the parse knows it. */
  targetChain: KnownChain | undefined;
  /** The module an option was just found in (set by optionOwner). */
  owner: MatchDraft | null;
  /** Why the rule was refused. */
  error: string;
}

export function newRuleDraft(): RuleDraft {
  return {
    source: null,
    destination: null,
    inInterface: null,
    outInterface: null,
    protocol: null,
    modules: [],
    target: null,
    isGoto: false,
    targetChain: undefined,
    owner: null,
    error: '',
  };
}

/**
 * The draft emptied for the next rule. One draft serves every rule of a parse: a fresh one
 * per rule (and its modules array, which reserves 17 slots at its first push) was a third
 * of the short-lived garbage of parsing 320,000 rules. Nothing a Rule keeps points into it.
 */
export function resetRuleDraft(draft: RuleDraft): RuleDraft {
  draft.source = null;
  draft.destination = null;
  draft.inInterface = null;
  draft.outInterface = null;
  draft.protocol = null;
  draft.modules.length = 0;
  draft.target = null;
  draft.isGoto = false;
  draft.targetChain = undefined;
  draft.owner = null;
  draft.error = '';
  return draft;
}

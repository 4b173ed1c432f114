import { isPacketStep, type Step } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';

/**
 * Why a step evaluated no rule, in words that teach: a hop with no netfilter
 * hook says what happens there instead; a hook that ran no rule says that
 * conntrack, not the nat table, handled the packet; an IPVS step says IPVS did.
 */
export function noRulesReason(step: Step, t: PanelStrings): string {
  if (!isPacketStep(step)) return t.noRules[step.kind] ?? t.noRules.other;
  // In IPVS mode the rewrite is IPVS's own NAT, not a nat rule and not conntrack's.
  if (step.ipvsChange) return step.ipvsChange.change === 'reply' ? t.noRules.ipvsReply : t.noRules.ipvs;
  if (step.hook === null) return t.noRules[step.kind] ?? t.noRules.other;
  if (step.kind === 'conntrack-hit' || step.kind === 'reverse-nat' || step.kind === 'snat') return t.noRules[step.kind] ?? t.noRules.other;
  if (step.kind === 'hook') return t.noRules.hook;
  return t.noRules.other;
}

import { ruleDetailText } from '../../src/netfilter/rule-detail-text';
import type { RuleDetail } from '../../src/netfilter/rule-detail';

/** A rule's detail as the CLI prints it (English). */
export const detailOf = (rule: { readonly detail: RuleDetail } | undefined): string | undefined =>
  rule && ruleDetailText(rule.detail, 'en');

/** The rule with its detail in English, for assertions written against the printed text. */
export const inEnglish = <R extends { readonly detail: RuleDetail }>(
  rule: R | undefined,
): (Omit<R, 'detail'> & { detail: string }) | undefined => rule && { ...rule, detail: ruleDetailText(rule.detail, 'en') };

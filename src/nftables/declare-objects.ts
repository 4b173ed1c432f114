import type { NftFamily } from '../kube-proxy/nftables/table';
import { parseElements, parseSetSpec } from './parse-specs';
import { parseNftRuleTokens } from './parse-rule';
import type { NftRulesetBuilder } from './ruleset-builder';
import type { NftToken } from './tokenize';

/*
 * Declaring a set or map, adding elements and adding a rule: the same in both forms of nft
 * input (an `add` command on one line, or a block of nft list's form).
 */

/** A set or map from its declaration's statements, with the elements it lists. */
export function declareSet(
  b: NftRulesetBuilder,
  family: NftFamily,
  table: string,
  kind: 'set' | 'map',
  name: string,
  statements: readonly (readonly NftToken[])[],
): string | null {
  const parsed = parseSetSpec(statements, kind);
  if (typeof parsed === 'string') return parsed;
  const problem = b.addSet(family, table, { kind, name, ...parsed.spec });
  if (problem !== null || parsed.elements === null) return problem;
  return addElements(b, family, table, name, parsed.elements);
}

/** `{ ... }` of elements added to a set or map. */
export function addElements(
  b: NftRulesetBuilder,
  family: NftFamily,
  table: string,
  set: string,
  tokens: readonly NftToken[],
): string | null {
  const elements = parseElements(tokens);
  if (typeof elements === 'string') return elements;
  for (const e of elements) {
    const problem = b.addElement(family, table, set, e);
    if (problem !== null) return problem;
  }
  return null;
}

/** A rule's tokens, its trailing `comment "..."` taken apart, parsed and appended. */
export function addRule(
  b: NftRulesetBuilder,
  family: NftFamily,
  table: string,
  chain: string,
  tokens: readonly NftToken[],
  line: string,
  insert: boolean,
): string | null {
  const split = ruleBody(tokens, line);
  if (split === null) return 'a rule needs at least one statement';
  const parsed = parseNftRuleTokens(split.body, split.text);
  if (!parsed.ok) return parsed.error;
  const rule = split.comment !== undefined ? { text: split.text, comment: split.comment } : { text: split.text };
  return b.addRule(family, table, chain, rule, insert);
}

/** A rule's tokens without its trailing `comment "..."`, their text as written, and the comment; null when nothing is left. */
export function ruleBody(
  tokens: readonly NftToken[],
  line: string,
): { readonly body: readonly NftToken[]; readonly text: string; readonly comment?: string } | null {
  const n = tokens.length;
  const hasComment = n >= 2 && tokens[n - 2]!.text === 'comment' && !tokens[n - 2]!.quoted && tokens[n - 1]!.quoted;
  const body = hasComment ? tokens.slice(0, -2) : tokens;
  if (body.length === 0) return null;
  // The rule keeps its text as written (kube-proxy's ` , ` and nft list's `, ` both).
  const text = line.slice(body[0]!.start, body.at(-1)!.end);
  return hasComment ? { body, text, comment: tokens[n - 1]!.text } : { body, text };
}

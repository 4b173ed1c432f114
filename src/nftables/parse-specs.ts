import type { NftHook } from '../kube-proxy/nftables/table';
import { parseNftDuration, parseNftNumber } from './parse-number';
import type { NftRulesetBaseChain, NftRulesetElement, NftRulesetSet } from './ruleset';
import type { NftToken } from './tokenize';

/*
 * The parts of a table, chain, set or map declaration, in either form: inside the braces
 * of `add chain ... { type filter hook input priority 0 ; }` (statements split at `;`) or
 * the lines of a `chain x { ... }` block that nft list prints (one statement a line).
 */

const HOOKS: readonly NftHook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];

/** nft's named priorities for the ip and ip6 families (doc: "Standard priority names"). */
const NAMED_PRIORITIES: Readonly<Record<string, number>> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };

/** `0`, `-110`, `filter`, `dstnat - 10`, `srcnat + 5`. */
export function parsePriority(words: readonly string[]): number | string {
  const [first, sign, offset] = words;
  const signed = first !== undefined && /^-?[0-9]+$/.test(first) ? Number(first) : NAMED_PRIORITIES[first ?? ''];
  if (signed === undefined) return `"${words.join(' ')}" is not a priority`;
  if (words.length === 1) return signed;
  const n = parseNftNumber(offset ?? '');
  if (words.length !== 3 || (sign !== '+' && sign !== '-') || n === null) return `"${words.join(' ')}" is not a priority`;
  return sign === '+' ? signed + n : signed - n;
}

const text = (tokens: readonly NftToken[]): string[] => tokens.map((t) => t.text);

/** A chain's statements: `type T hook H priority P`, `policy P`, `comment "C"`. */
export function parseChainSpec(statements: readonly (readonly NftToken[])[]): { base?: NftRulesetBaseChain; comment?: string } | string {
  let base: { type?: string; hook?: string; priority?: number; policy: 'accept' | 'drop' } | undefined;
  let comment: string | undefined;
  for (const s of statements) {
    const w = text(s);
    if (w[0] === 'comment' && s[1]?.quoted === true && w.length === 2) comment = w[1];
    else if (w[0] === 'policy' && (w[1] === 'accept' || w[1] === 'drop') && w.length === 2) (base ??= { policy: 'accept' }).policy = w[1];
    else if (w[0] === 'type' && w[2] === 'hook' && w[4] === 'priority') {
      const priority = parsePriority(w.slice(5));
      if (typeof priority === 'string') return priority;
      base = { ...(base ?? { policy: 'accept' }), type: w[1], hook: w[3], priority };
    } else return `cannot read "${w.join(' ')}" in a chain's declaration`;
  }
  if (base === undefined) return comment === undefined ? {} : { comment };
  if (base.type !== 'filter' && base.type !== 'nat') return `chain type "${base.type ?? ''}" is not modelled (filter, nat)`;
  const hook = HOOKS.find((h) => h === base.hook);
  if (hook === undefined || base.priority === undefined)
    return `a base chain needs "type T hook H priority P" with a hook of ${HOOKS.join(', ')}`;
  return { base: { type: base.type, hook, priority: base.priority, policy: base.policy }, ...(comment !== undefined ? { comment } : {}) };
}

type SetSpec = Omit<NftRulesetSet, 'elements' | 'kind' | 'name'>;

/** A set's or map's statements: `type K . K [: V]`, `flags F,F`, `timeout T`, `size N`, `comment "C"`; `elements` are returned apart. */
export function parseSetSpec(
  statements: readonly (readonly NftToken[])[],
  kind: 'set' | 'map',
): { spec: SetSpec; elements: readonly NftToken[] | null } | string {
  let keyType: string[] | undefined;
  let valueType: string | undefined;
  const extra: { flags?: string[]; timeoutSeconds?: number; comment?: string } = {};
  let elements: readonly NftToken[] | null = null;
  for (const s of statements) {
    const w = text(s);
    if (w[0] === 'type') {
      const colon = w.indexOf(':');
      keyType = w.slice(1, colon < 0 ? undefined : colon).filter((x) => x !== '.');
      if (colon >= 0) valueType = w.slice(colon + 1).join(' ');
    } else if (w[0] === 'flags') extra.flags = w.slice(1).filter((x) => x !== ',');
    else if (w[0] === 'timeout' && w.length === 2) {
      const t = parseNftDuration(w[1]!);
      if (t === null) return `"${w[1]}" is not a timeout`;
      extra.timeoutSeconds = t;
    } else if (w[0] === 'comment' && s[1]?.quoted === true) extra.comment = w[1];
    else if (w[0] === 'size' || w[0] === 'gc-interval' || w[0] === 'policy') continue;
    else if (w[0] === 'elements' && w[1] === '=') elements = s.slice(2);
    else return `cannot read "${w.join(' ')}" in a ${kind}'s declaration`;
  }
  if (keyType === undefined || keyType.length === 0) return `a ${kind} needs a "type"`;
  if ((kind === 'map') !== (valueType !== undefined))
    return kind === 'map' ? 'a map needs "type KEY : VALUE"' : 'a set has no ": VALUE" type';
  return { spec: { keyType, ...(valueType !== undefined ? { valueType } : {}), ...extra }, elements };
}

/** `{ K . K [timeout T] [expires T] [comment "C"] [: V], ... }` as elements. */
export function parseElements(tokens: readonly NftToken[]): readonly NftRulesetElement[] | string {
  if (tokens[0]?.text !== '{' || tokens.at(-1)?.text !== '}') return 'elements go in "{ ... }"';
  const out: NftRulesetElement[] = [];
  let entry: NftToken[] = [];
  for (const t of [...tokens.slice(1, -1), { text: ',', quoted: false, start: 0, end: 0 }]) {
    if (t.text !== ',' || t.quoted) {
      entry.push(t);
      continue;
    }
    if (entry.length === 0) continue;
    const e = parseElement(entry);
    if (typeof e === 'string') return e;
    out.push(e);
    entry = [];
  }
  return out;
}

function parseElement(tokens: readonly NftToken[]): NftRulesetElement | string {
  const key: string[] = [];
  const extra: { timeoutSeconds?: number; expiresSeconds?: number; comment?: string } = {};
  let i = 0;
  for (; i < tokens.length && tokens[i]!.text !== ':'; i++) {
    const t = tokens[i]!;
    const w = t.text;
    if (t.quoted) return `"${w}" cannot be part of an element's key`;
    if (w === 'timeout' || w === 'expires') {
      const d = parseNftDuration(tokens[++i]?.text ?? '');
      if (d === null) return `"${w} ${tokens[i]?.text ?? ''}" is not a duration`;
      extra[w === 'timeout' ? 'timeoutSeconds' : 'expiresSeconds'] = d;
    } else if (w === 'comment') extra.comment = tokens[++i]?.text ?? '';
    else if (w !== '.') key.push(w);
  }
  if (key.length === 0) return 'an element needs a key';
  const value =
    i < tokens.length
      ? tokens
          .slice(i + 1)
          .map((t) => t.text)
          .join(' ')
      : undefined;
  if (value === '') return `element "${key.join(' . ')}" has ":" but no value`;
  return { key, ...extra, ...(value !== undefined ? { value } : {}) };
}

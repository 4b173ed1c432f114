import { err, ok, type Result } from '../net/result';
import { describeField } from './describe';
import { fieldType } from './field-value';
import { parseConcatenation } from './parse-field';
import { parseNftNumber } from './parse-number';
import type { NftField, NftParsedRule, NftRhs, NftStatement, NftVerdict, NftVmapRef } from './rule-types';
import { TokenCursor } from './token-cursor';
import { tokenizeNft, type NftToken } from './tokenize';
import { isValidValue } from './value-check';

type Step = NftStatement | string;

/**
 * A rule's text (`ip daddr . meta l4proto . th dport vmap @service-ips`, `meta mark set
 * meta mark | 0x00004000`) as statements, in both the form kube-proxy writes and the one
 * `nft list` prints. An error names the words that could not be read.
 *
 * @example parseNftRule('ip saddr 10.180.0.1 jump mark-for-masquerade')
 */
export function parseNftRule(text: string): Result<NftParsedRule> {
  const tokens = tokenizeNft(text);
  return tokens.ok ? parseNftRuleTokens(tokens.value, text) : tokens;
}

export function parseNftRuleTokens(tokens: readonly NftToken[], text: string): Result<NftParsedRule> {
  const c = new TokenCursor(tokens);
  const statements: NftStatement[] = [];
  while (!c.atEnd()) {
    const s = parseStatement(c);
    if (typeof s === 'string') return err(s);
    statements.push(s);
  }
  if (statements.length === 0) return err('a rule needs at least one statement');
  return ok({ text, statements });
}

/** One statement at the cursor, or what could not be read. */
export function parseStatement(c: TokenCursor): Step {
  const fields = parseConcatenation(c);
  if (typeof fields === 'string') return fields;
  if (fields !== null) return parseAfterFields(c, fields);
  const word = c.peek();
  switch (word) {
    case 'counter':
      c.next();
      // nft list shows the counter's values; they are not part of the rule.
      if (c.peek() === 'packets') for (let i = 0; i < 4; i++) c.next();
      return { kind: 'counter' };
    case 'dnat':
    case 'snat':
      return parseNat(c, word);
    case 'masquerade': {
      c.next();
      const flags: string[] = [];
      while (['fully-random', 'random', 'persistent', ','].includes(c.peek())) {
        const flag = c.next();
        if (flag !== ',') flags.push(flag);
      }
      return { kind: 'masquerade', flags };
    }
    case 'update':
    case 'add':
      return parseSetUpdate(c, word);
  }
  const verdict = parseVerdict(c);
  if (verdict !== null) return typeof verdict === 'string' ? verdict : { kind: 'verdict', verdict };
  return `cannot read "${c.rest()}"`;
}

function parseAfterFields(c: TokenCursor, fields: readonly NftField[]): Step {
  if (c.accept('vmap')) {
    const map = parseVmapRef(c, fields);
    return typeof map === 'string' ? map : { kind: 'vmap', fields, map };
  }
  if (c.accept('set')) return parseMarkSet(c, fields);
  let mask: number | undefined;
  if (c.peek() === '&' || c.peek() === 'and') {
    c.next();
    const word = c.next();
    const m = parseNftNumber(word);
    if (m === null) return `"${word}" is not a mask`;
    mask = m;
  }
  const negated = c.peek() === '!=';
  if (negated || c.peek() === '==') c.next();
  const rhs = parseRhs(c, fields);
  if (typeof rhs === 'string') return rhs;
  if (rhs.kind === 'values') {
    const bad = badKey(
      fields,
      rhs.values.map((v) => v.split(' . ')),
    );
    if (bad !== null) return bad;
  }
  return mask === undefined ? { kind: 'match', fields, negated, rhs } : { kind: 'match', fields, negated, rhs, mask };
}

/** `@set`, `{ a, b }`, or one value (`ct state` also takes `a,b`). */
function parseRhs(c: TokenCursor, fields: readonly NftField[]): NftRhs | string {
  const word = c.peek();
  if (word.startsWith('@')) {
    c.next();
    return { kind: 'set', name: word.slice(1) };
  }
  if (word === '{') {
    const entries = parseBraced(c);
    if (typeof entries === 'string') return entries;
    return { kind: 'values', values: entries.map((e) => e.join(' ')) };
  }
  // A device's name is a string: nft lists it quoted (`iifname "eth0"`).
  if (word.startsWith('"') && fields.length === 1 && fields[0]!.kind === 'iface') return { kind: 'values', values: [c.next()] };
  if (word === '' || word.startsWith('"')) return `a value is missing after ${describeFields(fields)}`;
  const values = [c.next()];
  if (fields[0]?.kind === 'ct') while (c.accept(',')) values.push(c.next());
  return { kind: 'values', values };
}

/** `{ a . b , c . d }` as entries of words; the cursor ends after `}`. */
export function parseBraced(c: TokenCursor): readonly (readonly string[])[] | string {
  c.next();
  const entries: string[][] = [];
  let entry: string[] = [];
  for (;;) {
    const word = c.next();
    if (word === '') return 'a "{" is not closed';
    if (word === '}') break;
    if (word === ',') {
      if (entry.length > 0) entries.push(entry);
      entry = [];
    } else entry.push(word);
  }
  if (entry.length > 0) entries.push(entry);
  return entries;
}

function parseVmapRef(c: TokenCursor, fields: readonly NftField[]): NftVmapRef | string {
  const word = c.peek();
  if (word.startsWith('@')) {
    c.next();
    return { kind: 'named', name: word.slice(1) };
  }
  if (word !== '{') return `vmap needs @map or { ... }, not "${word}"`;
  const entries = parseBraced(c);
  if (typeof entries === 'string') return entries;
  const out: { key: string[]; verdict: NftVerdict }[] = [];
  for (const words of entries) {
    const colon = words.indexOf(':');
    const verdict =
      colon < 0 ? null : parseVerdict(new TokenCursor(words.slice(colon + 1).map((text) => ({ text, quoted: false, start: 0, end: 0 }))));
    if (verdict === null || typeof verdict === 'string') return `vmap entry "${words.join(' ')}" needs "KEY : VERDICT"`;
    out.push({ key: words.slice(0, colon).filter((w) => w !== '.'), verdict });
  }
  return inlineVmap(fields, out);
}

/** The first key that does not fit the fields' types, as an error; null when all fit. */
function badKey(fields: readonly NftField[], keys: readonly (readonly string[])[]): string | null {
  for (const key of keys) {
    if (key.length !== fields.length) return `"${key.join(' . ')}" does not fit ${describeFields(fields)}`;
    const i = key.findIndex((part, j) => !isValidValue(fieldType(fields[j]!), part));
    if (i >= 0) return `"${key[i]}" is not a value of ${describeFields([fields[i]!])} (${fieldType(fields[i]!)})`;
  }
  return null;
}

function inlineVmap(fields: readonly NftField[], out: { key: string[]; verdict: NftVerdict }[]): NftVmapRef | string {
  const bad = badKey(
    fields,
    out.map((e) => e.key),
  );
  if (bad !== null) return bad;
  return { kind: 'inline', entries: out };
}

/** `accept`, `drop`, `reject [with ...]`, `return`, `continue`, `jump CHAIN`, `goto CHAIN`; null if none. */
export function parseVerdict(c: TokenCursor): NftVerdict | string | null {
  const word = c.peek();
  if (word === 'accept' || word === 'drop' || word === 'return' || word === 'continue') {
    c.next();
    return { kind: word };
  }
  if (word === 'jump' || word === 'goto') {
    c.next();
    const chain = c.next();
    return chain === '' ? `${word} needs a chain` : { kind: word, chain };
  }
  if (word !== 'reject') return null;
  c.next();
  if (!c.accept('with')) return { kind: 'reject', with: null };
  const words: string[] = [];
  while (!c.atEnd() && c.peek() !== 'comment') words.push(c.next());
  return { kind: 'reject', with: words.join(' ') };
}

/** `meta mark set meta mark | 0x4000` (nft list) or `mark set mark or 0x4000` (kube-proxy); `set 0x1` sets it. */
function parseMarkSet(c: TokenCursor, fields: readonly NftField[]): Step {
  if (fields.length !== 1 || fields[0]!.kind !== 'mark') return `"set" is modelled only for meta mark, not ${describeFields(fields)}`;
  const plain = parseNftNumber(c.peek());
  if (plain !== null) {
    c.next();
    return { kind: 'mark-set', op: 'set', value: plain };
  }
  if (!(c.accept('meta') ? c.accept('mark') : c.accept('mark'))) return `cannot read the mark in "set ${c.rest()}"`;
  const OPS: Readonly<Record<string, 'or' | 'xor' | 'and'>> = { '|': 'or', or: 'or', '^': 'xor', xor: 'xor', '&': 'and', and: 'and' };
  const op = OPS[c.next()];
  const value = parseNftNumber(c.next());
  if (op === undefined || value === null) return `cannot read the mark operation in "set ${c.rest()}"`;
  return { kind: 'mark-set', op, value };
}

/** `dnat to 10.0.0.1:80`, `dnat ip to [fd00::1]:80`, `dnat to 10.0.0.1`; `snat to ...` alike. */
function parseNat(c: TokenCursor, kind: 'dnat' | 'snat'): Step {
  c.next();
  if (c.peek() === 'ip' || c.peek() === 'ip6') c.next();
  if (!c.accept('to')) return `${kind} needs "to ADDRESS[:PORT]"`;
  const target = c.next();
  const m = /^\[([^\]]+)\]:([0-9]+)$/.exec(target) ?? /^([0-9.]+):([0-9]+)$/.exec(target);
  if (m !== null) return { kind, ip: m[1]!, port: Number(m[2]) };
  if (target === '') return `${kind} needs "to ADDRESS[:PORT]"`;
  return { kind, ip: target.replace(/^\[(.*)\]$/, '$1'), port: null };
}

/** `update @set { ip saddr }`. */
function parseSetUpdate(c: TokenCursor, op: 'update' | 'add'): Step {
  c.next();
  const name = c.next();
  if (!name.startsWith('@') || !c.accept('{')) return `${op} needs "@SET { KEY }"`;
  const fields = parseConcatenation(c);
  if (fields === null || typeof fields === 'string' || !c.accept('}')) return `${op} @${name.slice(1)}: cannot read its key`;
  return { kind: 'set-update', op, set: name.slice(1), fields };
}

function describeFields(fields: readonly NftField[]): string {
  return fields.map(describeField).join(' . ');
}

import { canonicalValue, partMatches } from './field-value';
import type { NftDynamicElement } from './packet-context';
import { parseVerdict } from './parse-rule';
import type { NftRulesetSet } from './ruleset';
import type { NftVerdict } from './rule-types';
import { TokenCursor } from './token-cursor';
import { tokenizeNft } from './tokenize';

/** One element as a lookup sees it: its key as written, and a map's verdict. */
export interface IndexedElement {
  /** `172.30.0.41 . tcp . 80`. */
  readonly text: string;
  readonly key: readonly string[];
  readonly verdict?: NftVerdict;
}

/** A named set or map ready for lookups: exact keys hashed, prefixes and ranges scanned. */
export interface NftSetIndex {
  readonly set: NftRulesetSet;
  /** "family table name": the key of its dynamic elements. */
  readonly id: string;
  readonly exact: ReadonlyMap<string, IndexedElement>;
  readonly ranged: readonly IndexedElement[];
}

const isRanged = (type: string, part: string): boolean =>
  ((type === 'ipv4_addr' || type === 'ipv6_addr') && part.includes('/')) || part.indexOf('-', 1) > 0;

/** Indexes a set; a map element's value must be a verdict (kube-proxy's maps are all verdict maps). */
export function indexSet(set: NftRulesetSet, id: string): NftSetIndex | string {
  const exact = new Map<string, IndexedElement>();
  const ranged: IndexedElement[] = [];
  for (const e of set.elements) {
    let verdict: NftVerdict | undefined;
    if (e.value !== undefined) {
      const tokens = tokenizeNft(e.value);
      const v = tokens.ok ? parseVerdict(new TokenCursor(tokens.value)) : null;
      if (v === null || typeof v === 'string') return `${set.name}: element "${e.key.join(' . ')}" maps to "${e.value}", not a verdict`;
      verdict = v;
    }
    const element: IndexedElement = { text: e.key.join(' . '), key: e.key, ...(verdict !== undefined ? { verdict } : {}) };
    if (e.key.some((part, i) => isRanged(set.keyType[i] ?? '', part))) ranged.push(element);
    else exact.set(e.key.map((part, i) => canonicalValue(set.keyType[i] ?? '', part)).join(' . '), element);
  }
  return { set, id, exact, ranged };
}

/**
 * The element whose key holds these (canonical) values: an exact key first, then prefixes
 * and ranges, then what the data path added and has not expired yet.
 */
export function lookupSet(
  index: NftSetIndex,
  values: readonly string[],
  dynamic: readonly NftDynamicElement[],
  now: number,
): IndexedElement | null {
  const found = index.exact.get(values.join(' . '));
  if (found !== undefined) return found;
  const types = index.set.keyType;
  const holds = (key: readonly string[]): boolean =>
    key.length === values.length && key.every((part, i) => partMatches(types[i] ?? '', values[i]!, part));
  const ranged = index.ranged.find((e) => holds(e.key));
  if (ranged !== undefined) return ranged;
  const live = dynamic.find((e) => e.expires > now && holds(e.key));
  return live === undefined ? null : { text: live.key.join(' . '), key: live.key };
}

import type { EvaluatedNftRule, NftLookup } from './evaluated-rule';

/** A run of consecutively evaluated rules of one chain; `head` is a base chain's `type … hook … priority …;` line. */
export interface NftChainGroup {
  readonly chain: string;
  /** `type nat hook prerouting priority dstnat; policy accept;` as `nft list` prints it; null for a regular chain. */
  readonly head: string | null;
  readonly rules: readonly NftRuleView[];
}

/** A rule as evaluated, with its lookups drawn out. */
export interface NftRuleView {
  readonly rule: EvaluatedNftRule;
  readonly lookups: readonly NftLookupView[];
}

/** One element of the set or map a rule looked in, as `nft list` prints it (`key : value` in a map). */
export interface NftLookupElement {
  readonly text: string;
  readonly matched: boolean;
}

/** A lookup with the elements around it: the whole (small) map, or just the matched element of a big one. */
export interface NftLookupView {
  /** `@service-ips`, or the expression an inline map is keyed by: `numgen random mod 2`. */
  readonly name: string;
  readonly key: string;
  readonly matched: boolean;
  /** In listing order; a map of more than MAX_SHOWN elements shows only the matched one. */
  readonly elements: readonly NftLookupElement[];
  /** How many elements the set or map holds. */
  readonly total: number;
}

/** How a line of the listing took part in the step: the rule that decided, another rule that matched, a matched element. */
export type NftLineMark = 'decided' | 'matched' | 'element';

export interface NftStepView {
  readonly groups: readonly NftChainGroup[];
  /** The listing's lines, each with its mark (null: not met, or met and not matched). */
  readonly lines: readonly { readonly text: string; readonly mark: NftLineMark | null }[];
}

/** Sets of up to this many elements are shown whole; bigger ones (a cluster's service-ips) only by the matched element. */
export const MAX_SHOWN = 8;

interface ListedChain {
  head: string | null;
  /** Line index of each rule, position 1 first. */
  ruleLines: number[];
}

interface ListedSet {
  /** Each element's text and the line it is printed on. */
  elements: { text: string; line: number }[];
}

/** Chains and sets of an `nft list table` text, with the lines they are printed on. */
function indexListing(lines: readonly string[]) {
  const chains = new Map<string, ListedChain>();
  const sets = new Map<string, ListedSet>();
  let chain: ListedChain | null = null;
  let set: ListedSet | null = null;
  let inElements = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const open = /^(chain|set|map) (\S+) \{$/.exec(line);
    if (open) {
      if (open[1] === 'chain') chains.set(open[2]!, (chain = { head: null, ruleLines: [] }));
      else sets.set(open[2]!, (set = { elements: [] }));
      return;
    }
    if (line === '}') {
      chain = set = null;
      return;
    }
    if (chain) {
      if (line.startsWith('type ') && chain.ruleLines.length === 0) chain.head = line;
      else if (line !== '' && !line.startsWith('comment "')) chain.ruleLines.push(i);
    } else if (set && (inElements || line.startsWith('elements = {'))) {
      const body = line.replace(/^elements = \{/, '').replace(/\}$/, '');
      for (const text of body
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean))
        set.elements.push({ text, line: i });
      inElements = !line.endsWith('}');
    }
  });
  return { chains, sets };
}

/** An element as printed (`10.96.0.10 . tcp . 80 : goto …`) is the lookup's element when its key part is. */
const isElement = (printed: string, lookup: NftLookup) => lookup.element !== null && printed.split(' : ')[0] === lookup.element;

/** The elements of an inline map written in the rule: `vmap { 0 : goto a, 1 : goto b }`. */
const inlineElements = (set: string) =>
  set
    .replace(/^vmap \{\s*/, '')
    .replace(/\s*\}$/, '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

function lookupView(rule: EvaluatedNftRule, lookup: NftLookup, listed: ListedSet | undefined): NftLookupView {
  const inline = lookup.set.startsWith('vmap {');
  // An inline map is named by what it is keyed by: the rule's text before it (`numgen random mod 2`).
  const name = inline ? rule.text.slice(0, rule.text.indexOf(' vmap {')) : `@${lookup.set}`;
  const all = inline ? inlineElements(lookup.set) : (listed?.elements.map((e) => e.text) ?? []);
  const elements = all.map((text) => ({ text, matched: isElement(text, lookup) }));
  const shown = elements.length <= MAX_SHOWN ? elements : elements.filter((e) => e.matched);
  return { name, key: lookup.key, matched: lookup.element !== null, elements: shown, total: elements.length };
}

/**
 * What the nftables panel draws for a step: its evaluated rules grouped by chain (each
 * base chain with its hook and priority, as listed), each lookup with the set's elements
 * and the matched one, and the node's listing with the lines the step matched marked.
 * `listing` is `nft list table ip kube-proxy` as the node printed it at the step.
 *
 * @example nftStepView(nodeNftList(scenario, 'vm1')!, step.nftRules).groups[0]?.head
 */
export function nftStepView(listing: string, rules: readonly EvaluatedNftRule[]): NftStepView {
  const text = listing.split('\n');
  const { chains, sets } = indexListing(text);
  const groups: { chain: string; head: string | null; rules: NftRuleView[] }[] = [];
  const marks = new Map<number, NftLineMark>();
  for (const rule of rules) {
    const listed = chains.get(rule.chain);
    const view = { rule, lookups: rule.lookups.map((l) => lookupView(rule, l, sets.get(l.set))) };
    const last = groups[groups.length - 1];
    if (last?.chain === rule.chain) last.rules.push(view);
    else groups.push({ chain: rule.chain, head: listed?.head ?? null, rules: [view] });
    const line = listed?.ruleLines[rule.position - 1];
    if (line !== undefined && rule.verdict !== 'no-match') marks.set(line, rule.decided ? 'decided' : 'matched');
    for (const l of rule.lookups) {
      const element = sets.get(l.set)?.elements.find((e) => isElement(e.text, l));
      if (element && !marks.has(element.line)) marks.set(element.line, 'element');
    }
  }
  return { groups, lines: text.map((t, i) => ({ text: t, mark: marks.get(i) ?? null })) };
}

import type { NftBaseChainSpec, NftChain, NftElement, NftFamily, NftRule, NftSet, NftTable } from './table';

interface MutableChain {
  readonly name: string;
  base?: NftBaseChainSpec;
  comment?: string;
  readonly rules: NftRule[];
}

interface MutableSet extends Omit<NftSet, 'elements'> {
  readonly elements: NftElement[];
  /** Element keys already present: an element is added once (nftElementStorage.ensureElem). */
  readonly keys: Set<string>;
}

/**
 * Collects a table the way one knftables transaction builds it: `add chain` of an existing
 * chain changes nothing, rules are appended in order, an element whose key is already in
 * its set or map is not added again.
 */
export class NftTableBuilder {
  private readonly chains = new Map<string, MutableChain>();
  private readonly sets = new Map<string, MutableSet>();

  constructor(
    private readonly family: NftFamily,
    private readonly name: string,
    private readonly comment: string,
  ) {}

  addChain(name: string, options: { readonly base?: NftBaseChainSpec; readonly comment?: string } = {}): void {
    let chain = this.chains.get(name);
    if (chain === undefined) {
      chain = { name, rules: [] };
      this.chains.set(name, chain);
    }
    if (options.base !== undefined) chain.base = options.base;
    if (options.comment !== undefined) chain.comment = options.comment;
  }

  hasChain(name: string): boolean {
    return this.chains.has(name);
  }

  /** Appends a rule; the chain must exist (nft refuses a rule in a missing chain). */
  addRule(chain: string, text: string, comment?: string): void {
    const target = this.chains.get(chain);
    if (target === undefined) throw new Error(`add rule: no chain ${chain}`);
    target.rules.push(comment === undefined ? { text } : { text, comment });
  }

  addSet(set: Omit<NftSet, 'elements'>): void {
    if (!this.sets.has(set.name)) this.sets.set(set.name, { ...set, elements: [], keys: new Set() });
  }

  addElement(set: string, element: NftElement): void {
    const target = this.sets.get(set);
    if (target === undefined) throw new Error(`add element: no set or map ${set}`);
    const key = element.key.join(' . ');
    if (target.keys.has(key)) return;
    target.keys.add(key);
    target.elements.push(element);
  }

  /** The table, chains sorted by name, then sets and maps each sorted by name (knftables' Fake.Dump order). */
  build(): NftTable {
    const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const chains: NftChain[] = [...this.chains.values()].sort(byName).map((c) => ({
      name: c.name,
      ...(c.base !== undefined ? { base: c.base } : {}),
      ...(c.comment !== undefined ? { comment: c.comment } : {}),
      rules: c.rules,
    }));
    const all = [...this.sets.values()].sort(byName).map(({ keys: _keys, ...set }): NftSet => set);
    const sets = [...all.filter((s) => s.kind === 'set'), ...all.filter((s) => s.kind === 'map')];
    return { family: this.family, name: this.name, comment: this.comment, chains, sets };
  }
}

import type { NftFamily, NftRule } from '../kube-proxy/nftables/table';
import { isValidValue } from './value-check';
import type { NftRuleset, NftRulesetBaseChain, NftRulesetElement, NftRulesetSet, NftRulesetTable } from './ruleset';

interface MutableChain {
  readonly name: string;
  base?: NftRulesetBaseChain;
  comment?: string;
  rules: NftRule[];
}

interface MutableSet extends Omit<NftRulesetSet, 'elements'> {
  /** By key text: an element is in a set once. */
  readonly elements: Map<string, NftRulesetElement>;
}

interface MutableTable {
  readonly family: NftFamily;
  readonly name: string;
  comment?: string;
  readonly chains: Map<string, MutableChain>;
  readonly sets: Map<string, MutableSet>;
}

const keyText = (e: { readonly key: readonly string[] }): string => e.key.join(' . ');

/**
 * The kernel's state while a ruleset is loaded, command by command, with nft's rules for
 * each command: `add` of something that exists changes nothing (`create` refuses it), a
 * rule or element needs its chain or set, `delete` needs the object (and a chain must be
 * empty). Each method returns an error message, or null when it worked.
 */
export class NftRulesetBuilder {
  private readonly tables = new Map<string, MutableTable>();

  addTable(family: NftFamily, name: string, comment: string | undefined, create = false): string | null {
    const id = `${family} ${name}`;
    const existing = this.tables.get(id);
    if (existing !== undefined) {
      if (create) return `table ${id} already exists`;
      if (comment !== undefined) existing.comment = comment;
      return null;
    }
    this.tables.set(id, { family, name, ...(comment !== undefined ? { comment } : {}), chains: new Map(), sets: new Map() });
    return null;
  }

  private table(family: NftFamily, name: string): MutableTable | string {
    return this.tables.get(`${family} ${name}`) ?? `no table ${family} ${name}`;
  }

  addChain(
    family: NftFamily,
    table: string,
    name: string,
    spec: { base?: NftRulesetBaseChain; comment?: string },
    create = false,
  ): string | null {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    const existing = t.chains.get(name);
    if (existing !== undefined && create) return `chain ${name} already exists`;
    const chain = existing ?? { name, rules: [] };
    if (spec.base !== undefined) {
      if (chain.base !== undefined && (chain.base.hook !== spec.base.hook || chain.base.type !== spec.base.type))
        return `chain ${name} is already a ${chain.base.type} chain at ${chain.base.hook}`;
      chain.base = spec.base;
    }
    if (spec.comment !== undefined) chain.comment = spec.comment;
    t.chains.set(name, chain);
    return null;
  }

  addRule(family: NftFamily, table: string, chain: string, rule: NftRule, insert = false): string | null {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    const c = t.chains.get(chain);
    if (c === undefined) return `no chain ${chain} in table ${family} ${table}`;
    if (insert) c.rules.unshift(rule);
    else c.rules.push(rule);
    return null;
  }

  addSet(family: NftFamily, table: string, set: Omit<NftRulesetSet, 'elements'>, create = false): string | null {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    const existing = t.sets.get(set.name);
    if (existing !== undefined) {
      if (create) return `${set.kind} ${set.name} already exists`;
      if (existing.kind !== set.kind || keyText({ key: existing.keyType }) !== keyText({ key: set.keyType }))
        return `${set.kind} ${set.name} already exists with another type`;
      return null;
    }
    t.sets.set(set.name, { ...set, elements: new Map() });
    return null;
  }

  addElement(family: NftFamily, table: string, set: string, element: NftRulesetElement): string | null {
    const s = this.findSet(family, table, set);
    if (typeof s === 'string') return s;
    if (s.keyType.length !== element.key.length) return `${s.name} takes ${s.keyType.join(' . ')}, not "${keyText(element)}"`;
    const bad = element.key.findIndex((part, i) => !isValidValue(s.keyType[i] ?? '', part));
    if (bad >= 0) return `${s.name}: "${element.key[bad]}" is not a ${s.keyType[bad]}`;
    if ((s.kind === 'map') !== (element.value !== undefined))
      return `${s.kind} ${s.name}: "${keyText(element)}" ${s.kind === 'map' ? 'needs' : 'cannot have'} a ": value"`;
    if (!s.elements.has(keyText(element))) s.elements.set(keyText(element), element);
    return null;
  }

  deleteElement(family: NftFamily, table: string, set: string, key: readonly string[]): string | null {
    const s = this.findSet(family, table, set);
    if (typeof s === 'string') return s;
    return s.elements.delete(keyText({ key })) ? null : `${set} has no element ${keyText({ key })}`;
  }

  private findSet(family: NftFamily, table: string, set: string): MutableSet | string {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    return t.sets.get(set) ?? `no set or map ${set} in table ${family} ${table}`;
  }

  /** `flush table|chain|set|map`: rules or elements go, the objects stay. */
  flush(what: 'table' | 'chain' | 'set' | 'map', family: NftFamily, table: string, name: string): string | null {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    if (what === 'table') {
      for (const c of t.chains.values()) c.rules = [];
      for (const s of t.sets.values()) s.elements.clear();
      return null;
    }
    if (what === 'chain') {
      const c = t.chains.get(name);
      if (c === undefined) return `no chain ${name}`;
      c.rules = [];
      return null;
    }
    const s = t.sets.get(name);
    if (s === undefined) return `no ${what} ${name}`;
    s.elements.clear();
    return null;
  }

  /** `delete table|chain|set|map`: a chain must be empty and no rule may jump to it. */
  delete(what: 'table' | 'chain' | 'set' | 'map', family: NftFamily, table: string, name: string): string | null {
    const t = this.table(family, table);
    if (typeof t === 'string') return t;
    if (what === 'table') {
      this.tables.delete(`${family} ${table}`);
      return null;
    }
    if (what === 'chain') {
      const c = t.chains.get(name);
      if (c === undefined) return `no chain ${name}`;
      if (c.rules.length > 0) return `chain ${name} is not empty (flush it first)`;
      if (this.referenced(t, name)) return `chain ${name} is still jumped to`;
      t.chains.delete(name);
      return null;
    }
    return t.sets.delete(name) ? null : `no ${what} ${name}`;
  }

  private referenced(t: MutableTable, chain: string): boolean {
    const words = (text: string): string[] => text.split(/[\s,{}]+/);
    const names = (text: string): boolean => {
      const w = words(text);
      return w.some((word, i) => word === chain && (w[i - 1] === 'jump' || w[i - 1] === 'goto'));
    };
    for (const c of t.chains.values()) if (c.rules.some((r) => names(r.text))) return true;
    for (const s of t.sets.values()) for (const e of s.elements.values()) if (e.value !== undefined && names(e.value)) return true;
    return false;
  }

  /** `flush ruleset`: every table goes. */
  clear(): void {
    this.tables.clear();
  }

  build(): NftRuleset {
    const tables: NftRulesetTable[] = [...this.tables.values()].map((t) => ({
      family: t.family,
      name: t.name,
      ...(t.comment !== undefined ? { comment: t.comment } : {}),
      chains: [...t.chains.values()].map((c) => ({
        name: c.name,
        ...(c.base !== undefined ? { base: c.base } : {}),
        ...(c.comment !== undefined ? { comment: c.comment } : {}),
        rules: [...c.rules],
      })),
      sets: [...t.sets.values()].map((s) => ({ ...s, elements: [...s.elements.values()] })),
    }));
    return { tables };
  }
}

import { err, ok, type Result } from '../net/result';
import { parseNftRule } from './parse-rule';
import type { NftRuleset, NftRulesetBaseChain, NftRulesetTable } from './ruleset';
import type { NftParsedRule, NftStatement, NftVerdict } from './rule-types';
import { indexSet, type NftSetIndex } from './set-index';

/** A rule ready to run: its statements, its text and comment for the report. */
export interface CompiledRule extends NftParsedRule {
  readonly comment?: string;
}

export interface CompiledChain {
  readonly name: string;
  readonly base?: NftRulesetBaseChain;
  readonly rules: readonly CompiledRule[];
}

export interface CompiledTable {
  readonly table: NftRulesetTable;
  readonly chains: ReadonlyMap<string, CompiledChain>;
  readonly sets: ReadonlyMap<string, NftSetIndex>;
}

/** A ruleset ready for evaluation (internal: it holds Maps; the ruleset itself stays plain data). */
export interface NftProgram {
  readonly tables: readonly CompiledTable[];
}

/**
 * Parsed rules by their text (plain readonly data, safely shared): another node's table,
 * or a node's after a resync, repeats most rules of one compiled before, and 10,000
 * Services' tables hold 30,000 rules. Cleared when it grows past a bound.
 */
const parsedRules = new Map<string, ReturnType<typeof parseNftRule>>();
const MAX_PARSED_RULES = 200_000;

function parseRuleOnce(text: string): ReturnType<typeof parseNftRule> {
  const known = parsedRules.get(text);
  if (known !== undefined) return known;
  const parsed = parseNftRule(text);
  if (parsedRules.size >= MAX_PARSED_RULES) parsedRules.clear();
  parsedRules.set(text, parsed);
  return parsed;
}

/**
 * Parses every rule and indexes every set of a ruleset, and checks what nft checks when it
 * loads one: each jump and goto names a chain of its table, each `@set` a set and each
 * `vmap @map` a verdict map.
 *
 * @example compileNft(unwrap(parseNft(text))).ok // true
 */
export function compileNft(ruleset: NftRuleset): Result<NftProgram> {
  const tables: CompiledTable[] = [];
  for (const table of ruleset.tables) {
    const where = `table ${table.family} ${table.name}`;
    const sets = new Map<string, NftSetIndex>();
    for (const s of table.sets) {
      const index = indexSet(s, `${table.family} ${table.name} ${s.name}`);
      if (typeof index === 'string') return err(`${where}: ${index}`);
      sets.set(s.name, index);
    }
    const chains = new Map<string, CompiledChain>();
    for (const c of table.chains) {
      const rules: CompiledRule[] = [];
      for (const r of c.rules) {
        const parsed = parseRuleOnce(r.text);
        if (!parsed.ok) return err(`${where} chain ${c.name}: ${parsed.error}`);
        rules.push(r.comment === undefined ? parsed.value : { ...parsed.value, comment: r.comment });
      }
      chains.set(c.name, { name: c.name, ...(c.base !== undefined ? { base: c.base } : {}), rules });
    }
    const compiled = { table, chains, sets };
    const problem = checkReferences(compiled);
    if (problem !== null) return err(`${where}: ${problem}`);
    tables.push(compiled);
  }
  return ok({ tables });
}

function verdictTarget(v: NftVerdict): string | null {
  return v.kind === 'jump' || v.kind === 'goto' ? v.chain : null;
}

/** What nft would refuse in a statement of this table: a jump to no chain, a set that is not there or not of the key's width. */
export function statementProblem(t: CompiledTable, s: NftStatement): string | null {
  const chainMissing = (v: NftVerdict): string | null => {
    const target = verdictTarget(v);
    return target !== null && !t.chains.has(target) ? `${v.kind} ${target}: no such chain` : null;
  };
  if (s.kind === 'verdict') return chainMissing(s.verdict);
  if (s.kind === 'vmap') {
    if (s.map.kind === 'inline') return s.map.entries.map((e) => chainMissing(e.verdict)).find((p) => p !== null) ?? null;
    const m = t.sets.get(s.map.name)?.set;
    return m?.kind === 'map' && m.valueType === 'verdict' ? null : `vmap @${s.map.name}: no such verdict map`;
  }
  if ((s.kind === 'match' && s.rhs.kind === 'set') || s.kind === 'set-update') {
    const name = s.kind === 'set-update' ? s.set : s.rhs.kind === 'set' ? s.rhs.name : '';
    const set = t.sets.get(name)?.set;
    if (set === undefined) return `@${name}: no such set`;
    const fields = s.fields.length;
    if (set.keyType.length !== fields) return `@${name} is keyed by ${set.keyType.join(' . ')}, not ${fields} field(s)`;
  }
  return null;
}

function checkReferences(t: CompiledTable): string | null {
  for (const c of t.chains.values()) {
    for (const [i, r] of c.rules.entries()) {
      for (const s of r.statements) {
        const problem = statementProblem(t, s);
        if (problem !== null) return `chain ${c.name} rule ${i + 1}: ${problem}`;
      }
    }
  }
  for (const s of t.sets.values()) {
    for (const e of [...s.exact.values(), ...s.ranged]) {
      const target = e.verdict === undefined ? null : verdictTarget(e.verdict);
      if (target !== null && !t.chains.has(target)) return `map ${s.set.name} element ${e.text}: no chain ${target}`;
    }
  }
  return null;
}

import type { NftFamily } from '../kube-proxy/nftables/table';
import { addElements, addRule, declareSet } from './declare-objects';
import { splitStatements, type LogicalLine } from './logical-lines';
import { parseChainSpec, parseElements } from './parse-specs';
import type { NftRulesetBuilder } from './ruleset-builder';
import type { NftToken } from './tokenize';

export const FAMILIES: readonly NftFamily[] = ['ip', 'ip6'];

/**
 * One command of an `nft -f` transaction, applied: `add|create table|chain|set|map|element|rule
 * FAMILY TABLE ...`, `insert rule`, `flush table|chain|set|map`, `delete table|chain|set|map|element`.
 * Returns the problem, or null.
 */
export function runNftCommand(b: NftRulesetBuilder, line: LogicalLine): string | null {
  const t = line.tokens;
  const w = t.map((x) => x.text);
  const [verb, object, family, table, name] = w;
  if (verb !== 'add' && verb !== 'create' && verb !== 'insert' && verb !== 'flush' && verb !== 'delete')
    return `"${verb}" is not a command this parser reads (add, create, insert, flush, delete, table)`;
  if (!FAMILIES.some((f) => f === family) || table === undefined)
    return `${verb} ${object ?? ''}: the family must be ip or ip6, then the table's name`;
  const fam = family as NftFamily;
  // A table has no name after its own: what follows is its `{ comment ... }`.
  const isTable = object === 'table';
  return runCommand(b, {
    verb,
    object: object ?? '',
    family: fam,
    table,
    name: isTable ? '' : (name ?? ''),
    tokens: t.slice(isTable ? 4 : 5),
    line: line.text,
  });
}

interface Command {
  readonly verb: 'add' | 'create' | 'insert' | 'flush' | 'delete';
  readonly object: string;
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
  /** What follows the name. */
  readonly tokens: readonly NftToken[];
  readonly line: string;
}

function braced(tokens: readonly NftToken[]): readonly (readonly NftToken[])[] | string | null {
  if (tokens.length === 0) return null;
  if (tokens[0]!.text !== '{' || tokens.at(-1)!.text !== '}') return `expected "{ ... }", not "${tokens.map((t) => t.text).join(' ')}"`;
  return splitStatements(tokens.slice(1, -1));
}

function runCommand(b: NftRulesetBuilder, c: Command): string | null {
  const { verb, object, family, table, name, tokens } = c;
  const create = verb === 'create';
  if (verb === 'flush' || verb === 'delete') {
    if (object === 'element' && verb === 'delete') {
      const elements = parseElements(tokens);
      if (typeof elements === 'string') return elements;
      for (const e of elements) {
        const problem = b.deleteElement(family, table, name, e.key);
        if (problem !== null) return problem;
      }
      return null;
    }
    if (object !== 'table' && object !== 'chain' && object !== 'set' && object !== 'map') return `${verb} ${object} is not modelled`;
    if (object !== 'table' && name === '') return `${verb} ${object} needs a name`;
    return b[verb](object, family, table, name);
  }
  if (object === 'table') {
    const spec = braced(tokens);
    if (typeof spec === 'string') return spec;
    const comment = spec?.find((s) => s[0]?.text === 'comment')?.[1]?.text;
    return b.addTable(family, table, comment, create);
  }
  if (name === '') return `${verb} ${object} needs a name`;
  if (object === 'chain') {
    const spec = braced(tokens);
    if (typeof spec === 'string') return spec;
    const chain = parseChainSpec(spec ?? []);
    return typeof chain === 'string' ? chain : b.addChain(family, table, name, chain, create);
  }
  if (object === 'set' || object === 'map') {
    const spec = braced(tokens);
    if (typeof spec === 'string') return spec;
    if (spec === null) return `${verb} ${object} ${name} needs "{ type ... ; }"`;
    return declareSet(b, family, table, object, name, spec);
  }
  if (object === 'element') return addElements(b, family, table, name, tokens);
  if (object === 'rule') return addRule(b, family, table, name, tokens, c.line, verb === 'insert');
  return `${verb} ${object} is not modelled (table, chain, set, map, element, rule)`;
}

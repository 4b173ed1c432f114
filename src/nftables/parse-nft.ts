import type { NftFamily } from '../kube-proxy/nftables/table';
import { err, ok, type Result } from '../net/result';
import { addRule, declareSet } from './declare-objects';
import { FAMILIES, runNftCommand } from './nft-command';
import { parseChainSpec } from './parse-specs';
import type { NftRuleset } from './ruleset';
import { NftRulesetBuilder } from './ruleset-builder';
import { tokenizeNft, type NftToken } from './tokenize';
import { splitStatements, untilClosed, type LogicalLine } from './logical-lines';

/** Where the parser is: at the top, or inside a `table`, `set`/`map` or `chain` block of nft list's form. */
type Block =
  | { readonly kind: 'table'; readonly family: NftFamily; readonly table: string }
  | {
      readonly kind: 'set' | 'map';
      readonly family: NftFamily;
      readonly table: string;
      readonly name: string;
      readonly lines: NftToken[][];
    }
  | {
      readonly kind: 'chain';
      readonly family: NftFamily;
      readonly table: string;
      readonly name: string;
      readonly head: NftToken[][];
      readonly rules: LogicalLine[];
    };

/**
 * Reads nft input into the state the kernel would hold: an `nft -f` transaction
 * (`add table|chain|set|map|element|rule`, `create`, `insert rule`, `flush`, `delete`) as
 * kube-proxy writes it, and the block form `nft list table` prints (`table ip kube-proxy {
 * set ... { ... } chain ... { ... } }`), alone or mixed. Every rule is parsed, so a rule the
 * evaluator could not run is an error here. Errors name the line: "line 12: no chain foo".
 *
 * @example parseNft('add table ip t\nadd chain ip t c\nadd rule ip t c drop').ok // true
 */
export function parseNft(text: string): Result<NftRuleset> {
  const b = new NftRulesetBuilder();
  const stack: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const tokens = tokenizeNft(lines[i]!);
    if (!tokens.ok) return err(`line ${i + 1}: ${tokens.error}`);
    if (tokens.value.length === 0) continue;
    // A line that opens more braces than it closes (a multi-line `elements = {`) goes on.
    const logical = untilClosed(lines, i, tokens.value);
    if (!logical.ok) return err(logical.error);
    i = logical.value.lastLine;
    const problem = parseLine(b, stack, logical.value);
    if (problem !== null)
      return err(typeof problem === 'string' ? `line ${logical.value.line}: ${problem}` : `line ${problem.line}: ${problem.message}`);
  }
  const open = stack.at(-1);
  if (open !== undefined) return err(`line ${lines.length}: the ${open.kind} block is not closed with "}"`);
  return ok(b.build());
}

/** A problem on the current line (a string), or on an earlier one (a block's rule, met at its `}`). */
type Problem = string | { readonly line: number; readonly message: string } | null;

function parseLine(b: NftRulesetBuilder, stack: Block[], line: LogicalLine): Problem {
  const top = stack.at(-1);
  const w = line.tokens.map((t) => t.text);
  if (top === undefined) return parseCommand(b, stack, line);
  if (w.length === 1 && w[0] === '}') return closeBlock(b, stack);
  switch (top.kind) {
    case 'table':
      return parseTableLine(b, stack, top, line);
    case 'set':
    case 'map':
      top.lines.push(...splitStatements(line.tokens));
      return null;
    case 'chain':
      // The declaration (type, policy, comment) comes before the rules.
      if (top.rules.length === 0 && (w[0] === 'type' || w[0] === 'policy' || (w[0] === 'comment' && w.length === 2))) {
        top.head.push(...splitStatements(line.tokens));
      } else top.rules.push(line);
      return null;
  }
}

function parseTableLine(b: NftRulesetBuilder, stack: Block[], top: Extract<Block, { kind: 'table' }>, line: LogicalLine): string | null {
  const [kind, name, brace, ...rest] = line.tokens.map((t) => t.text);
  if (kind === 'comment' && line.tokens[1]?.quoted === true) return b.addTable(top.family, top.table, name);
  if ((kind === 'set' || kind === 'map' || kind === 'chain') && name !== undefined && brace === '{' && rest.length === 0) {
    const at = { family: top.family, table: top.table, name };
    stack.push(kind === 'chain' ? { kind, ...at, head: [], rules: [] } : { kind, ...at, lines: [] });
    return null;
  }
  return `cannot read "${line.tokens.map((t) => t.text).join(' ')}" in a table block`;
}

/** The `}` of a block: a set, map or chain is declared (and filled) now. */
function closeBlock(b: NftRulesetBuilder, stack: Block[]): Problem {
  const top = stack.pop()!;
  if (top.kind === 'table') return null;
  if (top.kind === 'chain') {
    const spec = parseChainSpec(top.head);
    if (typeof spec === 'string') return spec;
    const problem = b.addChain(top.family, top.table, top.name, spec);
    if (problem !== null) return problem;
    for (const rule of top.rules) {
      const added = addRule(b, top.family, top.table, top.name, rule.tokens, rule.text, false);
      if (added !== null) return { line: rule.line, message: added };
    }
    return null;
  }
  return declareSet(b, top.family, top.table, top.kind, top.name, top.lines);
}

function parseCommand(b: NftRulesetBuilder, stack: Block[], line: LogicalLine): string | null {
  const t = line.tokens;
  const w = t.map((x) => x.text);
  if (w[0] === 'flush' && w[1] === 'ruleset' && w.length === 2) {
    b.clear();
    return null;
  }
  if (w[0] === 'table') {
    const [family, name] = [w[1], w[2]];
    if (!FAMILIES.some((f) => f === family) || name === undefined || w[3] !== '{' || w.length !== 4)
      return `"${w.join(' ')}": a table block is "table ip|ip6 NAME {"`;
    stack.push({ kind: 'table', family: family as NftFamily, table: name });
    return b.addTable(family as NftFamily, name, undefined);
  }
  return runNftCommand(b, line);
}

import { statementProblem, type CompiledChain, type CompiledRule, type CompiledTable } from '../nftables/compile';
import { ruleBody } from '../nftables/declare-objects';
import { fieldType } from '../nftables/field-value';
import { parseConcatenation } from '../nftables/parse-field';
import { parseElements, parsePriority, parseSetSpec } from '../nftables/parse-specs';
import type { NftRulesetBaseChain, NftRulesetSet } from '../nftables/ruleset';
import type { NftStatement } from '../nftables/rule-types';
import { indexSet, type NftSetIndex } from '../nftables/set-index';
import { TokenCursor } from '../nftables/token-cursor';
import type { NftToken } from '../nftables/tokenize';
import type { DumpNote, DumpNoteCode, DumpNoteParams } from './node-trace-types';
import { readNftRuleLine } from './nft-rule-line';

/** A table of a pasted `nft list ruleset`, ready for the evaluator, with each rule's line. */
export interface NftDumpTable {
  /** ip, ip6, inet, arp, bridge or netdev. */
  readonly family: string;
  readonly name: string;
  /** The line of `table FAMILY NAME {`. */
  readonly startLine: number;
  /** What the evaluator runs (an inet table is compiled as ip: its rules read IPv4 packets as such). */
  readonly compiled: CompiledTable;
  /** Each chain's rules' lines, in chain order. */
  readonly lines: ReadonlyMap<string, readonly number[]>;
}

/** A block of a table while it is read: its lines' statements, kept until its `}`. */
export interface NftDraftBlock {
  readonly kind: 'chain' | 'set' | 'map';
  readonly name: string;
  readonly line: number;
  /** A chain's `type ... hook ...;` and `policy` statements; a set's declaration and elements. */
  readonly head: NftToken[][];
  readonly rules: { readonly line: number; readonly tokens: readonly NftToken[]; readonly text: string; readonly comment: string }[];
}

export interface NftDraftTable {
  readonly family: string;
  readonly name: string;
  readonly startLine: number;
  readonly blocks: NftDraftBlock[];
}

type Note = <C extends DumpNoteCode>(line: number, kind: DumpNote['kind'], code: C, params: DumpNoteParams[C], name?: string) => void;

const HOOKS = ['prerouting', 'input', 'forward', 'output', 'postrouting'] as const;

/**
 * A table read: its sets indexed, its chains' heads and rules parsed. What cannot be read
 * is noted by line and left out (a set the rules then miss, a rule); what is not modelled
 * is kept as such (see readNftRuleLine).
 */
export function buildNftTable(d: NftDraftTable, assume: ReadonlySet<number>, note: Note): NftDumpTable {
  const sets = new Map<string, NftSetIndex>();
  const plainSets: NftRulesetSet[] = [];
  const family = d.family === 'ip6' ? 'ip6' : 'ip';
  for (const b of d.blocks) {
    if (b.kind === 'chain') continue;
    const set = readSet(b);
    if (typeof set === 'string') {
      note(b.line, 'error', 'nft-set-unreadable', { set: `${b.kind} ${b.name}`, reason: set });
      continue;
    }
    const index = indexSet(set, `${d.family} ${d.name} ${b.name}`);
    // A map to addresses or marks (not verdicts) still holds its keys for `@map` lookups.
    const indexed = typeof index === 'string' ? indexSet({ ...set, elements: set.elements.map(({ key }) => ({ key })) }, '') : index;
    if (typeof indexed === 'string') note(b.line, 'error', 'nft-set-unreadable', { set: `${b.kind} ${b.name}`, reason: indexed });
    else sets.set(b.name, { ...indexed, id: `${d.family} ${d.name} ${b.name}` });
    plainSets.push(set);
  }
  const chains = new Map<string, CompiledChain>();
  const rulesOf = new Map<string, CompiledRule[]>();
  for (const b of d.blocks) {
    if (b.kind !== 'chain') continue;
    const base = chainBase(b, note);
    const rules: CompiledRule[] = [];
    rulesOf.set(b.name, rules);
    chains.set(b.name, { name: b.name, ...(base === null ? {} : { base }), rules });
  }
  const compiled: CompiledTable = {
    table: { family, name: d.name, chains: [...chains.values()], sets: plainSets },
    chains,
    sets,
  };
  const lines = new Map<string, number[]>();
  for (const b of d.blocks) if (b.kind === 'chain') lines.set(b.name, readRules(b, compiled, rulesOf.get(b.name)!, assume, note));
  return { family: d.family, name: d.name, startLine: d.startLine, compiled, lines };
}

/** Each rule of a chain read and checked against the table; the lines of those kept. */
function readRules(b: NftDraftBlock, t: CompiledTable, rules: CompiledRule[], assume: ReadonlySet<number>, note: Note): number[] {
  const lines: number[] = [];
  for (const r of b.rules) {
    const split = ruleBody(r.tokens, r.text);
    if (split === null) continue;
    const read = readNftRuleLine(split.body, split.text, assume.has(r.line));
    if (typeof read === 'string') {
      note(r.line, 'error', 'nft-error', { reason: read });
      continue;
    }
    const problem = referenceProblem(t, read.rule.statements);
    if (problem !== null) {
      note(r.line, 'error', 'nft-rule-left-out', { reason: problem });
      continue;
    }
    let { statements, unmodelled } = { statements: read.rule.statements, unmodelled: read.unmodelled };
    // What nft lists as a comment inside a rule is what it could not print as one (`# xt_conntrack`).
    if (r.comment !== '') {
      const name = `# ${r.comment}`;
      statements = [{ kind: 'unmodelled', name, text: name, role: 'match', assumed: assume.has(r.line) }, ...statements];
      unmodelled = [{ name, role: 'match' }, ...unmodelled];
    }
    for (const u of unmodelled) {
      if (u.role === 'effect') note(r.line, 'not-modelled', 'effect-not-modelled', { name: u.name }, u.name);
      else
        note(
          r.line,
          'not-modelled',
          'match-not-modelled',
          { name: u.name, counted: assume.has(r.line) ? 'matching' : 'not matching' },
          u.name,
        );
    }
    const rule = { text: read.rule.text, statements };
    rules.push(split.comment === undefined ? rule : { ...rule, comment: split.comment });
    lines.push(r.line);
  }
  return lines;
}

/** The first statement nft would refuse in this table (a jump to no chain, a missing set), or null. */
function referenceProblem(t: CompiledTable, statements: readonly NftStatement[]): string | null {
  for (const s of statements) {
    const problem = statementProblem(t, s);
    if (problem !== null) return problem;
  }
  return null;
}

/** `type filter hook input priority filter; policy drop;`: a base chain the trace runs, or null (a regular chain, or a hook it does not follow). */
function chainBase(b: NftDraftBlock, note: Note): NftRulesetBaseChain | null {
  let base: { type: string; hook: string; priority: number | string } | null = null;
  let policy: 'accept' | 'drop' = 'accept';
  for (const s of b.head) {
    const w = s.filter((t) => !t.quoted).map((t) => t.text);
    if (w[0] === 'policy' && (w[1] === 'accept' || w[1] === 'drop')) policy = w[1];
    else if (w[0] === 'type' && w[2] === 'hook') {
      const at = w.indexOf('priority');
      base = { type: w[1]!, hook: w[3]!, priority: at < 0 ? 'no priority' : parsePriority(w.slice(at + 1)) };
    }
  }
  if (base === null) return null;
  const hook = HOOKS.find((h) => h === base.hook);
  if (typeof base.priority === 'string') note(b.line, 'error', 'nft-chain-priority', { chain: b.name, reason: base.priority });
  else if (hook === undefined) note(b.line, 'info', 'nft-chain-hook', { chain: b.name, hook: base.hook });
  else if (base.type !== 'filter' && base.type !== 'nat' && base.type !== 'route')
    note(b.line, 'error', 'nft-chain-type', { chain: b.name, type: base.type });
  // A route chain filters as a filter chain does (a changed mark only routes the packet again).
  else return { type: base.type === 'nat' ? 'nat' : 'filter', hook, priority: base.priority, policy };
  return null;
}

/** A set's or map's block read: `typeof` keys typed by their fields, counters and `auto-merge` left out. */
function readSet(b: NftDraftBlock): NftRulesetSet | string {
  const statements = b.head
    .filter((s) => s[0]?.text !== 'auto-merge' && s[0]?.text !== 'counter')
    .map((s) => (s[0]?.text === 'typeof' ? typeofAsType(s) : s[0]?.text === 'elements' ? withoutCounters(s) : s));
  const parsed = parseSetSpec(statements, b.kind === 'map' ? 'map' : 'set');
  if (typeof parsed === 'string') return parsed;
  const elements = parsed.elements === null ? [] : parseElements(parsed.elements);
  if (typeof elements === 'string') return elements;
  return { kind: b.kind === 'map' ? 'map' : 'set', name: b.name, ...parsed.spec, elements };
}

/** `typeof ip daddr . tcp dport` as `type ipv4_addr . inet_service` (an expression not modelled is its own type). */
function typeofAsType(s: readonly NftToken[]): NftToken[] {
  const colon = s.findIndex((t) => t.text === ':');
  const keyTokens = s.slice(1, colon < 0 ? undefined : colon);
  const fields = parseConcatenation(new TokenCursor(keyTokens));
  const word = (text: string): NftToken => ({ text, quoted: false, start: 0, end: 0 });
  const types =
    fields === null || typeof fields === 'string'
      ? [keyTokens.map((t) => t.text).join(' ')]
      : fields.flatMap((f, i) => (i === 0 ? [fieldType(f)] : ['.', fieldType(f)]));
  return [word('type'), ...types.map(word), ...(colon < 0 ? [] : s.slice(colon))];
}

/** An element's `counter packets N bytes M` (a set with `counter`) is not part of its key. */
function withoutCounters(s: readonly NftToken[]): NftToken[] {
  const out: NftToken[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i]!.text === 'counter' && s[i + 1]?.text === 'packets') i += 4;
    else out.push(s[i]!);
  }
  return out;
}

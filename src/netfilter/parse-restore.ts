import { err, ok, type Result } from '../net/result';
import type { TableName } from './evaluated-rule';
import { findJumpLoop } from './find-jump-loop';
import { parseRule } from './parse-rule';
import {
  BUILTIN_CHAINS,
  isBuiltinChain,
  TABLE_NAMES,
  type Chain,
  type ChainDeclaration,
  type ChainPolicy,
  type Rule,
  type Ruleset,
  type Table,
} from './ruleset';

interface DraftChain {
  readonly name: string;
  policy: ChainPolicy | null;
  readonly rules: Rule[];
  deleted: boolean;
  /** Its index in the finished table's chains (undefined until then, and for a deleted chain). */
  index: number | undefined;
  /** The user chain declared after it. */
  declaredNext: DraftChain | undefined;
}

interface DraftTable {
  readonly name: TableName;
  readonly chains: Map<string, DraftChain>;
  readonly declarations: ChainDeclaration[];
  readonly ruleOrder: Rule[];
  readonly deleted: string[];
  lastDeclared: DraftChain | undefined;
}

const DECLARATION = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/;

/**
 * Reads iptables-restore input or iptables-save output (iptables-restore(8)):
 * `*table`, `:CHAIN POLICY [packets:bytes]`, `-A CHAIN ...`, `-X CHAIN`, `COMMIT`,
 * `#` comments and blank lines. Every table section must end with COMMIT. Errors
 * name the line ("line 12: unknown option \"--foo\"") and nothing is half-applied.
 * Chain lookups of the result are O(1) (see `findChain`).
 *
 * @example parseIptablesRestore('*nat\n:KUBE-SERVICES - [0:0]\n-A PREROUTING -j KUBE-SERVICES\nCOMMIT\n')
 */
export function parseIptablesRestore(text: string): Result<Ruleset> {
  const tables: Table[] = [];
  let current: DraftTable | null = null;
  let currentLine = 0;
  let lastChain: DraftChain | undefined;
  // Line by line without text.split: an array of 430,000 lines would keep every line alive
  // (and copied by the garbage collector) until the end; here a line dies once read.
  for (let start = 0, lineNo = 1; start <= text.length; lineNo++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      if (current !== null) return failAt(lineNo, `table "${current.name}" (line ${currentLine}) has no COMMIT before "${line}"`);
      const name = TABLE_NAMES.find((t) => t === line.slice(1));
      if (name === undefined) return failAt(lineNo, `unknown table "${line.slice(1)}" (expected ${TABLE_NAMES.join(', ')})`);
      if (tables.some((t) => t.name === name)) return failAt(lineNo, `table "${name}" appears twice`);
      current = newTable(name);
      lastChain = undefined;
      currentLine = lineNo;
      continue;
    }
    if (current === null) return failAt(lineNo, `"${line}" is outside a table (start one with *filter or *nat)`);
    if (line === 'COMMIT') {
      const table = finishTable(current);
      const chains = current.chains;
      const loop = findJumpLoop(table, (name) => chains.get(name)?.index);
      if (loop !== null) return failAt(lineNo, `table "${table.name}": chains jump in a loop (${loop.join(' -> ')})`);
      tables.push(table);
      current = null;
      continue;
    }
    if (line.startsWith(':')) {
      const declared = readDeclaration(line);
      if (declared === null) return failAt(lineNo, `"${line}" is not a chain declaration such as ":KUBE-SERVICES - [0:0]"`);
      const { name, policy, counters } = declared;
      if (policy !== '-' && policy !== 'ACCEPT' && policy !== 'DROP') return failAt(lineNo, `chain "${name}": unknown policy "${policy}"`);
      const builtin = isBuiltinChain(current.name, name);
      if (!builtin && policy !== '-') return failAt(lineNo, `chain "${name}" is a user chain and cannot have a policy (use "-")`);
      if (builtin) {
        const existing = current.chains.get(name) as DraftChain;
        if (policy !== '-') existing.policy = policy;
      } else if (!declareUserChain(current, name)) {
        return failAt(lineNo, `chain "${name}" is declared twice`);
      }
      current.declarations.push({ name, policy, counters });
      continue;
    }
    if (line.startsWith('-X ') || line.startsWith('--delete-chain ')) {
      const name = line.slice(line.indexOf(' ') + 1).trim();
      const chain = current.chains.get(name);
      if (chain === undefined || chain.deleted) return failAt(lineNo, `cannot delete chain "${name}": it does not exist`);
      if (chain.policy !== null) return failAt(lineNo, `cannot delete built-in chain "${name}"`);
      if (chain.rules.length > 0) return failAt(lineNo, `cannot delete chain "${name}" after adding rules to it`);
      chain.deleted = true;
      current.deleted.push(name);
      continue;
    }
    if (line.startsWith('-A ') || line.startsWith('--append ')) {
      const rule = parseRule(line);
      if (!rule.ok) return failAt(lineNo, rule.error);
      const chain = chainOfRule(current, lastChain, rule.value.chain);
      lastChain = chain;
      if (chain === undefined)
        return failAt(lineNo, `chain "${rule.value.chain}" does not exist (declare it with ":${rule.value.chain} - [0:0]")`);
      if (chain.deleted) return failAt(lineNo, `cannot add rules to deleted chain "${chain.name}"`);
      chain.rules.push(rule.value);
      current.ruleOrder.push(rule.value);
      continue;
    }
    return failAt(lineNo, `unsupported line "${line.length > 60 ? `${line.slice(0, 60)}...` : line}"`);
  }
  if (current !== null) return err(`line ${currentLine}: table "${current.name}" has no COMMIT`);
  return ok({ tables });
}

/**
 * Adds a user chain; false when the name is taken. One Map operation, not a lookup and an
 * insertion: a name already there leaves the size unchanged (the parse then fails as a whole).
 */
function declareUserChain(table: DraftTable, name: string): boolean {
  const chain: DraftChain = { name, policy: null, rules: [], deleted: false, index: undefined, declaredNext: undefined };
  const size = table.chains.size;
  table.chains.set(name, chain);
  if (table.chains.size === size) return false;
  if (table.lastDeclared !== undefined) table.lastDeclared.declaredNext = chain;
  table.lastDeclared = chain;
  return true;
}

/**
 * The chain a rule appends to. kube-proxy writes a chain's rules together, chain after chain
 * in the order it declared them, so the previous rule's chain and the chain declared after it
 * are tried before a lookup by name (a Map lookup of a fresh string, 100,000s of them, costs more).
 */
function chainOfRule(table: DraftTable, last: DraftChain | undefined, name: string): DraftChain | undefined {
  if (last !== undefined) {
    if (last.name === name) return last;
    if (last.declaredNext !== undefined && last.declaredNext.name === name) return last.declaredNext;
  }
  return table.chains.get(name);
}

const USER_CHAIN = ' - [0:0]';

/** `:NAME POLICY [packets:bytes]` read into its parts; kube-proxy's `:NAME - [0:0]` (100,000 of them) without a regex. */
function readDeclaration(line: string): { name: string; policy: string; counters: string } | null {
  if (line.endsWith(USER_CHAIN) && line.length > USER_CHAIN.length + 1) {
    const name = line.slice(1, -USER_CHAIN.length);
    if (isPrintableWord(name)) return { name, policy: '-', counters: '[0:0]' };
  }
  const m = DECLARATION.exec(line);
  if (m === null) return null;
  const [, name = '', policy = '', packets = '0', bytes = '0'] = m;
  return { name, policy, counters: `[${packets}:${bytes}]` };
}

/** Printable ASCII without a blank (every chain name kube-proxy writes); anything else takes the regex. */
function isPrintableWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

function failAt(lineNo: number, message: string): Result<Ruleset> {
  return err(`line ${lineNo}: ${message}`);
}

function newTable(name: TableName): DraftTable {
  const chains = new Map<string, DraftChain>();
  for (const hook of BUILTIN_CHAINS[name])
    chains.set(hook, { name: hook, policy: 'ACCEPT', rules: [], deleted: false, index: undefined, declaredNext: undefined });
  return { name, chains, declarations: [], ruleOrder: [], deleted: [], lastDeclared: undefined };
}

function finishTable(draft: DraftTable): Table {
  const chains: Chain[] = [];
  const chainIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  // Map iteration is insertion order: built-ins first (newTable), then user chains as declared.
  for (const c of draft.chains.values()) {
    if (c.deleted) continue;
    c.index = chains.length;
    chainIndex[c.name] = chains.length;
    chains.push({ name: c.name, policy: c.policy, rules: c.rules });
  }
  return { name: draft.name, chains, chainIndex, declarations: draft.declarations, ruleOrder: draft.ruleOrder, deleted: draft.deleted };
}

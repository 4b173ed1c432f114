import type { IpFamily } from '../kube-proxy/ip-address';
import { err, ok, type Result } from '../net/result';
import type { TableName } from './evaluated-rule';
import { findJumpLoop, type JumpTarget } from './find-jump-loop';
import { readRule } from './parse-rule';
import { newRuleContext, type KnownChain, type RuleContext } from './rule-context';
import type { RuleWords } from './rule-words';
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

interface DraftChain extends KnownChain {
  readonly name: string;
  policy: ChainPolicy | null;
  /** How many rules it has (the rules themselves are in the table's ruleOrder until COMMIT). */
  ruleCount: number;
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
  /** The chain of each rule of ruleOrder. */
  readonly ruleChains: DraftChain[];
  /** The chain each rule of ruleOrder jumps or goes to, when found as the rule was read. */
  readonly ruleTargets: (DraftChain | undefined)[];
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
 * `family` IPv6 reads ip6tables text (IPv6 addresses, `[IP]:PORT` DNAT targets).
 *
 * @example parseIptablesRestore('*nat\n:KUBE-SERVICES - [0:0]\n-A PREROUTING -j KUBE-SERVICES\nCOMMIT\n')
 */
export function parseIptablesRestore(text: string, options: { readonly family?: IpFamily } = {}): Result<Ruleset> {
  const tables: Table[] = [];
  let current: DraftTable | null = null;
  let currentLine = 0;
  const finder: ChainFinder = { table: undefined, lastRule: undefined, lastTarget: undefined, lastLookedUp: undefined };
  const cx = newRuleContext((words, i, role) => findDraftChain(finder, words, i, role), options.family);
  // Tabs, CRs and single quotes are rare: without any in the text, a line's words are found faster.
  cx.words.plain = text.indexOf('\t') < 0 && text.indexOf('\r') < 0 && text.indexOf("'") < 0;
  // Line by line without text.split: an array of 430,000 lines would keep every line alive
  // (and copied by the garbage collector) until the end; here a line dies once read.
  for (let start = 0, lineNo = 1; start <= text.length; lineNo++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    const first = line.charCodeAt(0);
    // Rules first: 3 lines in 4 of a big ruleset, and no other kind of line starts with "-A ".
    if (first === 45 && current !== null && (line.startsWith('-A ') || line.startsWith('--append '))) {
      const refused = appendRule(current, finder, cx, line);
      if (refused !== null) return failAt(lineNo, refused);
      continue;
    }
    if (line === '' || first === 35) continue; // blank or "#"
    if (first === 42) {
      // "*table"
      if (current !== null) return failAt(lineNo, `table "${current.name}" (line ${currentLine}) has no COMMIT before "${line}"`);
      const name = TABLE_NAMES.find((t) => t === line.slice(1));
      if (name === undefined) return failAt(lineNo, `unknown table "${line.slice(1)}" (expected ${TABLE_NAMES.join(', ')})`);
      if (tables.some((t) => t.name === name)) return failAt(lineNo, `table "${name}" appears twice`);
      current = newTable(name);
      Object.assign(finder, { table: current, lastRule: undefined, lastTarget: undefined, lastLookedUp: undefined });
      currentLine = lineNo;
      continue;
    }
    if (current === null) return failAt(lineNo, `"${line}" is outside a table (start one with *filter or *nat)`);
    if (line === 'COMMIT') {
      const { table, loop } = finishTable(current);
      if (loop !== null) return failAt(lineNo, `table "${table.name}": chains jump in a loop (${loop.join(' -> ')})`);
      tables.push(table);
      current = null;
      continue;
    }
    const refused =
      first === 58
        ? declareChain(current, line)
        : line.startsWith('-X ') || line.startsWith('--delete-chain ')
          ? deleteChain(current, line)
          : undefined;
    if (refused === undefined) return failAt(lineNo, `unsupported line "${line.length > 60 ? `${line.slice(0, 60)}...` : line}"`);
    if (refused !== null) return failAt(lineNo, refused);
  }
  if (current !== null) return err(`line ${currentLine}: table "${current.name}" has no COMMIT`);
  return ok({ tables });
}

/** `-A CHAIN ...`: the rule read and appended to its chain; why not, or null. */
function appendRule(table: DraftTable, finder: ChainFinder, cx: RuleContext, line: string): string | null {
  const rule = readRule(line, cx);
  if (!rule.ok) return rule.error;
  const chain = finder.lastRule; // the rule's chain, found as readRule read its name
  if (chain === undefined) return `chain "${rule.value.chain}" does not exist (declare it with ":${rule.value.chain} - [0:0]")`;
  if (chain.deleted) return `cannot add rules to deleted chain "${chain.name}"`;
  chain.ruleCount++;
  table.ruleOrder.push(rule.value);
  table.ruleChains.push(chain);
  table.ruleTargets.push(cx.targetChain as DraftChain | undefined);
  return null;
}

/** `:CHAIN POLICY [packets:bytes]`: a user chain declared, or a built-in chain's policy set; why not, or null. */
function declareChain(table: DraftTable, line: string): string | null {
  const declared = readDeclaration(line);
  if (declared === null) return `"${line}" is not a chain declaration such as ":KUBE-SERVICES - [0:0]"`;
  const { name, policy } = declared;
  if (policy !== '-' && policy !== 'ACCEPT' && policy !== 'DROP') return `chain "${name}": unknown policy "${policy}"`;
  const builtin = isBuiltinChain(table.name, name);
  if (!builtin && policy !== '-') return `chain "${name}" is a user chain and cannot have a policy (use "-")`;
  if (builtin) {
    const existing = table.chains.get(name) as DraftChain;
    if (policy !== '-') existing.policy = policy;
  } else if (!declareUserChain(table, name)) {
    return `chain "${name}" is declared twice`;
  }
  // The declaration as read is kept as it is (its policy checked above).
  table.declarations.push(declared as ChainDeclaration);
  return null;
}

/** `-X CHAIN`: an empty user chain deleted; why not, or null. */
function deleteChain(table: DraftTable, line: string): string | null {
  const name = line.slice(line.indexOf(' ') + 1).trim();
  const chain = table.chains.get(name);
  if (chain === undefined || chain.deleted) return `cannot delete chain "${name}": it does not exist`;
  if (chain.policy !== null) return `cannot delete built-in chain "${name}"`;
  if (chain.ruleCount > 0) return `cannot delete chain "${name}" after adding rules to it`;
  chain.deleted = true;
  table.deleted.push(name);
  return null;
}

/**
 * Adds a user chain; false when the name is taken. One Map operation, not a lookup and an
 * insertion: a name already there leaves the size unchanged (the parse then fails as a whole).
 */
function declareUserChain(table: DraftTable, name: string): boolean {
  const chain: DraftChain = {
    name,
    policy: null,
    ruleCount: 0,
    deleted: false,
    index: undefined,
    declaredNext: undefined,
    jump: undefined,
  };
  const size = table.chains.size;
  table.chains.set(name, chain);
  if (table.chains.size === size) return false;
  if (table.lastDeclared !== undefined) table.lastDeclared.declaredNext = chain;
  table.lastDeclared = chain;
  return true;
}

/** Where the previous rule appended and jumped to: where kube-proxy's next rule most likely does. */
interface ChainFinder {
  table: DraftTable | undefined;
  lastRule: DraftChain | undefined;
  lastTarget: DraftChain | undefined;
  /** The last target found by name (KUBE-MARK-MASQ, between a Service's endpoint chains). */
  lastLookedUp: DraftChain | undefined;
}

/**
 * The chain that word `i` names (`-A NAME` for role 'rule', `-j NAME` for 'target').
 * kube-proxy writes a chain's rules together, chain after chain in the order it declared
 * them, and a Service chain jumps to its endpoint chains in that order too: the previous
 * rule's chain or target and the chain declared after it are compared in place before a
 * lookup by name (of a fresh string, 100,000s of them). Sets `lastRule` for a rule.
 */
function findDraftChain(finder: ChainFinder, words: RuleWords, i: number, role: 'rule' | 'target'): DraftChain | undefined {
  const table = finder.table;
  if (table === undefined) return undefined;
  const quoted = words.quotedText[i];
  let found: DraftChain | undefined;
  if (quoted !== undefined) found = table.chains.get(quoted);
  else {
    const { line } = words;
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    if (role === 'rule') {
      const near = finder.lastRule;
      found = nameAt(near, line, start, end) ?? nameAt(near?.declaredNext, line, start, end) ?? table.chains.get(line.slice(start, end));
    } else {
      const near = finder.lastTarget;
      found =
        nameAt(near, line, start, end) ??
        nameAt(near?.declaredNext, line, start, end) ??
        nameAt(finder.lastRule?.declaredNext, line, start, end) ??
        nameAt(finder.lastLookedUp, line, start, end);
      if (found === undefined) {
        found = table.chains.get(line.slice(start, end));
        finder.lastLookedUp = found;
      }
    }
  }
  if (role === 'rule') finder.lastRule = found;
  else if (found !== undefined) finder.lastTarget = found;
  return found;
}

/** The chain when it is the one named at `start` to `end` of the line. */
function nameAt(chain: DraftChain | undefined, line: string, start: number, end: number): DraftChain | undefined {
  return chain !== undefined && chain.name.length === end - start && line.startsWith(chain.name, start) ? chain : undefined;
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
    chains.set(hook, {
      name: hook,
      policy: 'ACCEPT',
      ruleCount: 0,
      deleted: false,
      index: undefined,
      declaredNext: undefined,
      jump: undefined,
    });
  return { name, chains, declarations: [], ruleOrder: [], ruleChains: [], ruleTargets: [], deleted: [], lastDeclared: undefined };
}

/** The table with each chain's rules in order, and the loop its jumps make (null when none). */
function finishTable(draft: DraftTable): { table: Table; loop: readonly string[] | null } {
  const chains: Chain[] = [];
  const rulesOf: Rule[][] = [];
  const chainIndex = new Map<string, number>();
  // Map iteration is insertion order: built-ins first (newTable), then user chains as declared.
  for (const c of draft.chains.values()) {
    if (c.deleted) continue;
    c.index = chains.length;
    chainIndex.set(c.name, chains.length);
    // Each chain's rules in an array of exactly its length, filled below: pushed to one by
    // one, 100,000 arrays of two rules would each reserve 17 slots (18 MB for a big ruleset).
    const rules = c.ruleCount === 0 ? NO_RULES : new Array<Rule>(c.ruleCount);
    rulesOf.push(rules);
    chains.push({ name: c.name, policy: c.policy, rules });
  }
  const table: Table = {
    name: draft.name,
    chains,
    chainIndex,
    declarations: draft.declarations,
    ruleOrder: draft.ruleOrder,
    deleted: draft.deleted,
  };
  const jumps = fillRules(draft, rulesOf);
  return { table, loop: findJumpLoop(table, (chain, rule) => jumps.targetOf(chain, rule)) };
}

/**
 * Puts each rule in its chain's array, in input order. Returns where each rule jumps or
 * goes: the chain found as the rule was read or else (a chain declared after the jump) by
 * name now, as chain indexes in one flat array (-1 for none), chain after chain.
 */
function fillRules(draft: DraftTable, rulesOf: Rule[][]): { targetOf: JumpTarget } {
  const { ruleOrder, ruleChains, ruleTargets, chains } = draft;
  const offsets = new Int32Array(rulesOf.length);
  for (let c = 1; c < rulesOf.length; c++) offsets[c] = offsets[c - 1]! + rulesOf[c - 1]!.length;
  const targets = new Int32Array(ruleOrder.length).fill(-1);
  for (const c of chains.values()) c.ruleCount = 0;
  for (let i = 0; i < ruleOrder.length; i++) {
    const c = ruleChains[i]!;
    const k = c.ruleCount++;
    const rule = ruleOrder[i]!;
    rulesOf[c.index!]![k] = rule;
    const t = rule.target;
    if (t.kind === 'jump' || t.kind === 'goto') targets[offsets[c.index!]! + k] = (ruleTargets[i] ?? chains.get(t.chain))?.index ?? -1;
  }
  return {
    targetOf: (chain, rule) => {
      const j = targets[offsets[chain]! + rule]!;
      return j < 0 ? undefined : j;
    },
  };
}

/** Shared by every chain without rules (read-only, like the rest of a Table). */
const NO_RULES: Rule[] = new Array<Rule>(0);

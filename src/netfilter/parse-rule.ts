import { err, ok, type Result } from '../net/result';
import type { Match } from './match-types';
import { finishMatch, MATCH_OPTIONS, type MatchDraft, type OptionSpec } from './parse-match';
import { finishTarget, TARGET_OPTIONS } from './parse-target';
import { parseAddressMatch, parseProtocol } from './parse-values';
import type { AddressMatch, InterfaceMatch, ProtocolMatch, Rule } from './ruleset';
import { tokenize, type Words } from './tokenize';

/** Options of the rule itself (not of a module); each takes one value. */
const BASIC_OPTIONS: ReadonlySet<string> = new Set(['-s', '-d', '-p', '-i', '-o', '-m', '-j', '-g']);
const NOT_NEGATABLE: ReadonlySet<string> = new Set(['-m', '-j', '-g']);
const PORT_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

/** Long spellings of the basic options; every one starts with "--". */
const LONG_NAMES: ReadonlyMap<string, string> = new Map([
  ['--source', '-s'],
  ['--src', '-s'],
  ['--destination', '-d'],
  ['--dst', '-d'],
  ['--protocol', '-p'],
  ['--in-interface', '-i'],
  ['--out-interface', '-o'],
  ['--match', '-m'],
  ['--jump', '-j'],
  ['--goto', '-g'],
]);

/** An option's spec with its name as the table spells it (an interned string, the key a draft's options use). */
interface NamedSpec extends OptionSpec {
  readonly name: string;
}

/**
 * MATCH_OPTIONS and TARGET_OPTIONS as Maps: a plain object looks a rule's fresh word up among
 * V8's interned strings first (measured: a few percent of parsing 320,000 rules); a Map only
 * hashes it, and has only own entries ("constructor" is not an option).
 */
const specsOf = (
  table: Readonly<Record<string, Readonly<Record<string, OptionSpec>>>>,
): ReadonlyMap<string, ReadonlyMap<string, NamedSpec>> =>
  new Map(
    Object.entries(table).map(([module, options]) => [
      module,
      new Map(Object.entries(options).map(([name, spec]) => [name, { ...spec, name }])),
    ]),
  );
const MATCH_SPECS = specsOf(MATCH_OPTIONS);
const TARGET_SPECS = specsOf(TARGET_OPTIONS);

/** A rule while its words are read: the rule's own matches, its modules in order, its target. */
interface RuleDraft {
  source: AddressMatch | null;
  destination: AddressMatch | null;
  inInterface: InterfaceMatch | null;
  outInterface: InterfaceMatch | null;
  protocol: ProtocolMatch | null;
  readonly modules: MatchDraft[];
  target: { readonly draft: MatchDraft; readonly isGoto: boolean } | null;
}

/**
 * Parses one `-A CHAIN ...` line of iptables-restore input or iptables-save output
 * into a Rule whose matches are ready to evaluate. Options after `-m MODULE` belong
 * to the most recent module that knows them, as in iptables' command parser; `-p tcp
 * --dport 80` without `-m tcp` loads the tcp match implicitly (iptables does the same).
 *
 * @example parseRule('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000') // ruleSaveText: "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000"
 */
export function parseRule(line: string): Result<Rule> {
  const trimmed = line.trim();
  const tokenized = tokenize(trimmed);
  if (!tokenized.ok) return tokenized;
  const { words } = tokenized.value;
  const head = words[0];
  const chain = words[1];
  if (head === undefined || (head !== '-A' && head !== '--append') || chain === undefined || chain.startsWith('-')) {
    return err('a rule must start with "-A CHAIN"');
  }
  const draft: RuleDraft = {
    source: null,
    destination: null,
    inInterface: null,
    outInterface: null,
    protocol: null,
    modules: [],
    target: null,
  };
  let i = 2;
  while (i < words.length) {
    const read = readOption(draft, tokenized.value, i);
    if (!read.ok) return read;
    i = read.value;
  }
  return finishRule(chain, draft, trimmed);
}

/** Reads the option at `start` (its `!`, its name, its values) into the draft; returns the index after it. */
function readOption(draft: RuleDraft, tokens: Words, start: number): Result<number> {
  const { words, quoted } = tokens;
  let i = start;
  let negated = false;
  if (words[i] === '!' && quoted?.[i] !== true) {
    negated = true;
    i++;
    if (i >= words.length) return err('"!" must be followed by an option');
  }
  const word = words[i] as string;
  // Only "--" words can be long names: "-m", "-j" and "-d" skip hashing a fresh string.
  const opt = word.startsWith('--') ? (LONG_NAMES.get(word) ?? word) : word;
  if (quoted?.[i] === true || !opt.startsWith('-')) return err(`unexpected word "${word}"`);
  if (BASIC_OPTIONS.has(opt)) return readBasicOption(draft, words, i, opt, negated);
  return readModuleOption(draft, tokens, i, opt, negated);
}

/** `-s`, `-d`, `-p`, `-i`, `-o`, `-m`, `-j`, `-g`: the rule's own options, one value each. */
function readBasicOption(draft: RuleDraft, words: readonly string[], i: number, opt: string, negated: boolean): Result<number> {
  const value = words[i + 1];
  if (value === undefined) return err(`option "${opt}" needs a value`);
  if (negated && NOT_NEGATABLE.has(opt)) return err(`option "${opt}" cannot be negated`);
  if (opt === '-s' || opt === '-d') {
    const addr = parseAddressMatch(value, negated, opt);
    if (!addr.ok) return addr;
    if (opt === '-s') draft.source = addr.value;
    else draft.destination = addr.value;
  } else if (opt === '-p') {
    const p = parseProtocol(value, negated);
    if (!p.ok) return p;
    draft.protocol = p.value;
  } else if (opt === '-i' || opt === '-o') {
    const wildcard = value.endsWith('+');
    const iface = { negated, name: wildcard ? value.slice(0, -1) : value, wildcard };
    if (opt === '-i') draft.inInterface = iface;
    else draft.outInterface = iface;
  } else if (opt === '-m') {
    if (!MATCH_SPECS.has(value)) return err(`unknown match module "-m ${value}"`);
    draft.modules.push({ module: value, options: {} });
  } else {
    if (draft.target !== null) return err('a rule can have only one -j or -g');
    draft.target = { draft: { module: value, options: {} }, isGoto: opt === '-g' };
  }
  return ok(i + 2);
}

/** A module's option (`--dport 80`): recorded on the module that owns it, with its arguments. */
function readModuleOption(draft: RuleDraft, tokens: Words, i: number, opt: string, negated: boolean): Result<number> {
  const found = optionOwner(draft, opt);
  if (found === undefined) return err(`unknown option "${opt}"`);
  const { owner, spec } = found;
  if (negated && !spec.negatable) return err(`option "${opt}" cannot be negated`);
  if (owner.options[spec.name] !== undefined) return err(`option "${opt}" given twice`);
  const read = readArgs(tokens, i + 1, spec, opt);
  if (!read.ok) return read;
  owner.options[spec.name] = { negated, args: read.value.args };
  return ok(read.value.next);
}

/**
 * Who owns a module option: the target first (options after -j are the target's), then
 * the most recent match that knows it, then an implicit tcp/udp/sctp match for -p,
 * which is added to the rule's modules.
 */
function optionOwner(draft: RuleDraft, opt: string): { owner: MatchDraft; spec: NamedSpec } | undefined {
  const target = draft.target;
  if (target !== null && !target.isGoto) {
    const spec = TARGET_SPECS.get(target.draft.module)?.get(opt);
    if (spec !== undefined) return { owner: target.draft, spec };
  }
  for (let d = draft.modules.length - 1; d >= 0; d--) {
    const module = draft.modules[d] as MatchDraft;
    const spec = MATCH_SPECS.get(module.module)?.get(opt);
    if (spec !== undefined) return { owner: module, spec };
  }
  const protocol = draft.protocol;
  if (protocol === null || !PORT_PROTOCOLS.has(protocol.name)) return undefined;
  const spec = MATCH_SPECS.get(protocol.name)?.get(opt);
  if (spec === undefined) return undefined;
  const owner: MatchDraft = { module: protocol.name, options: {} };
  draft.modules.push(owner);
  return { owner, spec };
}

/** Shared by every rule without `-m` (read-only, like the rest of a Rule). */
const NO_MATCHES: Match[] = [];

/** The Rule once every word is read: each module and the target checked and typed. */
function finishRule(chain: string, draft: RuleDraft, restoreText: string): Result<Rule> {
  // Exactly as long as needed (a pushed-to array reserves 17 slots): 300,000 rules keep theirs.
  const n = draft.modules.length;
  const matches: Match[] = n === 0 ? NO_MATCHES : new Array<Match>(n);
  for (let i = 0; i < n; i++) {
    const m = finishMatch(draft.modules[i]!);
    if (!m.ok) return m;
    matches[i] = m.value;
  }
  let target: Rule['target'] = { kind: 'none' };
  if (draft.target !== null) {
    const t = finishTarget(draft.target.draft, draft.target.isGoto);
    if (!t.ok) return t;
    target = t.value;
  }
  const { source, destination, inInterface, outInterface, protocol } = draft;
  // One object literal with every field in a fixed order, so all rules share a hidden
  // class and the evaluator's property reads stay monomorphic.
  return ok({ chain, source, destination, inInterface, outInterface, protocol, matches, target, restoreText });
}

/**
 * Reads an option's arguments. `--comment` is special: kube-proxy's test dumps write
 * multi-word comments unquoted ("--comment kubernetes service portals -j ..."), so an
 * unquoted comment runs on until the next word that starts an option.
 */
function readArgs({ words, quoted }: Words, start: number, spec: OptionSpec, opt: string): Result<{ args: string[]; next: number }> {
  const end = start + spec.args;
  if (end > words.length) return err(`option "${opt}" needs a value`);
  const args = words.slice(start, end);
  if (opt !== '--comment' || quoted?.[start] === true) return ok({ args, next: end });
  let i = end;
  while (i < words.length && quoted?.[i] !== true) {
    const w = words[i] as string;
    if (w.startsWith('-') || w === '!') break;
    i++;
  }
  return ok({ args: i === end ? args : [words.slice(start, i).join(' ')], next: i });
}

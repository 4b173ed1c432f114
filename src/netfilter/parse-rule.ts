import { err, ok, type Result } from '../net/result';
import { findKnown, knownWords } from './known-words';
import type { Match } from './match-types';
import { finishMatch, MATCH_OPTIONS, oneMatch, type MatchDraft, type OptionSpec } from './parse-match';
import { finishTarget, TARGET_NAMES, TARGET_OPTIONS } from './parse-target';
import { parseAddressMatch, parseProtocol, PROTOCOL_WORDS } from './parse-values';
import { newRuleContext, type RuleContext } from './rule-context';
import { resetRuleDraft, type RuleDraft } from './rule-draft';
import { isQuoted, tokenize, wordCharCode, wordIs, wordText } from './rule-words';
import type { AddressMatch, Rule } from './ruleset';
import type { Target } from './target-types';

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

/** The words read in place: every option name, module name, built-in target and protocol. */
const OPTION_WORDS = knownWords([
  ...BASIC_OPTIONS,
  ...LONG_NAMES.keys(),
  ...[...MATCH_SPECS.values(), ...TARGET_SPECS.values()].flatMap((specs) => [...specs.keys()]),
]);
const MODULE_WORDS = knownWords(MATCH_SPECS.keys());
const TARGET_WORDS = knownWords(TARGET_NAMES);
const PROTOCOLS = knownWords(PROTOCOL_WORDS);

/** A target without options (a chain, ACCEPT, ...): nothing is ever recorded in it. */
const NO_OPTIONS: MatchDraft['options'] = Object.freeze({});

/**
 * Parses one `-A CHAIN ...` line of iptables-restore input or iptables-save output
 * into a Rule whose matches are ready to evaluate. Options after `-m MODULE` belong
 * to the most recent module that knows them, as in iptables' command parser; `-p tcp
 * --dport 80` without `-m tcp` loads the tcp match implicitly (iptables does the same).
 *
 * @example parseRule('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000') // ruleSaveText: "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000"
 */
export function parseRule(line: string): Result<Rule> {
  return readRule(line.trim(), newRuleContext());
}

/** parseRule for a trimmed line, sharing strings and matches with the other rules of `cx`. */
export function readRule(line: string, cx: RuleContext): Result<Rule> {
  const words = cx.words;
  const unreadable = tokenize(line, words);
  if (unreadable !== null) return err(unreadable);
  if (words.count < 2 || !(wordIs(words, 0, '-A') || wordIs(words, 0, '--append')) || wordCharCode(words, 1, 0) === 45) {
    return err('a rule must start with "-A CHAIN"');
  }
  const chain = cx.findChain(words, 1, 'rule')?.name ?? wordText(words, 1);
  const draft = resetRuleDraft(cx.draft);
  for (let i = 2; i < words.count;) {
    i = readOption(draft, cx, i);
    if (i < 0) return err(draft.error);
  }
  return finishRule(chain, draft, line, cx);
}

/** Records why the rule is refused; -1 stops the reading. */
function fail(draft: RuleDraft, error: string): number {
  draft.error = error;
  return -1;
}

/** Reads the option at `start` (its `!`, its name, its values) into the draft; returns the index after it, or -1. */
function readOption(draft: RuleDraft, cx: RuleContext, start: number): number {
  const words = cx.words;
  let i = start;
  let negated = false;
  if (!isQuoted(words, i) && wordIs(words, i, '!')) {
    negated = true;
    i++;
    if (i >= words.count) return fail(draft, '"!" must be followed by an option');
  }
  if (isQuoted(words, i) || wordCharCode(words, i, 0) !== 45) return fail(draft, `unexpected word "${wordText(words, i)}"`);
  const known = findKnown(OPTION_WORDS, words, i);
  const opt = known === undefined ? wordText(words, i) : (LONG_NAMES.get(known) ?? known);
  if (BASIC_OPTIONS.has(opt)) return readBasicOption(draft, cx, i, opt, negated);
  return readModuleOption(draft, cx, i, opt, negated);
}

/** `-s`, `-d`, `-p`, `-i`, `-o`, `-m`, `-j`, `-g`: the rule's own options, one value each. */
function readBasicOption(draft: RuleDraft, cx: RuleContext, i: number, opt: string, negated: boolean): number {
  const words = cx.words;
  const v = i + 1;
  if (v >= words.count) return fail(draft, `option "${opt}" needs a value`);
  if (negated && NOT_NEGATABLE.has(opt)) return fail(draft, `option "${opt}" cannot be negated`);
  if (opt === '-s' || opt === '-d') {
    const addr = readAddress(cx, v, negated, opt);
    if (!addr.ok) return fail(draft, addr.error);
    if (opt === '-s') draft.source = addr.value;
    else draft.destination = addr.value;
  } else if (opt === '-p') {
    const p = parseProtocol(findKnown(PROTOCOLS, words, v) ?? wordText(words, v), negated);
    if (!p.ok) return fail(draft, p.error);
    draft.protocol = p.value;
  } else if (opt === '-i' || opt === '-o') {
    const value = wordText(words, v);
    const wildcard = value.endsWith('+');
    const iface = { negated, name: wildcard ? value.slice(0, -1) : value, wildcard };
    if (opt === '-i') draft.inInterface = iface;
    else draft.outInterface = iface;
  } else if (opt === '-m') {
    const module = findKnown(MODULE_WORDS, words, v);
    if (module === undefined) return fail(draft, `unknown match module "-m ${wordText(words, v)}"`);
    draft.modules.push({ module, options: {} });
  } else {
    if (draft.target !== null) return fail(draft, 'a rule can have only one -j or -g');
    const builtin = findKnown(TARGET_WORDS, words, v);
    const chain = builtin === undefined ? cx.findChain(words, v, 'target') : undefined;
    const name = builtin ?? chain?.name ?? wordText(words, v);
    draft.target = { module: name, options: TARGET_SPECS.has(name) ? {} : NO_OPTIONS };
    draft.isGoto = opt === '-g';
    draft.targetChain = chain;
  }
  return i + 2;
}

/**
 * `-s`/`-d` VALUE: the same object as the last address read with the same flag when the
 * value is the same (kube-proxy writes `! -s 10.0.0.0/8` in every Service's chain).
 */
function readAddress(cx: RuleContext, v: number, negated: boolean, flag: '-s' | '-d'): Result<AddressMatch> {
  const slot = (negated ? 2 : 0) + (flag === '-d' ? 1 : 0);
  const last = cx.addresses[slot];
  if (last !== undefined && last.ok && wordIs(cx.words, v, last.value.text)) return last;
  const addr = parseAddressMatch(wordText(cx.words, v), negated, flag, cx.family);
  if (addr.ok) cx.addresses[slot] = addr;
  return addr;
}

/** A module's option (`--dport 80`): recorded on the module that owns it, with where its arguments are. */
function readModuleOption(draft: RuleDraft, cx: RuleContext, i: number, opt: string, negated: boolean): number {
  const spec = optionOwner(draft, opt);
  const owner = draft.owner;
  if (spec === undefined || owner === null) return fail(draft, `unknown option "${opt}"`);
  if (negated && !spec.negatable) return fail(draft, `option "${opt}" cannot be negated`);
  if (owner.options[spec.name] !== undefined) return fail(draft, `option "${opt}" given twice`);
  const words = cx.words;
  const start = i + 1;
  const end = start + spec.args;
  if (end > words.count) return fail(draft, `option "${opt}" needs a value`);
  const next = opt === '--comment' && !isQuoted(words, start) ? unquotedCommentEnd(cx, end) : end;
  owner.options[spec.name] = { negated, at: start, joined: next === end ? null : joinWords(cx, start, next) };
  return next;
}

/**
 * Who owns a module option: the target first (options after -j are the target's), then
 * the most recent match that knows it, then an implicit tcp/udp/sctp match for -p,
 * which is added to the rule's modules. Sets `draft.owner`.
 */
function optionOwner(draft: RuleDraft, opt: string): NamedSpec | undefined {
  draft.owner = null;
  const target = draft.target;
  if (target !== null && !draft.isGoto) {
    const spec = TARGET_SPECS.get(target.module)?.get(opt);
    if (spec !== undefined) {
      draft.owner = target;
      return spec;
    }
  }
  for (let d = draft.modules.length - 1; d >= 0; d--) {
    const module = draft.modules[d] as MatchDraft;
    const spec = MATCH_SPECS.get(module.module)?.get(opt);
    if (spec !== undefined) {
      draft.owner = module;
      return spec;
    }
  }
  const protocol = draft.protocol;
  if (protocol === null || !PORT_PROTOCOLS.has(protocol.name)) return undefined;
  const spec = MATCH_SPECS.get(protocol.name)?.get(opt);
  if (spec === undefined) return undefined;
  const owner: MatchDraft = { module: protocol.name, options: {} };
  draft.modules.push(owner);
  draft.owner = owner;
  return spec;
}

/**
 * kube-proxy's test dumps write multi-word comments unquoted ("--comment kubernetes
 * service portals -j ..."), so an unquoted comment runs on until the next word that
 * starts an option (or is quoted). Returns the index after its last word.
 */
function unquotedCommentEnd(cx: RuleContext, end: number): number {
  const words = cx.words;
  let i = end;
  while (i < words.count && !isQuoted(words, i)) {
    if (wordCharCode(words, i, 0) === 45 || wordIs(words, i, '!')) break;
    i++;
  }
  return i;
}

/** Words `start` to `end` (unquoted) joined by one space, as iptables joins argv words. */
function joinWords(cx: RuleContext, start: number, end: number): string {
  let text = wordText(cx.words, start);
  for (let i = start + 1; i < end; i++) text += ` ${wordText(cx.words, i)}`;
  return text;
}

/** Shared by every rule without `-m` (read-only, like the rest of a Rule). */
const NO_MATCHES: Match[] = new Array<Match>(0);
const NO_TARGET: Target = { kind: 'none' };

/** The Rule once every word is read: each module and the target checked and typed. */
function finishRule(chain: string, draft: RuleDraft, restoreText: string, cx: RuleContext): Result<Rule> {
  const n = draft.modules.length;
  let matches: readonly Match[] = NO_MATCHES;
  if (n === 1) {
    // One match, often one many rules share (`-m tcp`, a `-m statistic` probability): its shared list too.
    cx.sharedList = null;
    const m = finishMatch(draft.modules[0]!, cx);
    if (!m.ok) return m;
    matches = cx.sharedList ?? oneMatch(m.value);
  } else if (n > 1) {
    // Exactly as long as needed (a pushed-to array reserves 17 slots): 300,000 rules keep theirs.
    const list = new Array<Match>(n);
    for (let i = 0; i < n; i++) {
      const m = finishMatch(draft.modules[i]!, cx);
      if (!m.ok) return m;
      list[i] = m.value;
    }
    matches = list;
  }
  let target = NO_TARGET;
  if (draft.target !== null) {
    const t = finishTarget(draft.target, draft.isGoto, draft.targetChain, cx.words, cx.family);
    if (!t.ok) return t;
    target = t.value;
  }
  cx.targetChain = draft.targetChain;
  const { source, destination, inInterface, outInterface, protocol } = draft;
  // One object literal with every field in a fixed order, so all rules share a hidden
  // class and the evaluator's property reads stay monomorphic.
  return ok({ chain, source, destination, inInterface, outInterface, protocol, matches, target, restoreText });
}

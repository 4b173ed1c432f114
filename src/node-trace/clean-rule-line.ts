import { MATCH_OPTIONS } from '../netfilter/parse-match';
import { TARGET_NAMES, TARGET_OPTIONS } from '../netfilter/parse-target';
import { PROTOCOL_WORDS } from '../netfilter/parse-values';
import { isQuoted, newRuleWords, tokenize, wordCharCode, wordText, type RuleWords } from '../netfilter/rule-words';

/**
 * Modules the engine models for its own nodes only: physdev reads whether the packet came in
 * on cbr0, and a pasted node's bridge may have any name, so there it stays unmodelled.
 */
const UNMODELLED_ON_A_NODE: ReadonlySet<string> = new Set(['physdev']);

/** A match or target of a pasted rule that the engine does not simulate. */
export interface UnmodelledPart {
  /** How it reads ("-m u32", "-m tcp --tcp-flags", "-j LOG"). */
  readonly name: string;
  /** Its words as pasted. */
  readonly text: string;
}

/** A pasted rule with what the engine cannot evaluate taken out, and what was taken. */
export interface CleanedRule {
  /** The rule the netfilter parser reads: every part it models, in the pasted order. */
  readonly text: string;
  readonly matches: readonly UnmodelledPart[];
  /** A target extension that is not modelled (LOG, CT, TPROXY...): the rule then only counts. */
  readonly target: UnmodelledPart | null;
}

const LONG_NAMES: Readonly<Record<string, string>> = {
  '--source': '-s',
  '--src': '-s',
  '--destination': '-d',
  '--dst': '-d',
  '--protocol': '-p',
  '--in-interface': '-i',
  '--out-interface': '-o',
  '--match': '-m',
  '--jump': '-j',
  '--goto': '-g',
  '--fragment': '-f',
};
const PORT_MODULES = new Set(['tcp', 'udp', 'sctp']);

interface ModuleSeen {
  readonly name: string;
  readonly known: boolean;
  /** Where `-m NAME` is in `kept` (a known module), so an emptied one can be taken out. */
  readonly keptAt: number;
  kept: number;
  /** The unmodelled part an unknown module's options are added to. */
  part: { name: string; text: string } | null;
}

/** What a pass over a rule's words builds. */
interface Cleaning {
  readonly words: RuleWords;
  readonly kept: string[];
  readonly matches: { name: string; text: string }[];
  readonly modules: ModuleSeen[];
  protocol: string | null;
}

/**
 * Takes out of a pasted `-A CHAIN ...` rule every match module, module option and target
 * the netfilter parser does not read (iptables-extensions(8) has ~60 matches; kube-proxy
 * writes 9), so the rest still parses and evaluates. `-m state --state` is read as the
 * conntrack match it is an alias of (xt_state shares xt_conntrack's state bits). Returns
 * an error message when the line is not a rule at all.
 *
 * @example cleanRuleLine('-A cali-FORWARD -m u32 --u32 "0x0>>0x16=0x5" -j ACCEPT', () => false) // text "-A cali-FORWARD -j ACCEPT", matches [{ name: '-m u32', ... }]
 */
export function cleanRuleLine(line: string, isChain: (name: string) => boolean, words = newRuleWords()): CleanedRule | string {
  const unreadable = tokenize(line, words);
  if (unreadable !== null) return unreadable;
  const first = words.count < 2 ? '' : wordText(words, 0);
  if ((first !== '-A' && first !== '--append') || wordCharCode(words, 1, 0) === 45) return 'a rule must start with "-A CHAIN"';
  const c: Cleaning = { words, kept: [`-A ${wordText(words, 1)}`], matches: [], modules: [], protocol: null };
  let target: UnmodelledPart | null = null;
  for (let i = 2; i < words.count;) {
    const start = i;
    const negated = !isQuoted(words, i) && wordText(words, i) === '!';
    if (negated) i++;
    if (i >= words.count) return '"!" must be followed by an option';
    if (isQuoted(words, i) || wordCharCode(words, i, 0) !== 45) return `unexpected word "${wordText(words, i)}"`;
    const word = wordText(words, i);
    const opt = LONG_NAMES[word] ?? word;
    if (opt === '-j' || opt === '-g') {
      target = readTarget(c, start, i, opt, isChain);
      break;
    }
    i = readOption(c, start, i, opt, negated);
    if (i < 0) return `option "${opt}" needs a value`;
  }
  // A module of the parser left without any option would be refused ("-m conntrack needs --ctstate").
  for (const m of c.modules) if (m.known && m.kept === 0 && !PORT_MODULES.has(m.name)) c.kept[m.keptAt] = '';
  return { text: c.kept.filter((k) => k !== '').join(' '), matches: c.matches, target };
}

/** One option (with its `!` at `start`) kept or taken out; the index after it, or -1. */
function readOption(c: Cleaning, start: number, i: number, opt: string, negated: boolean): number {
  const { words } = c;
  if (opt === '-f') {
    c.matches.push({ name: '-f', text: span(words, start, i + 1) });
    return i + 1;
  }
  if (i + 1 >= words.count) return -1;
  const value = wordText(words, i + 1);
  if (opt === '-s' || opt === '-d' || opt === '-i' || opt === '-o') {
    c.kept.push(span(words, start, i + 2));
  } else if (opt === '-p') {
    if (PROTOCOL_WORDS.includes(value.toLowerCase())) {
      c.kept.push(span(words, start, i + 2));
      c.protocol = value.toLowerCase();
    } else c.matches.push({ name: `-p ${value}`, text: span(words, start, i + 2) });
  } else if (opt === '-m') {
    readModule(c, start, value === 'state' ? 'conntrack' : value, negated);
  } else {
    return readModuleOption(c, start, i, opt);
  }
  return i + 2;
}

function readModule(c: Cleaning, start: number, name: string, negated: boolean): void {
  const known = !negated && Object.hasOwn(MATCH_OPTIONS, name) && !UNMODELLED_ON_A_NODE.has(name);
  const m: ModuleSeen = { name, known, keptAt: c.kept.length, kept: 0, part: null };
  c.modules.push(m);
  if (known) {
    c.kept.push(`-m ${name}`);
  } else {
    m.part = { name: `-m ${name}`, text: span(c.words, start, start + (negated ? 3 : 2)) };
    c.matches.push(m.part);
  }
}

/** `--opt ARGS` of the module that owns it: kept when the parser reads it, else taken out. */
function readModuleOption(c: Cleaning, start: number, i: number, opt: string): number {
  const { words } = c;
  const last = c.modules[c.modules.length - 1];
  const name = opt === '--state' && last?.name === 'conntrack' ? '--ctstate' : opt;
  const owner = last !== undefined && !last.known ? undefined : ownerOf(c, name);
  if (owner !== undefined) {
    const args = MATCH_OPTIONS[owner.module]![name]!.args;
    const end = name === '--comment' && !isQuoted(words, i + 1) ? argsEnd(words, i + 1) : i + 1 + args;
    if (end > words.count) return -1;
    if (owner.seen !== undefined) owner.seen.kept++;
    const negation = start < i ? '! ' : '';
    c.kept.push(`${negation}${name} ${span(words, i + 1, end)}`.trimEnd());
    return end;
  }
  const end = argsEnd(words, i + 1);
  const text = span(words, start, end);
  if (last !== undefined && last.part !== null) last.part.text += ` ${text}`;
  else c.matches.push({ name: `-m ${last?.name ?? c.protocol ?? '?'} ${opt}`, text });
  return end;
}

/** The module that reads `opt`: the latest `-m` that knows it, else the implicit tcp/udp/sctp of `-p`. */
function ownerOf(c: Cleaning, opt: string): { module: string; seen: ModuleSeen | undefined } | undefined {
  for (let k = c.modules.length - 1; k >= 0; k--) {
    const m = c.modules[k]!;
    if (m.known && Object.hasOwn(MATCH_OPTIONS[m.name]!, opt)) return { module: m.name, seen: m };
  }
  const p = c.protocol;
  if (p !== null && PORT_MODULES.has(p) && Object.hasOwn(MATCH_OPTIONS[p]!, opt)) return { module: p, seen: undefined };
  return undefined;
}

/**
 * `-j NAME ...` / `-g NAME`: kept when NAME is a chain of the table or a target the parser
 * reads with every option given; otherwise the rule keeps no target and the part is returned.
 */
function readTarget(c: Cleaning, start: number, i: number, opt: string, isChain: (name: string) => boolean): UnmodelledPart | null {
  const { words } = c;
  const name = i + 1 < words.count ? wordText(words, i + 1) : '';
  const whole = span(words, start, words.count);
  const options = TARGET_OPTIONS[name];
  const known =
    opt === '-g' ||
    isChain(name) ||
    (TARGET_NAMES.includes(name) && restAreOptions(words, i + 2, options === undefined ? [] : Object.keys(options)));
  if (known) {
    c.kept.push(whole);
    return null;
  }
  return { name: `-j ${name}`, text: whole };
}

/** True when every option word from `from` on is one of `names`. */
function restAreOptions(words: RuleWords, from: number, names: readonly string[]): boolean {
  for (let k = from; k < words.count; k++) {
    if (!isQuoted(words, k) && wordCharCode(words, k, 0) === 45 && !names.includes(wordText(words, k))) return false;
  }
  return true;
}

/** The index after an option's arguments: every word up to the next option or `!` (quoted words are arguments). */
function argsEnd(words: RuleWords, from: number): number {
  let k = from;
  while (k < words.count && (isQuoted(words, k) || (wordCharCode(words, k, 0) !== 45 && wordText(words, k) !== '!'))) k++;
  return k;
}

/** Words `from` to `to` as pasted (quotes kept). */
function span(words: RuleWords, from: number, to: number): string {
  if (from >= to) return '';
  return words.line.slice(words.starts[from]!, words.ends[to - 1]!);
}

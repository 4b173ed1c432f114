import { err, ok, type Result } from '../net/result';
import type { Match } from './match-types';
import { finishMatch, MATCH_OPTIONS, type MatchDraft, type OptionSpec } from './parse-match';
import { finishTarget, TARGET_OPTIONS } from './parse-target';
import { parseAddressMatch, parseProtocol } from './parse-values';
import { formatRuleSave } from './format-rule-save';
import type { AddressMatch, InterfaceMatch, ProtocolMatch, Rule } from './ruleset';
import { tokenize, type Words } from './tokenize';

/** Options of the rule itself (not of a module); each takes one value. */
const BASIC_OPTIONS: ReadonlySet<string> = new Set(['-s', '-d', '-p', '-i', '-o', '-m', '-j', '-g']);
const NOT_NEGATABLE: ReadonlySet<string> = new Set(['-m', '-j', '-g']);
const PORT_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

const LONG_NAMES: ReadonlyMap<string, string> = new Map([
  ['--source', '-s'], ['--src', '-s'], ['--destination', '-d'], ['--dst', '-d'], ['--protocol', '-p'],
  ['--in-interface', '-i'], ['--out-interface', '-o'], ['--match', '-m'], ['--jump', '-j'], ['--goto', '-g'],
]);

/**
 * Parses one `-A CHAIN ...` line of iptables-restore input or iptables-save output
 * into a Rule whose matches are ready to evaluate. Options after `-m MODULE` belong
 * to the most recent module that knows them, as in iptables' command parser; `-p tcp
 * --dport 80` without `-m tcp` loads the tcp match implicitly (iptables does the same).
 *
 * @example parseRule('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000') // saveText "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000"
 */
export function parseRule(line: string): Result<Rule> {
  const trimmed = line.trim();
  const tokenized = tokenize(trimmed);
  if (!tokenized.ok) return tokenized;
  const { words, quoted } = tokenized.value;
  const head = words[0];
  const chain = words[1];
  if (head === undefined || (head !== '-A' && head !== '--append') || chain === undefined || chain.startsWith('-')) {
    return err('a rule must start with "-A CHAIN"');
  }
  let source: AddressMatch | null = null;
  let destination: AddressMatch | null = null;
  let inInterface: InterfaceMatch | null = null;
  let outInterface: InterfaceMatch | null = null;
  let protocol: ProtocolMatch | null = null;
  const drafts: MatchDraft[] = [];
  let target: { draft: MatchDraft; isGoto: boolean } | null = null;

  let i = 2;
  while (i < words.length) {
    let negated = false;
    if (words[i] === '!' && quoted?.[i] !== true) {
      negated = true;
      i++;
      if (i >= words.length) return err('"!" must be followed by an option');
    }
    const word = words[i] as string;
    const opt = LONG_NAMES.get(word) ?? word;
    if (quoted?.[i] === true || !opt.startsWith('-')) return err(`unexpected word "${word}"`);
    if (BASIC_OPTIONS.has(opt)) {
      const value = words[i + 1];
      if (value === undefined) return err(`option "${opt}" needs a value`);
      if (negated && NOT_NEGATABLE.has(opt)) return err(`option "${opt}" cannot be negated`);
      i += 2;
      if (opt === '-s' || opt === '-d') {
        const addr = parseAddressMatch(value, negated, opt);
        if (!addr.ok) return addr;
        if (opt === '-s') source = addr.value;
        else destination = addr.value;
      } else if (opt === '-p') {
        const p = parseProtocol(value, negated);
        if (!p.ok) return p;
        protocol = p.value;
      } else if (opt === '-i' || opt === '-o') {
        const wildcard = value.endsWith('+');
        const iface = { negated, name: wildcard ? value.slice(0, -1) : value, wildcard };
        if (opt === '-i') inInterface = iface;
        else outInterface = iface;
      } else if (opt === '-m') {
        if (!Object.hasOwn(MATCH_OPTIONS, value)) return err(`unknown match module "-m ${value}"`);
        drafts.push({ module: value, options: new Map() });
      } else {
        if (target !== null) return err('a rule can have only one -j or -g');
        target = { draft: { module: value, options: new Map() }, isGoto: opt === '-g' };
      }
      continue;
    }
    // A module option: the target's first (options after -j are the target's), then the
    // most recent match that knows it, then an implicit tcp/udp/sctp match for -p.
    let owner: MatchDraft | undefined;
    let spec: OptionSpec | undefined;
    if (target !== null && !target.isGoto) {
      spec = optionSpec(TARGET_OPTIONS, target.draft.module, opt);
      if (spec !== undefined) owner = target.draft;
    }
    for (let d = drafts.length - 1; owner === undefined && d >= 0; d--) {
      const draft = drafts[d] as MatchDraft;
      spec = optionSpec(MATCH_OPTIONS, draft.module, opt);
      if (spec !== undefined) owner = draft;
    }
    if (owner === undefined && protocol !== null && PORT_PROTOCOLS.has(protocol.name)) {
      spec = optionSpec(MATCH_OPTIONS, protocol.name, opt);
      if (spec !== undefined) {
        owner = { module: protocol.name, options: new Map() };
        drafts.push(owner);
      }
    }
    if (owner === undefined || spec === undefined) return err(`unknown option "${opt}"`);
    if (negated && !spec.negatable) return err(`option "${opt}" cannot be negated`);
    if (owner.options.has(opt)) return err(`option "${opt}" given twice`);
    const read = readArgs(tokenized.value, i + 1, spec, opt);
    if (!read.ok) return read;
    owner.options.set(opt, { negated, args: read.value.args });
    i = read.value.next;
  }

  const matches: Match[] = [];
  for (const draft of drafts) {
    const m = finishMatch(draft);
    if (!m.ok) return m;
    matches.push(m.value);
  }
  let finished: Rule['target'] = { kind: 'none' };
  if (target !== null) {
    const t = finishTarget(target.draft, target.isGoto);
    if (!t.ok) return t;
    finished = t.value;
  }
  const saveText = formatRuleSave({ chain, source, destination, inInterface, outInterface, protocol, matches, target: finished });
  // One object literal with every field in a fixed order, so all rules share a hidden
  // class and the evaluator's property reads stay monomorphic.
  return ok({
    chain,
    source,
    destination,
    inInterface,
    outInterface,
    protocol,
    matches,
    target: finished,
    restoreText: trimmed,
    saveText,
  });
}

/**
 * Reads an option's arguments. `--comment` is special: kube-proxy's test dumps write
 * multi-word comments unquoted ("--comment kubernetes service portals -j ..."), so an
 * unquoted comment runs on until the next word that starts an option.
 */
/** The spec of `opt` in `module`, with own-property checks ("constructor" is not an option). */
function optionSpec(table: Readonly<Record<string, Readonly<Record<string, OptionSpec>>>>, module: string, opt: string): OptionSpec | undefined {
  const options = Object.hasOwn(table, module) ? table[module] : undefined;
  return options !== undefined && Object.hasOwn(options, opt) ? options[opt] : undefined;
}

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

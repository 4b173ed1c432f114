import { err, ok, type Result } from '../net/result';
import type { Match } from './match-types';
import { finishMatch, MATCH_OPTIONS, type MatchDraft, type OptionSpec } from './parse-match';
import { finishTarget, TARGET_OPTIONS } from './parse-target';
import { parseAddressMatch, parseProtocol } from './parse-values';
import { formatRuleSave } from './format-rule-save';
import type { AddressMatch, InterfaceMatch, ProtocolMatch, Rule } from './ruleset';
import { tokenize, type Token } from './tokenize';

const LONG_NAMES: Readonly<Record<string, string>> = {
  '--append': '-A', '--source': '-s', '--src': '-s', '--destination': '-d', '--dst': '-d', '--protocol': '-p',
  '--in-interface': '-i', '--out-interface': '-o', '--match': '-m', '--jump': '-j', '--goto': '-g',
};

/**
 * Parses one `-A CHAIN ...` line of iptables-restore input or iptables-save output
 * into a Rule whose matches are ready to evaluate. Options after `-m MODULE` belong
 * to the most recent module that knows them, as in iptables' command parser; `-p tcp
 * --dport 80` without `-m tcp` loads the tcp match implicitly (iptables does the same).
 */
export function parseRule(line: string): Result<Rule> {
  const trimmed = line.trim();
  const tokenized = tokenize(trimmed);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  const head = tokens[0];
  const chain = tokens[1];
  if (head === undefined || (head.text !== '-A' && head.text !== '--append') || chain === undefined || chain.text.startsWith('-')) {
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
  while (i < tokens.length) {
    let negated = false;
    let tok = tokens[i] as Token;
    if (tok.text === '!' && !tok.quoted) {
      negated = true;
      i++;
      const next = tokens[i];
      if (next === undefined) return err('"!" must be followed by an option');
      tok = next;
    }
    const opt = LONG_NAMES[tok.text] ?? tok.text;
    if (tok.quoted || !opt.startsWith('-')) return err(`unexpected word "${tok.text}"`);
    const arg = tokens[i + 1];
    const needArg = (): Result<string> => (arg === undefined ? err(`option "${opt}" needs a value`) : ok(arg.text));
    if (['-s', '-d', '-p', '-i', '-o', '-m', '-j', '-g'].includes(opt)) {
      const a = needArg();
      if (!a.ok) return a;
      if (negated && ['-m', '-j', '-g'].includes(opt)) return err(`option "${opt}" cannot be negated`);
      i += 2;
      if (opt === '-s' || opt === '-d') {
        const addr = parseAddressMatch(a.value, negated, opt);
        if (!addr.ok) return addr;
        if (opt === '-s') source = addr.value;
        else destination = addr.value;
      } else if (opt === '-p') {
        const p = parseProtocol(a.value, negated);
        if (!p.ok) return p;
        protocol = p.value;
      } else if (opt === '-i' || opt === '-o') {
        const wildcard = a.value.endsWith('+');
        const iface = { negated, name: wildcard ? a.value.slice(0, -1) : a.value, wildcard };
        if (opt === '-i') inInterface = iface;
        else outInterface = iface;
      } else if (opt === '-m') {
        if (MATCH_OPTIONS[a.value] === undefined) return err(`unknown match module "-m ${a.value}"`);
        drafts.push({ module: a.value, options: new Map() });
      } else {
        if (target !== null) return err('a rule can have only one -j or -g');
        target = { draft: { module: a.value, options: new Map() }, isGoto: opt === '-g' };
      }
      continue;
    }
    // A module option: the target's first (options after -j are the target's), then the
    // most recent match that knows it, then an implicit tcp/udp/sctp match for -p.
    let owner: MatchDraft | undefined;
    let spec: OptionSpec | undefined;
    if (target !== null && !target.isGoto) {
      spec = TARGET_OPTIONS[target.draft.module]?.[opt];
      if (spec !== undefined) owner = target.draft;
    }
    for (let d = drafts.length - 1; owner === undefined && d >= 0; d--) {
      const draft = drafts[d] as MatchDraft;
      spec = MATCH_OPTIONS[draft.module]?.[opt];
      if (spec !== undefined) owner = draft;
    }
    if (owner === undefined && protocol !== null && ['tcp', 'udp', 'sctp'].includes(protocol.name)) {
      spec = MATCH_OPTIONS[protocol.name]?.[opt];
      if (spec !== undefined) {
        owner = { module: protocol.name, options: new Map() };
        drafts.push(owner);
      }
    }
    if (owner === undefined || spec === undefined) return err(`unknown option "${opt}"`);
    if (negated && !spec.negatable) return err(`option "${opt}" cannot be negated`);
    if (owner.options.has(opt)) return err(`option "${opt}" given twice`);
    const read = readArgs(tokens, i + 1, spec, opt);
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
  const rule = { chain: chain.text, source, destination, inInterface, outInterface, protocol, matches, target: finished, restoreText: trimmed };
  return ok({ ...rule, saveText: formatRuleSave(rule) });
}

/**
 * Reads an option's arguments. `--comment` is special: kube-proxy's test dumps write
 * multi-word comments unquoted ("--comment kubernetes service portals -j ..."), so an
 * unquoted comment runs on until the next word that starts an option.
 */
function readArgs(tokens: readonly Token[], start: number, spec: OptionSpec, opt: string): Result<{ args: string[]; next: number }> {
  const args: string[] = [];
  let i = start;
  for (let k = 0; k < spec.args; k++, i++) {
    const t = tokens[i];
    if (t === undefined) return err(`option "${opt}" needs a value`);
    args.push(t.text);
  }
  if (opt === '--comment' && tokens[start]?.quoted === false) {
    const words = [args[0] ?? ''];
    for (let t = tokens[i]; t !== undefined && !t.quoted && !t.text.startsWith('-') && t.text !== '!'; t = tokens[++i]) {
      words.push(t.text);
    }
    return ok({ args: [words.join(' ')], next: i });
  }
  return ok({ args, next: i });
}

import { ipv4ToNumber, parseIpv4 } from '../net/ipv4';
import { err, ok, type Result } from '../net/result';
import { CT_STATES, ctStateBit, type CtState, type Match, type PortMatch, type RecentMode, type StatisticMatch } from './match-types';
import { MULTIPORT_OPTIONS, parseMultiport } from './multiport';
import { parseMarkValue, parsePortAt } from './parse-values';
import type { RuleContext } from './rule-context';
import { wordIs, wordText, type RuleWords } from './rule-words';

/** How an option of a module is written: how many arguments, and whether `!` may precede it. */
export interface OptionSpec {
  readonly args: 0 | 1 | 2;
  readonly negatable: boolean;
}

const arg1 = { args: 1, negatable: false } as const;
const arg1Neg = { args: 1, negatable: true } as const;
const flag = { args: 0, negatable: false } as const;
const flagNeg = { args: 0, negatable: true } as const;
const ports = { '--dport': arg1Neg, '--destination-port': arg1Neg, '--sport': arg1Neg, '--source-port': arg1Neg };

/** The options each supported match module accepts (iptables-extensions(8)). */
export const MATCH_OPTIONS: Readonly<Record<string, Readonly<Record<string, OptionSpec>>>> = {
  comment: { '--comment': arg1 },
  tcp: ports,
  udp: ports,
  sctp: ports,
  statistic: { '--mode': arg1, '--probability': arg1Neg },
  recent: {
    '--name': arg1,
    '--set': flagNeg,
    '--rcheck': flagNeg,
    '--update': flagNeg,
    '--remove': flagNeg,
    '--seconds': arg1,
    '--reap': flag,
    '--mask': arg1,
    '--rsource': flag,
    '--rdest': flag,
  },
  mark: { '--mark': arg1Neg },
  conntrack: { '--ctstate': arg1Neg },
  addrtype: { '--src-type': arg1Neg, '--dst-type': arg1Neg },
  nfacct: { '--nfacct-name': arg1 },
  physdev: { '--physdev-is-in': flagNeg },
  set: { '--match-set': { args: 2, negatable: true } },
  multiport: Object.fromEntries(MULTIPORT_OPTIONS.map((o) => [o, arg1Neg])),
};

/** One option as written: its `!` and where its arguments are among the rule's words. */
export interface OptionValue {
  readonly negated: boolean;
  /** The index of its first argument (the word after the option's name). */
  readonly at: number;
  /** An unquoted comment of several words, joined by one space; null otherwise. */
  readonly joined: string | null;
}

/** The option's first argument as a string. */
export function argText(words: RuleWords, v: OptionValue): string {
  return v.joined ?? wordText(words, v.at);
}

/**
 * A `-m MODULE` being read: the options seen so far, by name. A plain object keyed by the
 * option specs' own (interned) names: a Map per module cost a third of what parsing
 * 320,000 rules allocates, and a fresh word as a key would be looked up among V8's interned strings.
 */
export interface MatchDraft {
  readonly module: string;
  readonly options: Record<string, OptionValue>;
}

/** Builds the typed match once every option of the module has been read. */
export function finishMatch(draft: MatchDraft, cx: RuleContext): Result<Match> {
  // Plain reads, no helper closures: this runs for every match of a 300,000-rule ruleset.
  const o = draft.options;
  const words = cx.words;
  switch (draft.module) {
    case 'comment': {
      const c = o['--comment'];
      return c === undefined ? err('-m comment needs --comment TEXT') : ok({ kind: 'comment', comment: argText(words, c) });
    }
    case 'tcp':
    case 'udp':
    case 'sctp':
      return finishPorts(draft, cx);
    case 'statistic':
      return finishStatistic(draft, cx);
    case 'recent':
      return finishRecent(draft, words);
    case 'mark': {
      const m = o['--mark'];
      if (m === undefined) return err('-m mark needs --mark VALUE[/MASK]');
      const parsed = parseMarkValue(argText(words, m));
      if (!parsed.ok) return parsed;
      return ok({ kind: 'mark', negated: m.negated, value: parsed.value.value, mask: parsed.value.mask ?? 0xffffffff });
    }
    case 'conntrack': {
      const c = o['--ctstate'];
      if (c === undefined) return err('-m conntrack needs --ctstate STATES');
      const states: CtState[] = [];
      for (const s of argText(words, c).split(',')) {
        const state = CT_STATES.find((x) => x === s.toUpperCase());
        if (state === undefined) return err(`unknown conntrack state "${s}" (expected ${CT_STATES.join(', ')})`);
        if (!states.includes(state)) states.push(state);
      }
      const bits = states.reduce((b, s) => b | ctStateBit(s), 0);
      return ok({ kind: 'conntrack', negated: c.negated, states: CT_STATES.filter((s) => states.includes(s)), bits });
    }
    case 'addrtype': {
      const check = (v: OptionValue | undefined) =>
        v === undefined ? null : { negated: v.negated, type: argText(words, v).toUpperCase() };
      const src = check(o['--src-type']);
      const dst = check(o['--dst-type']);
      return src === null && dst === null ? err('-m addrtype needs --src-type or --dst-type') : ok({ kind: 'addrtype', src, dst });
    }
    case 'physdev': {
      const isIn = o['--physdev-is-in'];
      return isIn === undefined ? err('-m physdev needs --physdev-is-in') : ok({ kind: 'physdev', negated: isIn.negated });
    }
    case 'nfacct': {
      const n = o['--nfacct-name'];
      return n === undefined ? err('-m nfacct needs --nfacct-name NAME') : ok({ kind: 'nfacct', name: argText(words, n) });
    }
    case 'set': {
      const s = o['--match-set'];
      if (s === undefined) return err('-m set needs --match-set NAME FLAGS');
      return ok({ kind: 'set', negated: s.negated, name: argText(words, s), flags: wordText(words, s.at + 1) });
    }
    case 'multiport': {
      const given = Object.entries(o);
      const [first, extra] = given;
      if (first === undefined || extra !== undefined) return err('-m multiport needs exactly one of --dports, --sports, --ports');
      return parseMultiport(first[0], argText(words, first[1]), first[1].negated);
    }
    default:
      return err(`unknown match module "${draft.module}"`);
  }
}

const PORT_MODULES = ['tcp', 'udp', 'sctp'] as const;

/**
 * `-m tcp|udp|sctp`. Without `--sport`, and with no `--dport` or a single port, the match
 * is one of few (every DNAT rule of kube-proxy holds `-m tcp -p tcp`): one shared list each.
 */
function finishPorts(draft: MatchDraft, cx: RuleContext): Result<Match> {
  const o = draft.options;
  const words = cx.words;
  const d = o['--dport'] ?? o['--destination-port'];
  const s = o['--sport'] ?? o['--source-port'];
  const dport = d === undefined ? ok(null) : portAt(words, d);
  const sport = s === undefined ? ok(null) : portAt(words, s);
  if (!dport.ok) return dport;
  if (!sport.ok) return sport;
  // The literal, not the rule's word: 100,000s of rules share one string instead of a copy each.
  const m = PORT_MODULES.indexOf(draft.module as 'tcp');
  const module = PORT_MODULES[m]!;
  const one = dport.value;
  const key =
    sport.value !== null
      ? -1
      : one === null
        ? m * 0x30000
        : one.from === one.to
          ? m * 0x30000 + (one.negated ? 0x20000 : 0x10000) + one.from
          : -1;
  const shared = key < 0 ? undefined : cx.ports.get(key);
  if (shared !== undefined) {
    cx.sharedList = shared;
    return ok(shared[0]!);
  }
  const match: Match = { kind: 'ports', module, dport: one as PortMatch | null, sport: sport.value as PortMatch | null };
  if (key >= 0) {
    const list = oneMatch(match);
    cx.ports.set(key, list);
    cx.sharedList = list;
  }
  return ok(match);
}

/**
 * A list of one match, made like every rule's list of matches (`new Array(n)`): lists of
 * one kind of array keep the evaluator's reads of them monomorphic.
 */
export function oneMatch(match: Match): Match[] {
  const list = new Array<Match>(1);
  list[0] = match;
  return list;
}

/** A port option's argument, read in place. */
function portAt(words: RuleWords, v: OptionValue): Result<PortMatch> {
  if (v.joined !== null || words.quotedText[v.at] !== undefined) {
    const text = argText(words, v);
    return parsePortAt(text, 0, text.length, v.negated);
  }
  return parsePortAt(words.line, words.starts[v.at]!, words.ends[v.at]!, v.negated);
}

/** `-m statistic --mode random --probability P`; one shared match per P (kube-proxy writes a handful). */
function finishStatistic(draft: MatchDraft, cx: RuleContext): Result<Match> {
  const o = draft.options;
  const words = cx.words;
  const mode = o['--mode'];
  if (mode === undefined || !(mode.joined === null && wordIs(words, mode.at, 'random')))
    return err('-m statistic: only --mode random is supported');
  const p = o['--probability'];
  const text = p === undefined ? '' : argText(words, p);
  const shared = p === undefined || p.negated ? undefined : cx.statistics.get(text);
  if (shared !== undefined) {
    cx.sharedList = shared;
    return ok(shared[0]);
  }
  const prob = p === undefined ? NaN : Number(text);
  if (p === undefined || !/^[0-9.]+$/.test(text) || !(prob >= 0 && prob <= 1)) {
    return err('-m statistic --mode random needs --probability between 0 and 1');
  }
  // libxt_statistic.c statistic_parse: info->u.random.probability = lround(0x80000000 * prob).
  const match: StatisticMatch = { kind: 'statistic', negated: p.negated, probabilityText: text, threshold: Math.round(prob * 0x80000000) };
  if (!p.negated) {
    const list = oneMatch(match) as [StatisticMatch];
    cx.statistics.set(text, list);
    cx.sharedList = list;
  }
  return ok(match);
}

function finishRecent(draft: MatchDraft, words: RuleWords): Result<Match> {
  const o = draft.options;
  const modes = (['set', 'rcheck', 'update', 'remove'] as const).filter((m) => o[`--${m}`] !== undefined);
  const mode: RecentMode | undefined = modes[0];
  if (mode === undefined || modes.length > 1) return err('-m recent needs exactly one of --set, --rcheck, --update, --remove');
  const seconds_ = o['--seconds'];
  const secondsText = seconds_ === undefined ? undefined : argText(words, seconds_);
  const seconds = secondsText === undefined ? null : /^[0-9]{1,9}$/.test(secondsText) ? Number(secondsText) : NaN;
  if (Number.isNaN(seconds)) return err(`-m recent: "${secondsText ?? ''}" is not a number of seconds`);
  const maskOption = o['--mask'];
  const maskText = maskOption === undefined ? '255.255.255.255' : argText(words, maskOption);
  const mask = parseIpv4(maskText);
  if (!mask.ok) return err(`-m recent --mask: ${mask.error}`);
  return ok({
    kind: 'recent',
    negated: o[`--${mode}`]?.negated ?? false,
    mode,
    // xt_recent's default list is called DEFAULT.
    name: o['--name'] === undefined ? 'DEFAULT' : argText(words, o['--name']),
    seconds,
    reap: o['--reap'] !== undefined,
    mask: ipv4ToNumber(mask.value),
    side: o['--rdest'] !== undefined ? 'dest' : 'source',
  });
}

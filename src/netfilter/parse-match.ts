import { ipv4ToNumber, parseIpv4 } from '../net/ipv4';
import { err, ok, type Result } from '../net/result';
import { CT_STATES, ctStateBit, type CtState, type Match, type PortMatch, type RecentMode } from './match-types';
import { parseMarkValue, parsePort } from './parse-values';

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
  set: { '--match-set': { args: 2, negatable: true } },
};

/** One option as written: its `!` and its arguments (empty for flags). */
export interface OptionValue {
  readonly negated: boolean;
  readonly args: readonly string[];
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
export function finishMatch(draft: MatchDraft): Result<Match> {
  // Plain reads, no helper closures: this runs for every match of a 300,000-rule ruleset.
  const o = draft.options;
  switch (draft.module) {
    case 'comment': {
      const comment = o['--comment']?.args[0];
      return comment === undefined ? err('-m comment needs --comment TEXT') : ok({ kind: 'comment', comment });
    }
    case 'tcp':
    case 'udp':
    case 'sctp': {
      const d = o['--dport'] ?? o['--destination-port'];
      const s = o['--sport'] ?? o['--source-port'];
      const dport = d === undefined ? ok(null) : parsePort(d.args[0] ?? '', d.negated);
      const sport = s === undefined ? ok(null) : parsePort(s.args[0] ?? '', s.negated);
      if (!dport.ok) return dport;
      if (!sport.ok) return sport;
      // The literal, not the rule's word: 100,000s of rules share one string instead of a copy each.
      const module = draft.module === 'tcp' ? 'tcp' : draft.module === 'udp' ? 'udp' : 'sctp';
      return ok({ kind: 'ports', module, dport: dport.value as PortMatch | null, sport: sport.value as PortMatch | null });
    }
    case 'statistic': {
      if (o['--mode']?.args[0] !== 'random') return err('-m statistic: only --mode random is supported');
      const p = o['--probability'];
      const prob = p === undefined ? NaN : Number(p.args[0]);
      if (p === undefined || !/^[0-9.]+$/.test(p.args[0] ?? '') || !(prob >= 0 && prob <= 1)) {
        return err('-m statistic --mode random needs --probability between 0 and 1');
      }
      // libxt_statistic.c statistic_parse: info->u.random.probability = lround(0x80000000 * prob).
      return ok({ kind: 'statistic', negated: p.negated, probabilityText: p.args[0] ?? '', threshold: Math.round(prob * 0x80000000) });
    }
    case 'recent':
      return finishRecent(draft);
    case 'mark': {
      const m = o['--mark'];
      if (m === undefined) return err('-m mark needs --mark VALUE[/MASK]');
      const parsed = parseMarkValue(m.args[0] ?? '');
      if (!parsed.ok) return parsed;
      return ok({ kind: 'mark', negated: m.negated, value: parsed.value.value, mask: parsed.value.mask ?? 0xffffffff });
    }
    case 'conntrack': {
      const c = o['--ctstate'];
      if (c === undefined) return err('-m conntrack needs --ctstate STATES');
      const states: CtState[] = [];
      for (const s of (c.args[0] ?? '').split(',')) {
        const state = CT_STATES.find((x) => x === s.toUpperCase());
        if (state === undefined) return err(`unknown conntrack state "${s}" (expected ${CT_STATES.join(', ')})`);
        if (!states.includes(state)) states.push(state);
      }
      const bits = states.reduce((b, s) => b | ctStateBit(s), 0);
      return ok({ kind: 'conntrack', negated: c.negated, states: CT_STATES.filter((s) => states.includes(s)), bits });
    }
    case 'addrtype': {
      const check = (v: OptionValue | undefined) =>
        v === undefined ? null : { negated: v.negated, type: (v.args[0] ?? '').toUpperCase() };
      const src = check(o['--src-type']);
      const dst = check(o['--dst-type']);
      return src === null && dst === null ? err('-m addrtype needs --src-type or --dst-type') : ok({ kind: 'addrtype', src, dst });
    }
    case 'nfacct': {
      const name = o['--nfacct-name']?.args[0];
      return name === undefined ? err('-m nfacct needs --nfacct-name NAME') : ok({ kind: 'nfacct', name });
    }
    case 'set': {
      const s = o['--match-set'];
      if (s === undefined) return err('-m set needs --match-set NAME FLAGS');
      return ok({ kind: 'set', negated: s.negated, name: s.args[0] ?? '', flags: s.args[1] ?? '' });
    }
    default:
      return err(`unknown match module "${draft.module}"`);
  }
}

function finishRecent(draft: MatchDraft): Result<Match> {
  const o = draft.options;
  const modes = (['set', 'rcheck', 'update', 'remove'] as const).filter((m) => o[`--${m}`] !== undefined);
  const mode: RecentMode | undefined = modes[0];
  if (mode === undefined || modes.length > 1) return err('-m recent needs exactly one of --set, --rcheck, --update, --remove');
  const secondsText = o['--seconds']?.args[0];
  const seconds = secondsText === undefined ? null : /^[0-9]{1,9}$/.test(secondsText) ? Number(secondsText) : NaN;
  if (Number.isNaN(seconds)) return err(`-m recent: "${secondsText ?? ''}" is not a number of seconds`);
  const maskText = o['--mask']?.args[0] ?? '255.255.255.255';
  const mask = parseIpv4(maskText);
  if (!mask.ok) return err(`-m recent --mask: ${mask.error}`);
  return ok({
    kind: 'recent',
    negated: o[`--${mode}`]?.negated ?? false,
    mode,
    // xt_recent's default list is called DEFAULT.
    name: o['--name']?.args[0] ?? 'DEFAULT',
    seconds,
    reap: o['--reap'] !== undefined,
    mask: ipv4ToNumber(mask.value),
    side: o['--rdest'] !== undefined ? 'dest' : 'source',
  });
}

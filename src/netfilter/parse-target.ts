import { err, ok, type Result } from '../net/result';
import { argText, type MatchDraft, type OptionSpec } from './parse-match';
import type { IpFamily } from '../kube-proxy/ip-address';
import { parseMarkValue, parseNatAddress, parseNatAddress6 } from './parse-values';
import type { KnownChain } from './rule-context';
import type { RuleWords } from './rule-words';
import type { Target } from './target-types';

const arg1 = { args: 1, negatable: false } as const;
const flag = { args: 0, negatable: false } as const;

/** The options of the target extensions kube-proxy writes (iptables-extensions(8)). */
export const TARGET_OPTIONS: Readonly<Record<string, Readonly<Record<string, OptionSpec>>>> = {
  REJECT: { '--reject-with': arg1 },
  DNAT: { '--to-destination': arg1, '--random': flag, '--random-fully': flag, '--persistent': flag },
  SNAT: { '--to-source': arg1, '--random': flag, '--random-fully': flag, '--persistent': flag },
  MASQUERADE: { '--to-ports': arg1, '--random': flag, '--random-fully': flag },
  MARK: { '--set-xmark': arg1, '--set-mark': arg1, '--and-mark': arg1, '--or-mark': arg1, '--xor-mark': arg1 },
};

/** The targets that are not chains: the standard verdicts and the extensions above. */
export const TARGET_NAMES: readonly string[] = ['ACCEPT', 'DROP', 'RETURN', ...Object.keys(TARGET_OPTIONS)];

const DEFAULT_REJECT: Readonly<Record<IpFamily, string>> = { IPv4: 'icmp-port-unreachable', IPv6: 'icmp6-port-unreachable' };

/** ip6tables' DNAT and SNAT (`[IP]:PORT` or a bare IP), canonical. */
function nat6(name: 'DNAT' | 'SNAT', to: string): Result<Target> {
  const addr = parseNatAddress6(to);
  if (!addr.ok) return addr;
  return ok({ kind: name === 'DNAT' ? 'dnat6' : 'snat6', ip: addr.value.ip, port: addr.value.port });
}

/** Read-only like every Target, so every rule that accepts can hold the same one. */
const ACCEPT: Target = { kind: 'accept' };
const DROP: Target = { kind: 'drop' };
const RETURN: Target = { kind: 'return' };

/**
 * Builds the typed target of `-j NAME` (or `-g NAME` when `isGoto`) from its options.
 * A jump to a chain the parse knows is that chain's one jump target.
 */
export function finishTarget(
  draft: MatchDraft,
  isGoto: boolean,
  chain: KnownChain | undefined,
  words: RuleWords,
  family: IpFamily = 'IPv4',
): Result<Target> {
  const name = draft.module;
  const o = draft.options;
  if (isGoto) return ok({ kind: 'goto', chain: name });
  switch (name) {
    case 'ACCEPT':
      return ok(ACCEPT);
    case 'DROP':
      return ok(DROP);
    case 'RETURN':
      return ok(RETURN);
    case 'REJECT':
      // libipt_REJECT.c: the default is icmp-port-unreachable, and iptables-save prints it;
      // libip6t_REJECT.c's is icmp6-port-unreachable.
      return ok({ kind: 'reject', rejectWith: optionArg(draft, '--reject-with', words) ?? DEFAULT_REJECT[family] });
    case 'DNAT':
    case 'SNAT': {
      const opt = name === 'DNAT' ? '--to-destination' : '--to-source';
      const to = optionArg(draft, opt, words);
      if (to === undefined) return err(`-j ${name} needs ${opt} IP[:PORT]`);
      if (family === 'IPv6') return nat6(name, to);
      const addr = parseNatAddress(to);
      if (!addr.ok) return addr;
      const kind = name === 'DNAT' ? 'dnat' : 'snat';
      return ok({ kind, ip: addr.value.ip, port: addr.value.port, randomFully: o['--random-fully'] !== undefined });
    }
    case 'MASQUERADE':
      return ok({
        kind: 'masquerade',
        randomFully: o['--random-fully'] !== undefined,
        random: o['--random'] !== undefined,
        toPorts: optionArg(draft, '--to-ports', words) ?? null,
      });
    case 'MARK':
      return finishMark(draft, words);
    default:
      if (chain === undefined) return ok({ kind: 'jump', chain: name });
      chain.jump ??= { kind: 'jump', chain: chain.name };
      return ok(chain.jump);
  }
}

/** The option's argument, or undefined when the rule does not give the option. */
function optionArg(draft: MatchDraft, opt: string, words: RuleWords): string | undefined {
  const v = draft.options[opt];
  return v === undefined ? undefined : argText(words, v);
}

/** libxt_MARK.c mark_tg_parse (revision 2): every form becomes (value, mask) with mark = (mark & ~mask) ^ value. */
function finishMark(draft: MatchDraft, words: RuleWords): Result<Target> {
  const entries = Object.entries(draft.options);
  const [entry, extra] = entries;
  if (entry === undefined || extra !== undefined)
    return err('-j MARK needs exactly one of --set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark');
  const [opt, v] = entry;
  const parsed = parseMarkValue(argText(words, v));
  if (!parsed.ok) return parsed;
  const { value, mask } = parsed.value;
  const full = 0xffffffff;
  switch (opt) {
    case '--set-xmark':
      return ok({ kind: 'mark', value, mask: mask ?? full });
    case '--set-mark':
      return ok({ kind: 'mark', value, mask: ((mask ?? full) | value) >>> 0 });
    case '--and-mark':
      return ok({ kind: 'mark', value: 0, mask: ~value >>> 0 });
    case '--or-mark':
      return ok({ kind: 'mark', value, mask: value });
    default:
      return ok({ kind: 'mark', value, mask: 0 });
  }
}

import { parseNftRuleTokens, parseStatement } from '../nftables/parse-rule';
import type { NftParsedRule, NftStatement } from '../nftables/rule-types';
import { TokenCursor } from '../nftables/token-cursor';
import type { NftToken } from '../nftables/tokenize';
import { cutLine } from './dump-notes';

/** Words that start an nft expression or statement: a line starting otherwise is not a rule at all. */
const NFT_WORDS = new Set(
  (
    'ip ip6 inet meta ct tcp udp udplite sctp dccp th icmp icmpv6 igmp ah esp comp ether vlan arp rt fib numgen jhash symhash ' +
    'iif oif iifname oifname iiftype oiftype iifgroup oifgroup mark skuid skgid nfproto l4proto ipsec osf socket tunnel exthdr hbh frag dst mh srh ' +
    'counter log limit quota notrack dnat snat masquerade redirect tproxy queue dup fwd flow synproxy xt reject accept drop return continue ' +
    'jump goto update add delete set map vmap cgroup cpu pkttype priority secmark last'
  ).split(' '),
);
/** Selectors whose second word says what is read (`ct mark`, `meta nfproto`, `tcp flags`). */
const TWO_WORDS = new Set([
  'ip',
  'ip6',
  'meta',
  'ct',
  'tcp',
  'udp',
  'sctp',
  'th',
  'icmp',
  'icmpv6',
  'ether',
  'vlan',
  'rt',
  'fib',
  'socket',
  'ipsec',
]);
/** Statements that act on the packet without deciding whether the rule matches (or only count, as an unmodelled target does). */
const EFFECTS = new Set(['log', 'notrack', 'flow', 'dup', 'fwd', 'queue', 'redirect', 'tproxy', 'synproxy']);
const FIELD_SIDES: Readonly<Record<string, readonly string[]>> = {
  ip: ['saddr', 'daddr'],
  ip6: ['saddr', 'daddr'],
  meta: ['l4proto', 'mark', 'iifname', 'oifname', 'iif', 'oif'],
  th: ['sport', 'dport'],
  tcp: ['sport', 'dport'],
  udp: ['sport', 'dport'],
  sctp: ['sport', 'dport'],
  ct: ['state', 'status'],
  fib: ['saddr', 'daddr'],
  numgen: ['random'],
};
/** Fields of one word. */
const ONE_WORD_FIELDS = new Set(['iifname', 'oifname', 'iif', 'oif', 'mark']);
const STATEMENT_WORDS = new Set([
  'counter',
  'dnat',
  'snat',
  'masquerade',
  'accept',
  'drop',
  'reject',
  'return',
  'continue',
  'jump',
  'goto',
]);

/** A rule of a pasted ruleset read as far as the evaluator models it. */
export interface TolerantRule {
  readonly rule: NftParsedRule;
  /** What was not modelled, in order: `iiftype`, `ct mark`, `xt match policy`, `log`. */
  readonly unmodelled: readonly { readonly name: string; readonly role: 'match' | 'effect' }[];
}

/**
 * A rule of `nft list ruleset` (a kube-proxy one, or one of a CNI's, Docker's, firewalld's
 * or iptables-nft's tables) as statements: each expression the evaluator does not model
 * becomes an `unmodelled` statement (a match that fails unless `assumed`, or an effect that
 * passes), and the reading picks up at the next statement it knows. A string when the line
 * is not an nft rule at all.
 *
 * @example readNftRuleLine(tokens('iiftype ether counter accept'), text, false).unmodelled // [{ name: 'iiftype', role: 'match' }]
 */
export function readNftRuleLine(tokens: readonly NftToken[], text: string, assumed: boolean): TolerantRule | string {
  const direct = parseNftRuleTokens(tokens, text);
  if (direct.ok) return { rule: direct.value, unmodelled: [] };
  if (!NFT_WORDS.has(tokens[0]?.text ?? '') || tokens[0]!.quoted) return `not an nft rule: "${cutLine(text)}"`;
  const statements: NftStatement[] = [];
  const unmodelled: { name: string; role: 'match' | 'effect' }[] = [];
  for (let i = 0; i < tokens.length;) {
    const c = new TokenCursor(tokens.slice(i));
    const s = parseStatement(c);
    if (typeof s !== 'string') {
      statements.push(s);
      i += c.taken;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && !startsStatement(tokens, end, i)) end++;
    const part = tokens.slice(i, end);
    const name = nameOf(part);
    const words = part.map((t) => t.text);
    const effect = EFFECTS.has(words[0]!) || (words[0] === 'xt' && words[1] === 'target') || words.includes('set');
    const role = effect ? 'effect' : 'match';
    statements.push({ kind: 'unmodelled', name, text: text.slice(part[0]!.start, part.at(-1)!.end), role, assumed });
    unmodelled.push({ name, role });
    i = end;
  }
  return { rule: { text, statements }, unmodelled };
}

/** Whether a statement the evaluator reads starts at token `i` (and parses there), in a part not modelled that starts at `start`. */
function startsStatement(tokens: readonly NftToken[], i: number, start: number): boolean {
  const [a, b] = [tokens[i]!, tokens[i + 1]];
  if (a.quoted) return false;
  const known =
    STATEMENT_WORDS.has(a.text) ||
    ONE_WORD_FIELDS.has(a.text) ||
    ((a.text === 'update' || a.text === 'add') && b?.text.startsWith('@') === true) ||
    (FIELD_SIDES[a.text]?.includes(b?.text ?? '') ?? false);
  // The word after an unknown selector is its key (`ct mark`, `ip protocol`), and after `set` a value: never a start.
  const keyOfSelector = i - 1 === start && TWO_WORDS.has(tokens[start]!.text);
  if (!known || keyOfSelector || tokens[i - 1]?.text === 'set') return false;
  return typeof parseStatement(new TokenCursor(tokens.slice(i))) !== 'string';
}

/** How a not-modelled part is named: its first word, with the key of a selector (`ct mark`) or an xt extension's name (`xt match policy`). */
function nameOf(part: readonly NftToken[]): string {
  const [a, b, c] = part.map((t) => t.text);
  if (a === 'xt' && b !== undefined) return `xt ${b}${c === undefined ? '' : ` ${c}`}`;
  if (TWO_WORDS.has(a!) && b !== undefined && !part[1]!.quoted) return `${a} ${b}`;
  return a!;
}

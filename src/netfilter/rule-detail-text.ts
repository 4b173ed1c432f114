import type { Lang } from '../trace/narration';
import type { RuleDetail, RuleDetailCode, RuleDetailPart } from './rule-detail';

/** One text per code, from its parameters: a language without one for every code fails to compile. */
type PartTexts = { readonly [C in RuleDetailCode]: (p: Extract<RuleDetailPart, { readonly code: C }>) => string };

interface DetailTexts {
  readonly parts: PartTexts;
  /** An iptables effect and the match that let the rule through: "KUBE-SEP-… (statistic: 0.12 < 0.33)". */
  readonly because: (effect: string, match: string) => string;
  /** Between an nft rule's notes and its end: "meta mark 0x0 -> 0x4000; accept". */
  readonly noteSeparator: string;
}

/** "10.244.2.3:8080", "[fd00:10:244:2::3]:8080": as iptables and nft print a NAT address with a port. */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
const natTo = (ip: string, port: number | null): string => (port === null ? ip : hostPort(ip, port));
const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
/** xt_statistic's comparison as the detail shows it, two decimals each side. */
const statistic = (p: { readonly draw: number; readonly probability: number }): [string, string, string] => [
  p.draw.toFixed(2),
  p.draw < p.probability ? '<' : '>=',
  p.probability.toFixed(2),
];

const EN: DetailTexts = {
  parts: {
    'match-failed': (p) => p.match,
    'protocol-differs': (p) => `${p.match} (packet is ${p.protocol})`,
    statistic: (p) => `statistic: ${statistic(p).join(' ')}`,
    'recent-recorded': (p) => `recent: recorded ${p.ip} in ${p.list}`,
    'recent-absent': (p) => `recent: ${p.ip} is not in ${p.list}`,
    'recent-expired': (p) => `recent: ${p.ip} last seen ${p.ago}s ago in ${p.list}, more than ${p.seconds}s`,
    'recent-seen': (p) => `recent: ${p.ip} seen ${p.ago}s ago in ${p.list}`,
    'mark-differs': (p) => `${p.match} (mark is ${hex(p.mark)})`,
    'ctstate-differs': (p) => `${p.match} (ctstate is ${p.ctstate.join(',') || 'none'})`,
    'addrtype-not-simulated': (p) => `-m addrtype ${p.flag} ${p.type} is not simulated`,
    'addrtype-local': (p) => `${p.match} (${p.ip} is ${p.local ? '' : 'not '}local)`,
    'physdev-differs': (p) => `${p.match} (in on ${p.inInterface || 'no interface'})`,
    'ipset-missing': (p) => `-m set --match-set ${p.set}: no such ipset on this node`,
    'ipset-membership': (p) => `${p.match} (${p.member ? 'a member' : 'not a member'})`,
    'ports-differ': (p) => `${p.match} (ports ${p.sport} -> ${p.dport})`,
    'match-not-modelled': (p) => `${p.name} is not modelled (counted as not matching)`,
    'counts-only': () => 'no target: the rule only counts the packet',
    'mark-set': (p) => `mark ${hex(p.from)} -> ${hex(p.to)}`,
    'no-such-chain': (p) => `chain ${p.chain} does not exist`,
    chain: (p) => p.chain,
    return: () => 'back to the calling chain',
    'ip6-nat-skipped': (p) => `an ip6tables ${p.target}: not applied to an IPv4 packet`,
    accept: () => 'ACCEPT',
    drop: () => 'DROP',
    reject: (p) => `REJECT with ${p.with}`,
    dnat: (p) => `--to-destination ${hostPort(p.ip, p.port)}`,
    snat: (p) => `--to-source ${natTo(p.ip, p.port)}`,
    masquerade: (p) => `MASQUERADE${p.randomFully ? ' --random-fully' : ''}`,
    'target-not-modelled': (p) => `${p.target} is not modelled: the walk goes on`,
    notrack: () => 'NOTRACK: the connection is not tracked',
    'nft-mark-set': (p) => `meta mark ${hex(p.from)} -> ${hex(p.to)}`,
    'nft-nat-other-family': (p) => `${p.nat} to ${natTo(p.ip, p.port)}: not for an ${p.family === 'ip6' ? 'IPv6' : 'IPv4'} packet`,
    'nft-not-modelled-passed': (p) => `${p.name} is not modelled: ${p.match ? 'counted as matching' : 'passed over'}`,
    'nft-matched': (p) => `${p.field} ${p.key} ${p.op} ${p.against}`,
    'nft-map-hit': (p) => `${p.field}${p.numgen ? ' =' : ''} ${p.key} in ${p.map === null ? 'the vmap' : `@${p.map}`}`,
    'nft-set-update': (p) => `${p.op} @${p.set} { ${p.key} }${p.timeout === null ? '' : ` for ${p.timeout}s`}`,
    'nft-no-field': (p) => `the packet has no ${p.field}`,
    'nft-not-matched': (p) => `${p.field} ${p.key} ${p.negated ? 'is' : 'is not'} ${p.inSet ? 'in ' : ''}${p.against}`,
    'nft-no-element': (p) => `no element ${p.key} in ${p.map === null ? 'the vmap' : `@${p.map}`}`,
    'nft-not-modelled': (p) => `${p.name} is not modelled: counted as not matching`,
    'nft-no-verdict': () => 'no verdict: the next rule follows',
    'nft-verdict': (p) => p.verdict,
    'nft-nat': (p) => `${p.nat} to ${natTo(p.ip, p.port)}`,
    'nft-masquerade': (p) => ['masquerade', ...p.flags].join(' '),
  },
  because: (effect, match) => `${effect} (${match})`,
  noteSeparator: '; ',
};

// Matches, targets, chains, addresses and nft statements stay as a node prints them; only the words around them are Chinese.
const ZH: DetailTexts = {
  parts: {
    'match-failed': (p) => p.match,
    'protocol-differs': (p) => `${p.match}（数据包是 ${p.protocol}）`,
    statistic: (p) => {
      const [draw, op, probability] = statistic(p);
      return `statistic：随机数 ${draw} ${op} 概率 ${probability}`;
    },
    'recent-recorded': (p) => `recent：把 ${p.ip} 记入 ${p.list}`,
    'recent-absent': (p) => `recent：${p.ip} 不在 ${p.list} 中`,
    'recent-expired': (p) => `recent：${p.ip} 上次记入 ${p.list} 是 ${p.ago} 秒前，超过了 ${p.seconds} 秒`,
    'recent-seen': (p) => `recent：${p.ip} 在 ${p.ago} 秒前记入 ${p.list}`,
    'mark-differs': (p) => `${p.match}（mark 为 ${hex(p.mark)}）`,
    'ctstate-differs': (p) => (p.ctstate.length ? `${p.match}（ctstate 为 ${p.ctstate.join(',')}）` : `${p.match}（没有 ctstate）`),
    'addrtype-not-simulated': (p) => `-m addrtype ${p.flag} ${p.type} 未被模拟`,
    'addrtype-local': (p) => `${p.match}（${p.ip} ${p.local ? '是' : '不是'}本机地址）`,
    'physdev-differs': (p) => (p.inInterface ? `${p.match}（从 ${p.inInterface} 进入）` : `${p.match}（没有入接口）`),
    'ipset-missing': (p) => `-m set --match-set ${p.set}：本节点没有这个 ipset`,
    'ipset-membership': (p) => `${p.match}（${p.member ? '在' : '不在'}集合中）`,
    'ports-differ': (p) => `${p.match}（端口 ${p.sport} -> ${p.dport}）`,
    'match-not-modelled': (p) => `${p.name} 未被模拟（按不匹配计）`,
    'counts-only': () => '没有目标：该规则只计数',
    'mark-set': (p) => `mark ${hex(p.from)} -> ${hex(p.to)}`,
    'no-such-chain': (p) => `链 ${p.chain} 不存在`,
    chain: (p) => p.chain,
    return: () => '回到调用它的链',
    'ip6-nat-skipped': (p) => `ip6tables 的 ${p.target}：不作用于 IPv4 数据包`,
    accept: () => 'ACCEPT',
    drop: () => 'DROP',
    reject: (p) => `REJECT，回应 ${p.with}`,
    dnat: (p) => `--to-destination ${hostPort(p.ip, p.port)}`,
    snat: (p) => `--to-source ${natTo(p.ip, p.port)}`,
    masquerade: (p) => `MASQUERADE${p.randomFully ? ' --random-fully' : ''}`,
    'target-not-modelled': (p) => `${p.target} 未被模拟：继续走下一条规则`,
    notrack: () => 'NOTRACK：该连接不被跟踪',
    'nft-mark-set': (p) => `meta mark ${hex(p.from)} -> ${hex(p.to)}`,
    'nft-nat-other-family': (p) => `${p.nat} to ${natTo(p.ip, p.port)}：不作用于 ${p.family === 'ip6' ? 'IPv6' : 'IPv4'} 数据包`,
    'nft-not-modelled-passed': (p) => `${p.name} 未被模拟：${p.match ? '按匹配计' : '跳过'}`,
    'nft-matched': (p) => (p.op === 'in' ? `${p.field} ${p.key} 在 ${p.against} 中` : `${p.field} ${p.key} ${p.op} ${p.against}`),
    'nft-map-hit': (p) => `${p.field}${p.numgen ? ' =' : ''} ${p.key} 在 ${p.map === null ? '内联 vmap' : `@${p.map}`} 中`,
    'nft-set-update': (p) => `${p.op} @${p.set} { ${p.key} }${p.timeout === null ? '' : `，保留 ${p.timeout} 秒`}`,
    'nft-no-field': (p) => `数据包没有 ${p.field}`,
    'nft-not-matched': (p) =>
      p.inSet
        ? `${p.field} ${p.key} ${p.negated ? '在' : '不在'} ${p.against} 中`
        : `${p.field} ${p.key} ${p.negated ? '是' : '不是'} ${p.against}`,
    'nft-no-element': (p) => `${p.map === null ? '内联 vmap' : `@${p.map}`} 中没有元素 ${p.key}`,
    'nft-not-modelled': (p) => `${p.name} 未被模拟：按不匹配计`,
    'nft-no-verdict': () => '没有裁决：接着匹配下一条规则',
    'nft-verdict': (p) => p.verdict,
    'nft-nat': (p) => `${p.nat} to ${natTo(p.ip, p.port)}`,
    'nft-masquerade': (p) => ['masquerade', ...p.flags].join(' '),
  },
  because: (effect, match) => `${effect}（${match}）`,
  noteSeparator: '；',
};

const TEXTS: Readonly<Record<Lang, DetailTexts>> = { en: EN, zh: ZH };

function partText(texts: DetailTexts, part: RuleDetailPart): string {
  const say = texts.parts[part.code] as (p: RuleDetailPart) => string;
  return say(part);
}

/**
 * Why a rule did what it did, in English or Chinese: the evaluators record the code and its
 * parameters, the words are the reader's. An iptables effect is followed by the match that let
 * it through, in parentheses; an nft rule's notes (the statements that ran) come first. The CLI
 * prints the English; the page passes its language.
 *
 * @example ruleDetailText({ code: 'statistic', draw: 0.83, probability: 0.5 }, 'en') // 'statistic: 0.83 >= 0.50'
 * @example ruleDetailText({ code: 'return' }, 'zh') // '回到调用它的链'
 */
export function ruleDetailText(detail: RuleDetail, lang: Lang): string {
  const texts = TEXTS[lang];
  const end = partText(texts, detail);
  if ('because' in detail && detail.because !== undefined) return texts.because(end, partText(texts, detail.because));
  if (!('notes' in detail) || detail.notes === undefined || detail.notes.length === 0) return end;
  const notes = detail.notes.map((n) => partText(texts, n));
  return (detail.code === 'nft-no-verdict' ? notes : [...notes, end]).join(texts.noteSeparator);
}

import { describe, expect, it } from 'vitest';
import {
  isPacketStep,
  presetScenario,
  ruleDetailText,
  simulate,
  type EvaluatedNftRule,
  type EvaluatedRule,
  type Lang,
  type NftNote,
  type PacketStep,
  type RuleDetail,
  type RuleDetailCode,
  type RuleDetailPart,
  type Trace,
} from '../../../src/index';

/** One detail of every code: a code added to the union without an example here fails to compile. */
const EXAMPLES: { readonly [C in RuleDetailCode]: Extract<RuleDetailPart, { readonly code: C }> } = {
  'match-failed': { code: 'match-failed', match: '! -s 10.244.0.0/16' },
  'protocol-differs': { code: 'protocol-differs', match: '-p tcp', protocol: 'udp' },
  statistic: { code: 'statistic', draw: 0.83, probability: 0.5 },
  'recent-recorded': { code: 'recent-recorded', ip: '10.244.1.2', list: 'KUBE-SEP-XT7GCFF26GVQ7U4V' },
  'recent-absent': { code: 'recent-absent', ip: '10.244.1.2', list: 'KUBE-SEP-XT7GCFF26GVQ7U4V' },
  'recent-expired': { code: 'recent-expired', ip: '10.244.1.2', list: 'KUBE-SEP-XT7GCFF26GVQ7U4V', ago: 10801, seconds: 10800 },
  'recent-seen': { code: 'recent-seen', ip: '10.244.1.2', list: 'KUBE-SEP-XT7GCFF26GVQ7U4V', ago: 1 },
  'mark-differs': { code: 'mark-differs', match: '-m mark --mark 0x4000/0x4000', mark: 0 },
  'ctstate-differs': { code: 'ctstate-differs', match: '-m conntrack --ctstate NEW', ctstate: ['ESTABLISHED', 'DNAT'] },
  'addrtype-not-simulated': { code: 'addrtype-not-simulated', flag: '--dst-type', type: 'BROADCAST' },
  'addrtype-local': { code: 'addrtype-local', match: '-m addrtype --dst-type LOCAL', ip: '10.96.0.10', local: false },
  'physdev-differs': { code: 'physdev-differs', match: '-m physdev --physdev-is-in', inInterface: 'eth0' },
  'ipset-missing': { code: 'ipset-missing', set: 'KUBE-CLUSTER-IP' },
  'ipset-membership': { code: 'ipset-membership', match: '-m set --match-set KUBE-CLUSTER-IP dst,dst', member: false },
  'ports-differ': { code: 'ports-differ', match: '-m multiport --dports 80,443', sport: 40000, dport: 8080 },
  'match-not-modelled': { code: 'match-not-modelled', name: '-m owner' },
  'counts-only': { code: 'counts-only' },
  'mark-set': { code: 'mark-set', from: 0, to: 0x4000 },
  'no-such-chain': { code: 'no-such-chain', chain: 'KUBE-NOWHERE' },
  chain: { code: 'chain', chain: 'KUBE-SERVICES' },
  return: { code: 'return' },
  'ip6-nat-skipped': { code: 'ip6-nat-skipped', target: 'DNAT' },
  accept: { code: 'accept' },
  drop: { code: 'drop' },
  reject: { code: 'reject', with: 'icmp-port-unreachable' },
  dnat: { code: 'dnat', ip: '10.244.2.3', port: 8080 },
  snat: { code: 'snat', ip: '192.168.0.11', port: null },
  masquerade: { code: 'masquerade', randomFully: true },
  'target-not-modelled': { code: 'target-not-modelled', target: '-j LOG' },
  notrack: { code: 'notrack' },
  'nft-mark-set': { code: 'nft-mark-set', from: 0, to: 0x4000 },
  'nft-nat-other-family': { code: 'nft-nat-other-family', nat: 'dnat', ip: '10.244.2.3', port: 8080, family: 'ip6' },
  'nft-not-modelled-passed': { code: 'nft-not-modelled-passed', name: 'log', match: false },
  'nft-matched': { code: 'nft-matched', field: 'ip saddr', key: '10.244.1.2', op: 'in', against: '@cluster-ips' },
  'nft-map-hit': { code: 'nft-map-hit', field: 'numgen random mod 2', key: '1', numgen: true, map: null },
  'nft-set-update': { code: 'nft-set-update', op: 'update', set: 'affinity-X', key: '10.244.1.2', timeout: 10800 },
  'nft-no-field': { code: 'nft-no-field', field: 'th dport' },
  'nft-not-matched': { code: 'nft-not-matched', field: 'oifname', key: '""', negated: false, inSet: false, against: 'eth0' },
  'nft-no-element': { code: 'nft-no-element', key: '10.96.0.10 . tcp . 81', map: 'service-ips' },
  'nft-not-modelled': { code: 'nft-not-modelled', name: 'xt match rpfilter' },
  'nft-no-verdict': { code: 'nft-no-verdict' },
  'nft-verdict': { code: 'nft-verdict', verdict: 'goto service-7CIZXSQ5-default/svc1/tcp/http' },
  'nft-nat': { code: 'nft-nat', nat: 'dnat', ip: 'fd00:10:244:2::3', port: 8080 },
  'nft-masquerade': { code: 'nft-masquerade', flags: ['fully-random'] },
};

/** Codes whose text is only what a node prints (a match, a chain, a target, an nft statement): the same in both languages. */
const TOKENS_ONLY = new Set<RuleDetailCode>([
  'match-failed',
  'mark-set',
  'chain',
  'accept',
  'drop',
  'dnat',
  'snat',
  'masquerade',
  'nft-mark-set',
  'nft-verdict',
  'nft-nat',
  'nft-masquerade',
]);

const CHINESE = /[\u4e00-\u9fff]/;

/** The statements an nft rule ran before its end: said as the notes of a rule that gave no verdict. */
const NFT_NOTES = new Set<RuleDetailCode>([
  'nft-mark-set',
  'nft-nat-other-family',
  'nft-not-modelled-passed',
  'nft-matched',
  'nft-map-hit',
  'nft-set-update',
]);
const isNftNote = (part: RuleDetailPart): part is NftNote => NFT_NOTES.has(part.code);
const asDetail = (part: RuleDetailPart): RuleDetail => (isNftNote(part) ? { code: 'nft-no-verdict', notes: [part] } : part);

describe('ruleDetailText: every detail code in both languages', () => {
  it.each(Object.values(EXAMPLES).map((d) => [d.code, d] as const))('%s has an English and a Chinese text', (code, detail) => {
    const [en, zh] = (['en', 'zh'] as Lang[]).map((lang) => ruleDetailText(asDetail(detail), lang));
    expect(en).not.toBe('');
    expect(zh).not.toBe('');
    expect(en).not.toMatch(CHINESE);
    if (TOKENS_ONLY.has(code)) expect(zh).toBe(en);
    else expect(zh).toMatch(CHINESE);
  });

  it.each([
    [EXAMPLES.statistic, 'statistic: 0.83 >= 0.50', 'statistic：随机数 0.83 >= 概率 0.50'],
    [EXAMPLES.reject, 'REJECT with icmp-port-unreachable', 'REJECT，回应 icmp-port-unreachable'],
    [
      EXAMPLES['ctstate-differs'],
      '-m conntrack --ctstate NEW (ctstate is ESTABLISHED,DNAT)',
      '-m conntrack --ctstate NEW（ctstate 为 ESTABLISHED,DNAT）',
    ],
    [
      { code: 'ctstate-differs', match: '-m conntrack --ctstate NEW', ctstate: [] },
      '-m conntrack --ctstate NEW (ctstate is none)',
      '-m conntrack --ctstate NEW（没有 ctstate）',
    ],
    [EXAMPLES['nft-nat'], 'dnat to [fd00:10:244:2::3]:8080', 'dnat to [fd00:10:244:2::3]:8080'],
    [EXAMPLES['nft-no-element'], 'no element 10.96.0.10 . tcp . 81 in @service-ips', '@service-ips 中没有元素 10.96.0.10 . tcp . 81'],
  ] as const)('keeps the tokens a node prints and translates the words around them: %j', (detail, en, zh) => {
    expect(ruleDetailText(detail, 'en')).toBe(en);
    expect(ruleDetailText(detail, 'zh')).toBe(zh);
  });
});

const packetSteps = (trace: Trace): PacketStep[] => trace.steps.filter(isPacketStep);
const both = (rule: EvaluatedRule | EvaluatedNftRule | undefined) =>
  rule && [ruleDetailText(rule.detail, 'en'), ruleDetailText(rule.detail, 'zh')];

describe('ruleDetailText on the rules a trace evaluated', () => {
  const article = simulate(presetScenario('article')!);
  const dnat = packetSteps(article).find((s) => s.kind === 'dnat')!;

  it("the article's DNAT: the statistic draw that missed, the jump to the endpoint's chain, the DNAT itself", () => {
    expect(both(dnat.rules.find((r) => r.verdict === 'no-match' && r.text.includes('-m statistic')))).toEqual([
      'statistic: 0.99 >= 0.50',
      'statistic：随机数 0.99 >= 概率 0.50',
    ]);
    expect(both(dnat.rules.find((r) => r.chain === 'PREROUTING'))).toEqual(['KUBE-SERVICES', 'KUBE-SERVICES']);
    expect(both(dnat.rules.find((r) => r.decided))).toEqual(['--to-destination 10.244.2.3:8080', '--to-destination 10.244.2.3:8080']);
  });

  it('a jump that a recent match let through names the match after the chain, in parentheses', () => {
    const trace = simulate(presetScenario('session-affinity')!);
    const second = packetSteps(trace).filter((s) => s.kind === 'dnat')[1]!;
    const [en, zh] = both(second.rules.find((r) => r.verdict === 'jump' && r.text.includes('--rcheck')))!;
    expect(en).toMatch(/^(KUBE-SEP-\w+) \(recent: 10\.244\.1\.2 seen \d+s ago in \1\)$/);
    expect(zh).toMatch(/^(KUBE-SEP-\w+)（recent：10\.244\.1\.2 在 \d+ 秒前记入 \1）$/);
  });

  it("nftables mode: the service-ips lookup that held the key, then the map's verdict", () => {
    const nft = simulate(presetScenario('article')!, { mode: 'nftables' });
    const rule = packetSteps(nft)
      .flatMap((s) => s.nftRules)
      .find((r) => r.chain === 'services' && r.verdict === 'goto');
    expect(both(rule)).toEqual([
      'ip daddr . meta l4proto . th dport 10.96.0.10 . tcp . 80 in @service-ips; goto service-7CIZXSQ5-default/svc1/tcp/http',
      'ip daddr . meta l4proto . th dport 10.96.0.10 . tcp . 80 在 @service-ips 中；goto service-7CIZXSQ5-default/svc1/tcp/http',
    ]);
  });

  it('the trace carries the details as plain data: it survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(article))).toEqual(article);
    expect(dnat.rules.find((r) => r.decided)?.detail).toEqual({ code: 'dnat', ip: '10.244.2.3', port: 8080 });
  });
});

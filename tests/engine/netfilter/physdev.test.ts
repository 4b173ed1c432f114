import { describe, expect, it } from 'vitest';
import { evaluateChain } from '../../../src/netfilter/evaluate';
import { formatIptablesSave } from '../../../src/netfilter';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { unwrap } from '../../../src/net/result';
import { context, env, packet } from './fixtures';
import { inEnglish } from '../english-detail';

// IPVS mode's externalIPRules: accept an external IP's packet that came off the wire, not in through a bridge port.
const RULES = [
  '*nat',
  ':PREROUTING ACCEPT [0:0]',
  '-A PREROUTING -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT',
  '-A PREROUTING -j DROP',
  'COMMIT',
  '',
].join('\n');

describe('-m physdev --physdev-is-in', () => {
  const rules = unwrap(parseIptablesRestore(RULES));
  const toExternalIp = packet('198.51.100.20', '192.168.0.200', 80);

  it('prints as iptables-save does', () => {
    expect(formatIptablesSave(rules)).toContain('-A PREROUTING -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT');
  });

  it('a packet in on eth0 did not come through a bridge port: ! --physdev-is-in matches', () => {
    const r = evaluateChain(rules, 'nat', 'PREROUTING', context(toExternalIp, { inInterface: 'eth0' }), env(1));
    expect(r.evaluated[0]).toMatchObject({ verdict: 'accept', decided: true });
  });

  it("a pod's packet in on cbr0 came through one of its ports: the rule does not match, and says why", () => {
    const r = evaluateChain(rules, 'nat', 'PREROUTING', context(toExternalIp, { inInterface: 'cbr0' }), env(1));
    expect(inEnglish(r.evaluated[0])).toMatchObject({ verdict: 'no-match', detail: '-m physdev ! --physdev-is-in (in on cbr0)' });
    expect(r.verdict).toBe('DROP');
  });
});

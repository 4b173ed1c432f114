import { describe, expect, it } from 'vitest';
import { cleanRuleLine } from '../../../src/node-trace/clean-rule-line';

const chains = new Set(['cali-fw-cali1', 'KUBE-SERVICES']);
const clean = (line: string) => cleanRuleLine(line, (name) => chains.has(name));

describe('cleanRuleLine', () => {
  it.each([
    {
      line: '-A INPUT -p tcp -m tcp --dport 22 -m u32 --u32 "0x0>>0x16&0x3c@0xc>>0x1a&0x3c=0x14" -j ACCEPT',
      text: '-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT',
      names: ['-m u32'],
    },
    {
      line: '-A POSTROUTING -o eth0 -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu',
      text: '-A POSTROUTING -o eth0 -p tcp -m tcp',
      names: ['-m tcp --tcp-flags'],
      target: '-j TCPMSS',
    },
    {
      line: '-A cali-POSTROUTING -o tunl0 -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE',
      text: '-A cali-POSTROUTING -o tunl0 -m addrtype ! --src-type LOCAL -m addrtype --src-type LOCAL -j MASQUERADE',
      names: ['-m addrtype --limit-iface-out'],
    },
    {
      line: '-A FORWARD -m state --state RELATED,ESTABLISHED -j ACCEPT',
      text: '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      names: [],
    },
    {
      line: '-A cali-INPUT -p ipencap -m set --match-set cali40all-hosts-net src -j ACCEPT',
      text: '-A cali-INPUT -m set --match-set cali40all-hosts-net src -j ACCEPT',
      names: ['-p ipencap'],
    },
    {
      line: '-A cali-from-wl-dispatch -i cali1 -g cali-fw-cali1',
      text: '-A cali-from-wl-dispatch -i cali1 -g cali-fw-cali1',
      names: [],
    },
    {
      line: '-A DOCKER-USER -m owner --uid-owner 1000 -j LOG --log-prefix "docker-user: "',
      text: '-A DOCKER-USER',
      names: ['-m owner'],
      target: '-j LOG',
    },
  ])('$line', ({ line, text, names, target }) => {
    const c = clean(line);
    if (typeof c === 'string') throw new Error(c);
    expect(c.text).toBe(text);
    expect(c.matches.map((m) => m.name)).toEqual(names);
    expect(c.target?.name).toBe(target);
  });

  it('keeps the words of a match it takes out, quotes and all, for the page to show', () => {
    const c = clean('-A INPUT -m u32 --u32 "0x0>>0x16=0x5" -m string --algo bm --string "GET /" -j DROP');
    expect(typeof c !== 'string' && c.matches).toEqual([
      { name: '-m u32', text: '-m u32 --u32 "0x0>>0x16=0x5"' },
      { name: '-m string', text: '-m string --algo bm --string "GET /"' },
    ]);
  });

  it.each(['Chain INPUT (policy ACCEPT)', '-A cali-FORWARD -m comment --comment "cali:unterminated', '-A -j ACCEPT', '-A X ! '])(
    'is not a rule: %s',
    (line) => {
      expect(typeof clean(line)).toBe('string');
    },
  );
});

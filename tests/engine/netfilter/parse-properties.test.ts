import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { parseRule } from '../../../src/netfilter/parse-rule';
import { ruleSaveText } from '../../../src/netfilter/rule-save-text';
import { unwrap } from '../../../src/net/result';
import { propertyParams } from '../../fast-check-params';

/** Pieces of kube-proxy rules (and a few it does not write), each a list of words. */
const OPTION = fc.constantFrom(
  ['-m', 'comment', '--comment', '"ns/svc:http cluster IP"'],
  ['-m', 'comment', '--comment', 'kubernetes service portals'],
  ['-m', 'tcp', '-p', 'tcp'],
  ['-m', 'udp', '-p', 'udp', '--dport', '53'],
  ['-p', 'tcp', '--dport', '80'],
  ['-p', 'tcp', '!', '--dport', '30000:32767'],
  ['-p', 'sctp', '--sport', '9'],
  ['-d', '172.30.0.10'],
  ['!', '-s', '10.0.0.0/8'],
  ['-s', '10.1.2.3/16'],
  ['-i', 'cbr0'],
  ['!', '-o', 'cali+'],
  ['-m', 'statistic', '--mode', 'random', '--probability', '0.5000000000'],
  ['-m', 'statistic', '--mode', 'random', '--probability', '0.3333333333'],
  ['-m', 'statistic', '--mode', 'random', '!', '--probability', '0.5000000000'],
  ['-m', 'mark', '--mark', '0x4000/0x4000'],
  ['-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED'],
  ['-m', 'addrtype', '--dst-type', 'LOCAL'],
  ['-m', 'recent', '--name', 'KUBE-SEP-A', '--rcheck', '--seconds', '10800', '--reap'],
  ['-m', 'set', '--match-set', 'KUBE-CLUSTER-IP', 'dst,dst'],
);
const TARGET = fc.constantFrom(
  [],
  ['-j', 'KUBE-B'],
  ['-j', 'KUBE-MARK-MASQ'],
  ['-g', 'KUBE-B'],
  ['-j', 'ACCEPT'],
  ['-j', 'RETURN'],
  ['-j', 'REJECT'],
  ['-j', 'DNAT', '--to-destination', '10.244.1.5:8080'],
  ['-j', 'MASQUERADE', '--random-fully'],
  ['-j', 'MARK', '--or-mark', '0x4000'],
);
/** A rule line's words: `-A CHAIN`, up to four options, a target. */
const WORDS = fc
  .tuple(fc.constantFrom('KUBE-A', 'KUBE-B'), fc.array(OPTION, { maxLength: 4 }), TARGET)
  .map(([chain, options, target]) => ['-A', chain, ...options.flat(), ...target]);
/** What iptables-restore accepts between words. */
const BLANKS = fc.constantFrom(' ', '  ', '\t', ' \t ', '\r ');

/** The rule as parsed on its own, or its error. */
const alone = (line: string) => {
  const r = parseRule(line);
  return r.ok ? { rule: r.value, save: ruleSaveText(r.value) } : r.error;
};

describe('reading rule lines', () => {
  it('reads the same rule whatever blanks separate its words', () => {
    fc.assert(
      fc.property(WORDS, fc.array(BLANKS, { minLength: 30, maxLength: 30 }), (words, blanks) => {
        const spaced = words.join(' ');
        const mixed = words.map((w, i) => (i === 0 ? w : `${blanks[i % blanks.length]}${w}`)).join('');
        const a = alone(spaced);
        const b = alone(mixed);
        if (typeof a === 'string' || typeof b === 'string') expect(b).toEqual(a);
        else expect({ ...b.rule, restoreText: '' }).toEqual({ ...a.rule, restoreText: '' });
      }),
      propertyParams(300),
    );
  });

  it('reads each rule of a ruleset as it reads that line on its own (rules that share matches and targets stay equal to their text)', () => {
    fc.assert(
      fc.property(fc.array(WORDS, { minLength: 1, maxLength: 12 }), (rules) => {
        // All in KUBE-A, whose targets (KUBE-B, KUBE-MARK-MASQ) make no jump loop.
        const lines = rules.map((w) => ['-A', 'KUBE-A', ...w.slice(2)].join(' ')).filter((l) => typeof alone(l) !== 'string');
        const text = ['*nat', ':KUBE-A - [0:0]', ':KUBE-B - [0:0]', ':KUBE-MARK-MASQ - [0:0]', ...lines, 'COMMIT', ''].join('\n');
        const parsed = unwrap(parseIptablesRestore(text)).tables[0]!.ruleOrder;
        expect(parsed.map((r) => ({ rule: r, save: ruleSaveText(r) }))).toEqual(lines.map(alone));
      }),
      propertyParams(200),
    );
  });

  it('prints every rule back in a form that reads as the same rule', () => {
    fc.assert(
      fc.property(WORDS, (words) => {
        const first = alone(words.join(' '));
        fc.pre(typeof first !== 'string');
        if (typeof first === 'string') return;
        const again = alone(first.save);
        expect(typeof again === 'string' ? again : again.save).toBe(first.save);
      }),
      propertyParams(300),
    );
  });
});

import { numberToIpv4 } from '../net/ipv4';
import type { Match, PortMatch } from './match-types';
import { formatMultiport } from './multiport';
import type { InterfaceMatch, Rule } from './ruleset';
import type { Target } from './target-types';

/**
 * Prints a rule the way `iptables-save` (1.8.9) reads it back from the kernel:
 * `-s`, `-d`, `-i`, `-o`, `-p` first (print_rule4 / nft's save_ipv4_addr order), each
 * with `!` before it, addresses with their prefix (`/32`), then each `-m` match in
 * rule order as its libxt_*.c `save` function prints it, then the target in the
 * kernel's normalised form (`--set-xmark`, `--reject-with icmp-port-unreachable`).
 */
export function formatRuleSave(rule: Omit<Rule, 'restoreText'>): string {
  // Concatenated, not an array joined: a packet through 10,000 Services formats 10,000 rules.
  let out = `-A ${rule.chain}`;
  if (rule.source !== null) out += ` ${rule.source.saveText}`;
  if (rule.destination !== null) out += ` ${rule.destination.saveText}`;
  if (rule.inInterface !== null) out += ` ${iface('-i', rule.inInterface)}`;
  if (rule.outInterface !== null) out += ` ${iface('-o', rule.outInterface)}`;
  // Protocol 0 ("all") is not printed unless negated, as iptables-save does.
  if (rule.protocol !== null && !(rule.protocol.name === 'all' && !rule.protocol.negated)) {
    out += ` ${neg(rule.protocol.negated)}-p ${rule.protocol.name}`;
  }
  for (const m of rule.matches) out += ` ${formatMatchSave(m)}`;
  const target = formatTargetSave(rule.target);
  return target === '' ? out : `${out} ${target}`;
}

function neg(negated: boolean): string {
  return negated ? '! ' : '';
}

export function iface(flag: string, i: InterfaceMatch): string {
  return `${neg(i.negated)}${flag} ${i.name}${i.wildcard ? '+' : ''}`;
}

function port(flag: string, p: PortMatch): string {
  return `${neg(p.negated)}${flag} ${p.from === p.to ? p.from : `${p.from}:${p.to}`}`;
}

/** "0x4000": marks print as lower-case hex (libxt_mark.c print_mark). */
export function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

/** xtables_save_string: always double-quoted, with `"` and `\` escaped. */
function quoted(text: string): string {
  if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) return `"${text}"`;
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * The probability iptables-save prints: libxt_statistic keeps lround(p * 2^31) and
 * prints it back with "%.11f" (so 1/3 reads 0.33333333349).
 */
export function formatSavedProbability(threshold: number): string {
  return (threshold / 0x80000000).toFixed(11);
}

/** One `-m` match in iptables-save form ("-m tcp --dport 80"). */
export function formatMatchSave(m: Match): string {
  switch (m.kind) {
    case 'comment':
      return `-m comment --comment ${quoted(m.comment)}`;
    case 'ports': {
      let out = `-m ${m.module}`;
      if (m.sport !== null) out += ` ${port('--sport', m.sport)}`;
      if (m.dport !== null) out += ` ${port('--dport', m.dport)}`;
      return out;
    }
    case 'statistic':
      return `-m statistic --mode random ${neg(m.negated)}--probability ${formatSavedProbability(m.threshold)}`;
    case 'recent': {
      // libxt_recent.c recent_save: mode, --seconds, --reap, --name, --mask, side.
      const out = [`-m recent ${neg(m.negated)}--${m.mode}`];
      if (m.seconds !== null) out.push(`--seconds ${m.seconds}`);
      if (m.reap) out.push('--reap');
      out.push(`--name ${m.name}`, `--mask ${numberToIpv4(m.mask)}`, m.side === 'source' ? '--rsource' : '--rdest');
      return out.join(' ');
    }
    case 'mark':
      return `-m mark ${neg(m.negated)}--mark ${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'conntrack':
      return `-m conntrack ${neg(m.negated)}--ctstate ${m.states.join(',')}`;
    case 'addrtype': {
      const out = ['-m addrtype'];
      if (m.src !== null) out.push(`${neg(m.src.negated)}--src-type ${m.src.type}`);
      if (m.dst !== null) out.push(`${neg(m.dst.negated)}--dst-type ${m.dst.type}`);
      return out.join(' ');
    }
    case 'physdev':
      return `-m physdev ${neg(m.negated)}--physdev-is-in`;
    case 'nfacct':
      // Two spaces, as a node prints it: libxt_nfacct's save prints " --nfacct-name " and then
      // xtables_save_string, which starts with its own space (seen on iptables 1.8.9).
      return `-m nfacct --nfacct-name  ${m.name}`;
    case 'set':
      return `-m set ${neg(m.negated)}--match-set ${m.name} ${m.flags}`;
    case 'multiport':
      return formatMultiport(m);
    case 'unmodelled':
      return m.text;
  }
}

/** The target in iptables-save form; '' for a rule without one. */
export function formatTargetSave(t: Target): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'accept':
      return '-j ACCEPT';
    case 'drop':
      return '-j DROP';
    case 'return':
      return '-j RETURN';
    case 'jump':
      return `-j ${t.chain}`;
    case 'goto':
      return `-g ${t.chain}`;
    case 'reject':
      return `-j REJECT --reject-with ${t.rejectWith}`;
    case 'dnat':
      return `-j DNAT --to-destination ${natAddress(t.ip, t.port)}${t.randomFully ? ' --random-fully' : ''}`;
    case 'dnat6':
      return `-j DNAT --to-destination ${t.port === null ? t.ip : `[${t.ip}]:${t.port}`}`;
    case 'snat6':
      return `-j SNAT --to-source ${t.port === null ? t.ip : `[${t.ip}]:${t.port}`}`;
    case 'snat':
      return `-j SNAT --to-source ${natAddress(t.ip, t.port)}${t.randomFully ? ' --random-fully' : ''}`;
    case 'masquerade': {
      const out = ['-j MASQUERADE'];
      if (t.toPorts !== null) out.push(`--to-ports ${t.toPorts}`);
      if (t.random) out.push('--random');
      if (t.randomFully) out.push('--random-fully');
      return out.join(' ');
    }
    case 'mark':
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
  }
}

function natAddress(ip: string, p: number | null): string {
  return p === null ? ip : `${ip}:${p}`;
}

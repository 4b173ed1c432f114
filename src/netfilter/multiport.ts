import { err, ok, type Result } from '../net/result';
import type { MultiportMatch } from './match-types';
import { parsePort } from './parse-values';

/** The packet's ports a multiport match reads. */
interface Ports {
  readonly srcPort: number;
  readonly dstPort: number;
}

const OPTION_SIDE: Readonly<Record<string, MultiportMatch['side']>> = {
  '--dports': 'dst',
  '--destination-ports': 'dst',
  '--sports': 'src',
  '--source-ports': 'src',
  '--ports': 'both',
};

/** The option names `-m multiport` accepts (libxt_multiport.c, revision 1). */
export const MULTIPORT_OPTIONS: readonly string[] = Object.keys(OPTION_SIDE);

/**
 * `-m multiport [!] --dports|--sports|--ports LIST`: up to 15 ports, a range (`a:b`) counting
 * as two (XT_MULTI_PORTS). CNIs write it (Calico's policy ports); kube-proxy never does.
 *
 * @example parseMultiport('--dports', '53,8000:8080', false) // ok: { side: 'dst', ranges: [[53,53],[8000,8080]] }
 */
export function parseMultiport(option: string, list: string, negated: boolean): Result<MultiportMatch> {
  const side = OPTION_SIDE[option];
  if (side === undefined) return err(`-m multiport: unknown option "${option}"`);
  const ranges: { from: number; to: number }[] = [];
  let slots = 0;
  for (const item of list.split(',')) {
    const p = parsePort(item, false);
    if (!p.ok) return err(`-m multiport: ${p.error}`);
    ranges.push({ from: p.value.from, to: p.value.to });
    slots += p.value.from === p.value.to ? 1 : 2;
  }
  if (slots > 15) return err('-m multiport: too many ports specified (at most 15, a range counts as two)');
  return ok({ kind: 'multiport', negated, side, list, ranges });
}

/** xt_multiport.c ports_match_v1: any range holding the port (either port for --ports), inverted by `!`. */
export function multiportMatches(m: MultiportMatch, packet: Ports): boolean {
  const hit = m.ranges.some(
    (r) =>
      (m.side !== 'src' && r.from <= packet.dstPort && packet.dstPort <= r.to) ||
      (m.side !== 'dst' && r.from <= packet.srcPort && packet.srcPort <= r.to),
  );
  return hit !== m.negated;
}

/** As libxt_multiport's save (revision 1) prints it: `-m multiport ! --dports 80,443`. */
export function formatMultiport(m: MultiportMatch): string {
  const option = m.side === 'dst' ? '--dports' : m.side === 'src' ? '--sports' : '--ports';
  return `-m multiport ${m.negated ? '! ' : ''}${option} ${m.list}`;
}

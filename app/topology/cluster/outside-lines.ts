import type { ClusterStrings } from '../../i18n/cluster-strings';
import type { OutsideItem, ServiceExposure } from './model';
import { textWidth } from './text-width';

/** A run of text in a box's line: bold for names, muted for addresses, ok/bad for a health check's 200/503. */
export interface Span {
  readonly text: string;
  readonly tone?: 'muted' | 'ok' | 'bad';
  readonly bold?: boolean;
}
export type Line = readonly Span[];

/** The first line of a box is at 13 px, the others at 12, 16 apart. */
export const FIRST_SIZE = 13;
export const LINE_SIZE = 12;
export const LINE_H = 16;

/**
 * What a box outside the cluster says, line by line: a client's name and IP; the
 * router; the load balancer's ingress IPs, the source ranges it allows and each
 * node's answer to its health check (200 with a ready local endpoint, 503 without).
 */
export function outsideLines(item: OutsideItem, strings: ClusterStrings): Line[] {
  if (item.kind === 'client') return [[{ text: item.name, bold: true }], [{ text: item.ip, tone: 'muted' }]];
  if (item.kind === 'router') return [[{ text: strings.router, bold: true }]];
  const lines: Line[] = [
    [{ text: strings.loadBalancer, bold: true }, ...(item.ips.length ? [{ text: ` ${item.ips.join(', ')}`, tone: 'muted' as const }] : [])],
  ];
  if (item.ranges.length) lines.push([{ text: `${strings.allows} ${item.ranges.join(', ')}` }]);
  for (const h of item.health)
    lines.push([
      { text: `${strings.healthCheck} :${h.port}` },
      ...h.checks.map((c): Span => ({ text: ` ${c.node} ${c.status}`, tone: c.status === 200 ? 'ok' : 'bad', bold: true })),
    ]);
  return lines;
}

/**
 * How a Service is reached from outside, for its box: its load balancer IPs, node
 * ports and external IPs on one line, its traffic policies on the next
 * ("NodePort 30000", "external policy Local").
 */
export function exposureLines(e: ServiceExposure, strings: ClusterStrings): Line[] {
  const ways = [
    ...(e.type === 'LoadBalancer' ? [`LoadBalancer ${e.loadBalancerIPs.join(', ')}`.trim()] : []),
    ...(e.nodePorts.length ? [`NodePort ${e.nodePorts.join(', ')}`] : []),
    ...(e.externalIPs.length ? [`externalIPs ${e.externalIPs.join(', ')}`] : []),
  ];
  const policies = [`${strings.externalPolicy} ${e.externalTrafficPolicy}`];
  if (e.internalTrafficPolicy === 'Local') policies.push(`${strings.internalPolicy} ${e.internalTrafficPolicy}`);
  return [[{ text: ways.join(' · ') }], [{ text: policies.join(' · '), tone: 'muted' }]];
}

/** Bold Helvetica runs up to 12% wider than textWidth's regular widths (see text-box.ts). */
const BOLD = 1.12;

/** A line's width as drawn at its size. */
export function lineWidth(line: Line, size: number): number {
  return line.reduce((w, s) => w + textWidth(s.text, size) * (s.bold ? BOLD : 1), 0);
}

/** The widest of the lines in every language, so a box fits its text whichever the reader picks. */
export function widestLine(
  linesIn: (strings: ClusterStrings) => Line[],
  languages: readonly ClusterStrings[],
  firstSize = FIRST_SIZE,
): number {
  return Math.max(0, ...languages.flatMap((s) => linesIn(s).map((l, i) => lineWidth(l, i === 0 ? firstSize : LINE_SIZE))));
}

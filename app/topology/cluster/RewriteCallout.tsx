import type { ClusterStrings } from '../../i18n/cluster-strings';
import type { Rewrite } from './rewrite';
import { PALETTE } from './palette';
import { textWidth } from './text-width';

const SIZE = 12.5;
const LINE = 18;
const ARROW = '  →  ';

/**
 * The rewrite a step makes, next to the packet: the old address struck
 * through and the new one, as the article's header card shows DNAT
 * ("dst 10.96.0.10:80 → 10.244.2.3:8080"). Drawn from the step's packets.
 * `side` puts it left of the packet near the canvas's right edge. `heading`
 * names who rewrote it when that is not a nat rule ("IPVS (rr)").
 */
export function RewriteCallout({ rewrites, side, strings, heading }: { rewrites: readonly Rewrite[]; side: 'left' | 'right'; strings: ClusterStrings; heading?: string }) {
  const lines = rewrites.map((r) => ({ ...r, label: `${strings.rewrite[r.field]} ` }));
  const top = heading ? LINE : 0;
  const width = Math.max(heading ? textWidth(heading, SIZE) : 0, ...lines.map((l) => textWidth(l.label + l.from + ARROW + l.to, SIZE))) + 20;
  const height = lines.length * LINE + 10 + top;
  const x = side === 'right' ? 18 : -18 - width;
  const y = -14 - height;
  return (
    <g data-id="rewrite-callout" transform={`translate(${x},${y})`}>
      <rect width={width} height={height} rx={4} fill="#ffffff" stroke={PALETTE.packetStroke} strokeWidth={1.25} />
      {heading && (
        <text data-id="rewrite-heading" x={10} y={18} fontSize={SIZE} fontWeight={700} fill={PALETTE.ipvs}>
          {heading}
        </text>
      )}
      {lines.map((l, i) => {
        const baseline = 5 + top + LINE * i + 13;
        const oldX = 10 + textWidth(l.label, SIZE);
        const oldW = textWidth(l.from, SIZE);
        return (
          <g key={l.field} data-id={`rewrite:${l.field}`}>
            <text x={10} y={baseline} fontSize={SIZE} fill={PALETTE.ink}>
              <tspan fill={PALETTE.muted}>{l.label}</tspan>
              <tspan data-id="rewrite-old" textDecoration="line-through" fill={PALETTE.muted}>
                {l.from}
              </tspan>
              <tspan>{ARROW}</tspan>
              <tspan data-id="rewrite-new" fontWeight={700}>
                {l.to}
              </tspan>
            </text>
            {/* The strike as a line too: SVG text-decoration is not drawn by every renderer. */}
            <line x1={oldX - 1} x2={oldX + oldW + 1} y1={baseline - 4} y2={baseline - 4} stroke={PALETTE.struck} strokeWidth={1.5} />
          </g>
        );
      })}
    </g>
  );
}

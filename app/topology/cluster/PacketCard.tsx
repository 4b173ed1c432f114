import type { Box, Point } from './geometry';
import { CARD_LINE, CARD_PAD_X, CARD_PAD_Y, CARD_SIZE, type CardLine, type PacketCardContent } from './packet-card';
import { PALETTE } from './palette';
import { textWidth } from './text-width';

/** Where a line from the dot meets the card: the card's nearest point. */
const nearest = ([x, y]: Point, b: Box): Point => [Math.min(Math.max(x, b.x), b.x + b.w), Math.min(Math.max(y, b.y), b.y + b.h)];

function AddressLine({ line, baseline }: { line: CardLine; baseline: number }) {
  const valueX = CARD_PAD_X + textWidth(`${line.label} `, CARD_SIZE);
  return (
    <>
      <text x={CARD_PAD_X} y={baseline} fontSize={CARD_SIZE} fill={line.role === 'old' ? PALETTE.muted : PALETTE.ink}>
        <tspan fill={PALETTE.muted}>{`${line.label} `}</tspan>
        <tspan
          data-id={line.role === 'kept' ? undefined : `rewrite-${line.role}`}
          fontWeight={line.role === 'new' ? 700 : undefined}
          textDecoration={line.role === 'old' ? 'line-through' : undefined}
        >
          {line.value}
        </tspan>
      </text>
      {/* The strike as a line too: SVG text-decoration is not drawn by every renderer. */}
      {line.role === 'old' && (
        <line
          x1={valueX - 1}
          x2={valueX + textWidth(line.value, CARD_SIZE) + 1}
          y1={baseline - 4}
          y2={baseline - 4}
          stroke={PALETTE.struck}
          strokeWidth={1.5}
        />
      )}
    </>
  );
}

/**
 * The card beside the packet: its name, then its source and destination as
 * `ip:port`; on a rewrite the old value struck through with the new one under
 * it, as the article's header card shows DNAT. `box` is in canvas
 * coordinates, `at` is the dot; a card set away from the dot is joined to it
 * by a thin line.
 */
export function PacketCard({ content, box: b, at, leader }: { content: PacketCardContent; box: Box; at: Point; leader: boolean }) {
  const lineY = (i: number) => b.y + CARD_PAD_Y + CARD_LINE * i + 11;
  const [ex, ey] = nearest(at, b);
  return (
    <g data-id="packet-card" data-x={Math.round(b.x)} data-y={Math.round(b.y)}>
      {leader && (
        <line
          data-id="packet-card-leader"
          x1={at[0]}
          y1={at[1]}
          x2={ex}
          y2={ey}
          stroke={PALETTE.packetStroke}
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
      )}
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={4} fill={PALETTE.card} stroke={PALETTE.packetStroke} strokeWidth={1.25} />
      <text data-id="packet-card-title" x={b.x + CARD_PAD_X} y={lineY(0)} fontSize={CARD_SIZE} fontWeight={700} fill={PALETTE.packetStroke}>
        {content.title}
        {content.heading && (
          <>
            {' · '}
            <tspan data-id="rewrite-heading" fill={PALETTE.ipvs}>
              {content.heading}
            </tspan>
          </>
        )}
      </text>
      {(['src', 'dst'] as const).map((field) => {
        const group = content.lines.flatMap((l, i) => (l.field === field ? [[l, i] as const] : []));
        const rewritten = group.some(([l]) => l.role !== 'kept');
        if (group.length === 0) return null;
        return (
          <g key={field} data-id={rewritten ? `rewrite:${field}` : `packet-card:${field}`} transform={`translate(${b.x},0)`}>
            {group.map(([l, i]) => (
              <AddressLine key={l.role} line={l} baseline={lineY(1 + i)} />
            ))}
          </g>
        );
      })}
    </g>
  );
}

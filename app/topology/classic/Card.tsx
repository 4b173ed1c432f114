import type { Figure } from '../../../src/index';
import type { CardLine } from './card-lines';
import { CARD, COLORS, FONT } from './geometry';
import { textWidth } from './text-width';

/**
 * Where the strike-through sits above the baseline. The two GIFs were exported
 * differently and do not agree (seed-gifs.md, corrections): mid-x-height in
 * Pod-to-Service, 5 px lower in Service-to-Pod.
 */
const STRIKE_RISE: Readonly<Record<Figure, number>> = { 'pod-to-service': 9.5, 'service-to-pod': 4.5 };

/** The baseline of line `i` of `count`: the block is centred, 28 px apart. */
export function cardBaseline(i: number, count: number): number {
  return CARD.centre + (i - (count - 1) / 2) * CARD.pitch;
}

/** The packet-header card: a dog-eared note cut by the left edge, one line per header field. */
export function Card({ lines, figure }: { lines: readonly CardLine[]; figure: Figure }) {
  return (
    <g data-id="classic-card">
      <path d={CARD.outline} fill={COLORS.paper} stroke={COLORS.ink} />
      <path d={CARD.fold} fill="none" stroke={COLORS.ink} />
      {lines.map((line, i) => {
        const y = cardBaseline(i, lines.length);
        // The GIF's <strike> runs from the card's edge to about a pixel past the text.
        const end = Math.round(CARD.textX + textWidth(line.text, FONT.size));
        const sy = y - STRIKE_RISE[figure];
        return (
          <g key={`${i}-${line.text}`} data-struck={line.struck || undefined}>
            <text x={CARD.textX} y={y}>
              {line.text}
            </text>
            {line.struck ? <path data-id="classic-strike" d={`M${CARD.strikeX},${sy} H${end}`} stroke={COLORS.ink} /> : null}
          </g>
        );
      })}
    </g>
  );
}

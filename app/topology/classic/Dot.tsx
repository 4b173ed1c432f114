import { COLORS, DOT, type Point } from './geometry';

/** The packet: draw.io's red ellipse, its step number right-aligned to its left. */
export function Dot({ at, n }: { at: Point; n: number }) {
  return (
    <g data-id="classic-dot" data-n={n}>
      <circle cx={at.x} cy={at.y} r={DOT.r} fill={COLORS.dotFill} stroke={COLORS.dotStroke} />
      <text x={at.x + DOT.labelDx} y={at.y + DOT.labelDy} textAnchor="end" stroke="none">
        {n}
      </text>
    </g>
  );
}

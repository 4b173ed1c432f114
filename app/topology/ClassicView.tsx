import type { JSX } from 'react';
import type { Figure, Trace } from '../../src/index';
import { describePicture, pictureTitle } from './classic/describe';
import { CANVAS, COLORS, FONT } from './classic/geometry';
import { classicPicture } from './classic/picture';
import { StaticLayer } from './classic/StaticLayer';
import { StepLayer } from './classic/StepLayer';

export interface ClassicViewProps {
  readonly trace: Trace;
  readonly figure: Figure;
  /** The article's step number: 1..5 for Pod-to-Service, 1..4 for Service-to-Pod. */
  readonly n: number;
}

/**
 * The figure's size: the GIFs' own 1012x702 CSS px when that fits, else scaled
 * down uniformly to the nearest size container (`container-type: size`, as
 * ClassicPane's frame is; without one, the viewport). Container units keep it
 * in CSS: no measuring, no re-render on resize, and exactly 1:1 whenever the
 * box is large enough, which the pixel comparison with the article relies on.
 */
const FIT_STYLE = {
  display: 'block',
  width: `min(${CANVAS.w}px, 100cqw, 100cqh * ${CANVAS.w} / ${CANVAS.h})`,
  height: 'auto',
  aspectRatio: `${CANVAS.w} / ${CANVAS.h}`,
  maxWidth: 'none',
  background: COLORS.paper,
} as const;

/**
 * The article's figure at one step, redrawn at the GIFs' own size (1012x702)
 * from the trace, scaled down to fit when the box is smaller: a still picture,
 * as each GIF frame is (the player changes `n` once a second). When the trace
 * does not fit the figure it renders ClassicUnavailable; callers that want
 * their own message check `classicSteps(trace)` first.
 */
export function ClassicView({ trace, figure, n }: ClassicViewProps): JSX.Element {
  const picture = classicPicture(trace, figure, n);
  if (!picture) return <ClassicUnavailable />;
  const label = describePicture(picture);
  return (
    <svg
      data-id="classic-view"
      data-figure={figure}
      data-n={n}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CANVAS.w} ${CANVAS.h}`}
      width={CANVAS.w}
      height={CANVAS.h}
      role="img"
      aria-label={label}
      fontFamily={FONT.family}
      fontSize={FONT.size}
      strokeWidth={2}
      fill={COLORS.ink}
      style={FIT_STYLE}
    >
      <title>{pictureTitle(picture)}</title>
      <rect width={CANVAS.w} height={CANVAS.h} fill={COLORS.paper} />
      <StaticLayer picture={picture} />
      <StepLayer picture={picture} />
    </svg>
  );
}

/** Shown instead of the picture when the trace's topology does not fit the article's figure. */
export function ClassicUnavailable(): JSX.Element {
  return (
    <p role="status" data-id="classic-unavailable">
      This scenario's topology does not fit the article's figure.
    </p>
  );
}

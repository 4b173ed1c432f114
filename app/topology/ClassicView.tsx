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
 * The article's figure at one step, redrawn at the GIFs' own size (1012x702)
 * from the trace: a still picture, as each GIF frame is (the player changes `n`
 * once a second). When the trace does not fit the figure it renders
 * ClassicUnavailable; callers that want their own message check
 * `classicSteps(trace)` first.
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
      // Exactly 1012x702 CSS px, whatever the page's CSS does to svgs.
      style={{ display: 'block', width: CANVAS.w, height: CANVAS.h, maxWidth: 'none', background: COLORS.paper }}
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

import { createStore } from 'zustand/vanilla';
import { StoreProvider } from '../store/StoreProvider';
import { classicStepsOf } from '../store/classic-navigation';
import type { AppState } from '../store/types';
import { FIGURE_STEPS } from '../topology/classic/classic-steps';
import { clusterLayoutOf } from '../topology/cluster/cluster-layout-of';
import { NO_PAN_ZOOM } from '../topology/cluster/fit-transform';
import { levelOfDetail } from '../topology/cluster/level-of-detail';
import { PacketLayer } from '../topology/cluster/PacketLayer';
import { FONT } from '../topology/cluster/palette';
import { REST } from '../topology/cluster/resting-point';
import { StaticLayer } from '../topology/cluster/StaticLayer';
import type { ExportTarget } from './export-target';
import { createOffscreen } from './offscreen';
import { standaloneSvg } from './standalone-svg';

/** The article's GIFs show each picture for a second; the other views' GIFs keep that pace. */
export const FRAME_DELAY_MS = 1000;

/** The frames of an animation, each drawn on demand as a standalone SVG. */
export interface FramePlan {
  readonly frames: number;
  readonly svgAt: (i: number) => Promise<string>;
  readonly dispose: () => void;
}

/** A range of trace steps, 0-based and inclusive. */
export interface StepRange {
  readonly from: number;
  readonly to: number;
}

/** The pictures the classic view's GIF shows: every step of the figure on screen, as the article's GIF does. */
export function classicFrames(state: AppState): { figure: 'pod-to-service' | 'service-to-pod'; frames: number } | null {
  const pictures = classicStepsOf(state.trace);
  if (!pictures) return null;
  let at = pictures[0]!;
  for (const p of pictures) if (p.stepIndex <= state.cursor.step) at = p;
  return { figure: at.figure, frames: FIGURE_STEPS[at.figure] };
}

/**
 * Plans the frames of the view on screen: the article figure's pictures 1..n (drawn by
 * ClassicView), or the cluster view's steps `range` at rest with the pan and zoom on screen
 * (drawn by its layers under a copy of the store at each step). Each is drawn off screen from
 * the same components, so the view does not move, and nothing is derived here: the trace says.
 */
export async function planFrames(target: ExportTarget, state: AppState, range: StepRange): Promise<FramePlan> {
  const offscreen = createOffscreen(target.width, target.height);
  const serialise = (svg: SVGSVGElement) => standaloneSvg(svg, target);
  if (target.view === 'classic') {
    const figure = classicFrames(state);
    const { ClassicView } = await import('../topology/ClassicView');
    return {
      frames: figure?.frames ?? 0,
      svgAt: async (i) => serialise(offscreen.render(<ClassicView trace={state.trace} figure={figure!.figure} n={i + 1} />)),
      dispose: offscreen.dispose,
    };
  }
  const t = target.panZoom ?? NO_PAN_ZOOM;
  const view = { width: target.width, height: target.height };
  // Events change the cluster's drawing (its epochs): what is in sight is worked out per step.
  const detailAt = (step: number) => levelOfDetail(clusterLayoutOf(state.trace, step), t, view);
  const atStep = (step: number) => createStore<AppState>()(() => ({ ...state, cursor: { step, t: REST } }));
  return {
    frames: range.to - range.from + 1,
    svgAt: async (i) =>
      serialise(
        offscreen.render(
          <StoreProvider store={atStep(range.from + i)}>
            <svg data-id="cluster-view" xmlns="http://www.w3.org/2000/svg" fontFamily={FONT}>
              <g data-id="viewport">
                <StaticLayer detail={detailAt(range.from + i)} />
                <PacketLayer />
              </g>
            </svg>
          </StoreProvider>,
        ),
      ),
    dispose: offscreen.dispose,
  };
}

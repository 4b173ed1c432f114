import { useEffect, useState } from 'react';
import type { Size } from './follow';
import { levelOfDetail, type LevelOfDetail } from './level-of-detail';
import type { ClusterLayout } from './model';
import type { ViewTransform } from './pan-zoom';
import { NODES_PER_FRAME, towardsDetail } from './progressive-detail';

interface Staged {
  /** What the view asks for. */
  readonly target: LevelOfDetail;
  /** What is drawn: the target, or a step on the way to it. */
  readonly shown: LevelOfDetail;
}

/**
 * The level of detail to draw, the same object for as long as the choice stays the
 * same: a pan that brings no node nearer or farther re-renders no node. When a pan
 * or zoom brings nodes to full detail, a few come per animation frame (see
 * progressive-detail.ts) so that no frame lays out dozens of them; the first drawing
 * is in full at once. The nodes the step touches are drawn in full whatever this says.
 */
export function useLevelOfDetail(layout: ClusterLayout, t: ViewTransform, view: Size): LevelOfDetail {
  const next = levelOfDetail(layout, t, view);
  const [staged, setStaged] = useState<Staged>(() => ({ target: next, shown: next }));
  let current = staged;
  if (next.key !== staged.target.key) {
    // React's pattern for state derived from a previous render: set during render, re-rendered at once.
    current = { target: next, shown: towardsDetail(staged.shown, next, perFrame()) };
    setStaged(current);
  }
  useEffect(() => {
    if (staged.shown === staged.target) return;
    const frame = requestAnimationFrame(() =>
      setStaged((s) => (s.target === staged.target ? { target: s.target, shown: towardsDetail(s.shown, s.target, NODES_PER_FRAME) } : s)),
    );
    return () => cancelAnimationFrame(frame);
  }, [staged]);
  return current.shown;
}

/** Nodes brought to full detail per frame; all at once without animation frames (jsdom, in component tests). */
const perFrame = (): number => (typeof requestAnimationFrame === 'function' ? NODES_PER_FRAME : Infinity);

import { useState } from 'react';
import type { Size } from './follow';
import { levelOfDetail, type LevelOfDetail } from './level-of-detail';
import type { ClusterLayout } from './model';
import type { ViewTransform } from './pan-zoom';

/**
 * The level of detail for the view as it is now, the same object for as long
 * as the choice stays the same: a pan that brings no node nearer or farther
 * re-renders no node.
 */
export function useLevelOfDetail(layout: ClusterLayout, t: ViewTransform, view: Size): LevelOfDetail {
  const next = levelOfDetail(layout, t, view);
  const [kept, keep] = useState(next);
  // React's pattern for state derived from a previous render: set during render, re-rendered at once.
  if (next.key !== kept.key) keep(next);
  return next.key === kept.key ? kept : next;
}

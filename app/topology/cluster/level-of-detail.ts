import type { Size } from './follow';
import { overlaps, type Box } from './geometry';
import type { ClusterLayout } from './model';
import type { ViewTransform } from './pan-zoom';

/** Below this scale a 12-unit label is under 4.2 px on screen: what is not on the step's path is drawn as boxes alone. */
export const DETAIL_SCALE = 0.35;

/**
 * Which nodes and Services are drawn in full: those in sight or within half a
 * view of it, at a scale where their labels can be read. The others are drawn
 * as their outlines only (a node's box, name and pods; a Service's box), which
 * keeps a 100-node cluster's drawing small enough to lay out and paint in a
 * frame. `key` names the choice, so that the same choice keeps its identity.
 */
export interface LevelOfDetail {
  readonly nodes: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly key: string;
}

/** The canvas box in sight under a transform, grown by half the view on every side. */
export function reachOf(t: ViewTransform, view: Size): Box {
  const w = view.width / t.k;
  const h = view.height / t.k;
  return { x: -t.x / t.k - w / 2, y: -t.y / t.k - h / 2, w: 2 * w, h: 2 * h };
}

export function levelOfDetail(layout: ClusterLayout, t: ViewTransform, view: Size): LevelOfDetail {
  if (t.k < DETAIL_SCALE) return { nodes: new Set(), services: new Set(), key: '' };
  const reach = reachOf(t, view);
  const nodes = layout.nodes.filter((n) => overlaps(n.box, reach)).map((n) => n.name);
  const services = layout.services.filter((s) => overlaps(s.box, reach)).map((s) => s.key);
  return { nodes: new Set(nodes), services: new Set(services), key: `${nodes.join(' ')}|${services.join(' ')}` };
}

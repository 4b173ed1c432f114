import type { Size } from './follow';
import { centre, overlaps, type Box, type Point } from './geometry';
import type { ClusterLayout, NodeLayout } from './model';
import type { ViewTransform } from './pan-zoom';

/** Below this scale a 12-unit label is under 4.2 px on screen: what is not on the step's path is drawn as outlines alone. */
export const DETAIL_SCALE = 0.35;

/**
 * What of the cluster is drawn: the nodes and Services in sight or within
 * half a view of it (the others are not drawn at all), in full when their
 * labels can be read at this scale, else as outlines (a node's box, name and
 * pods; a Service's dashed box). This keeps a 100-node cluster's drawing
 * small enough to lay out, paint and raster in a frame. A pan redraws in the
 * same frame the nodes it brings near. `key` names the choice, so that the
 * same choice keeps its identity.
 */
export interface LevelOfDetail {
  readonly nodes: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  /** Whether what is drawn is drawn in full (else as outlines). */
  readonly detailed: boolean;
  /**
   * The nodes drawn in full, nearest the middle of the view first: all of `nodes` when
   * `detailed`, else none. While a pan or zoom is being caught up with, some of them
   * (see progressive-detail.ts).
   */
  readonly full: ReadonlySet<string>;
  readonly key: string;
}

/** The canvas box in sight under a transform, grown by half the view on every side. */
export function reachOf(t: ViewTransform, view: Size): Box {
  const w = view.width / t.k;
  const h = view.height / t.k;
  return { x: -t.x / t.k - w / 2, y: -t.y / t.k - h / 2, w: 2 * w, h: 2 * h };
}

export function levelOfDetail(layout: ClusterLayout, t: ViewTransform, view: Size): LevelOfDetail {
  const reach = reachOf(t, view);
  const detailed = t.k >= DETAIL_SCALE;
  const near = layout.nodes.filter((n) => overlaps(n.box, reach));
  const nodes = near.map((n) => n.name);
  const services = layout.services.filter((s) => overlaps(s.box, reach)).map((s) => s.key);
  const full = new Set(detailed ? nearestFirst(near, centre(reach)).map((n) => n.name) : []);
  return {
    nodes: new Set(nodes),
    services: new Set(services),
    detailed,
    full,
    key: `${detailed}|${nodes.join(' ')}|${services.join(' ')}`,
  };
}

/** The nodes by the distance of their middle from `p`, nearest first. */
function nearestFirst(nodes: readonly NodeLayout[], p: Point): NodeLayout[] {
  const distance = (n: NodeLayout) => Math.hypot(n.box.x + n.box.w / 2 - p[0], n.box.y + n.box.h / 2 - p[1]);
  return nodes
    .map((n) => ({ n, d: distance(n) }))
    .sort((a, b) => a.d - b.d)
    .map(({ n }) => n);
}

import type { Point } from './geometry';
import type { ClusterLayout, Link } from './model';

interface Edge {
  readonly to: string;
  readonly points: readonly Point[];
}

const graphs = new WeakMap<ClusterLayout, ReadonlyMap<string, readonly Edge[]>>();

/** The wires of a layout as an undirected graph (built once per layout). */
function graphOf(layout: ClusterLayout): ReadonlyMap<string, readonly Edge[]> {
  const cached = graphs.get(layout);
  if (cached) return cached;
  const graph = new Map<string, Edge[]>();
  const add = (a: string, e: Edge) => graph.set(a, [...(graph.get(a) ?? []), e]);
  const links: Link[] = [...layout.nodes.flatMap((n) => n.links), ...layout.network.links, ...(layout.outside?.links ?? [])];
  for (const l of links) {
    add(l.from, { to: l.to, points: l.points });
    add(l.to, { to: l.from, points: [...l.points].reverse() });
  }
  graphs.set(layout, graph);
  return graph;
}

/** The fewest wires from one device to another (breadth-first; ties keep the links' drawing order). */
function hops(graph: ReadonlyMap<string, readonly Edge[]>, from: string, to: string): Edge[] | null {
  const via = new Map<string, { prev: string; edge: Edge }>();
  const queue = [from];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    if (at === to) break;
    for (const edge of graph.get(at) ?? []) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      via.set(edge.to, { prev: at, edge });
      queue.push(edge.to);
    }
  }
  if (!seen.has(to)) return null;
  const path: Edge[] = [];
  for (let at = to; at !== from;) {
    const step = via.get(at)!;
    path.unshift(step.edge);
    at = step.prev;
  }
  return path;
}

const same = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];

/**
 * Joins two points on the network's bands: along the band when they share a
 * row, else over to the trunk, along it and back (the network between nodes
 * is drawn as one orthogonal band, so the wire step follows it).
 */
function acrossNetwork(layout: ClusterLayout, a: Point, b: Point): Point[] {
  const trunk = layout.network.trunk;
  if (a[1] === b[1] || !trunk) return [b];
  const x = trunk.x + trunk.w / 2;
  return [[x, a[1]], [x, b[1]], b];
}

/**
 * The polyline a packet follows from one device to another: the drawn wires
 * between them, e.g. pod eth0 -> veth -> cbr0 -> PREROUTING, or a node's eth0
 * -> the network -> another node's eth0. A single point when the step stays on
 * one device (a hook that rewrites in place); empty for a device not drawn.
 */
export function edgePath(layout: ClusterLayout, from: string, to: string): Point[] {
  const a = layout.devices.get(from);
  const b = layout.devices.get(to);
  if (!a || !b) return [];
  if (from === to) return [a.anchor];
  const path = hops(graphOf(layout), from, to);
  if (!path) return [a.anchor, [b.anchor[0], a.anchor[1]], b.anchor];
  const points: Point[] = [a.anchor];
  for (const edge of path) {
    const [first, ...rest] = edge.points;
    const last = points[points.length - 1]!;
    if (first && !same(first, last)) points.push(...acrossNetwork(layout, last, first));
    points.push(...rest);
  }
  return points;
}

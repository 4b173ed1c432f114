import type { Step } from '../../../src/index';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { edgePath } from './edge-path';
import { box, overlaps, type Box, type Point } from './geometry';
import { staticObstacles, type Obstacle } from './label-boxes';
import type { ClusterLayout } from './model';
import { packetCard, type PacketCardContent } from './packet-card';
import { placeCard, type CardPlacement } from './place-card';
import { pointAlong } from './point-along';
import { dotBox, REST, restingProgress, warpProgress } from './resting-point';

/** The dot's radius as drawn, plus its stroke and a pixel of air. */
export const DOT_R = 10;
const DOT_CLEAR = DOT_R + 2;
/** From the dot's centre to its card. */
const CLEARANCE = DOT_R + 6;
/** How far from its path the card may go: the outer ring and the card's size. */
const REACH = 360;

/** What the packet layer draws for one step, worked out once per step. */
export interface PacketScene {
  readonly path: readonly Point[];
  /** The progress at which the packet rests (see restingProgress). */
  readonly rest: number;
  readonly card: PacketCardContent;
  /** The labels and boxes near the path, which the dot and the card keep clear of. */
  readonly obstacles: readonly Obstacle[];
  readonly bounds: Box;
}

/** Where the packet and its card are at one instant. */
export interface PacketPose {
  readonly point: Point;
  readonly card: CardPlacement;
}

function around(path: readonly Point[], by: number): Box {
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs) - by, Math.min(...ys) - by];
  return box(x0, y0, Math.max(...xs) + by - x0, Math.max(...ys) + by - y0);
}

/** The step's path, where its packet rests, its card and what is near: null for a step on a device the drawing lacks. */
export function packetScene(layout: ClusterLayout, strings: ClusterStrings, step: Step): PacketScene | null {
  const path = edgePath(layout, step.at, step.to);
  if (path.length === 0) return null;
  const near = around(path, REACH);
  const obstacles = staticObstacles(layout, strings).filter((o) => overlaps(o.box, near));
  return {
    path,
    rest: restingProgress(path, obstacles, DOT_CLEAR),
    card: packetCard(step, strings),
    obstacles,
    bounds: box(0, 0, layout.width, layout.height),
  };
}

const scenes = new WeakMap<Step, { layout: ClusterLayout; strings: ClusterStrings; scene: PacketScene | null }>();

/**
 * packetScene, worked out once per step, layout and language: the view (to
 * follow the packet) and the packet layer (to draw it) ask for the same step's.
 */
export function sceneOf(layout: ClusterLayout, strings: ClusterStrings, step: Step): PacketScene | null {
  const kept = scenes.get(step);
  if (kept && kept.layout === layout && kept.strings === strings) return kept.scene;
  const scene = packetScene(layout, strings, step);
  scenes.set(step, { layout, strings, scene });
  return scene;
}

/**
 * The packet at a progress along its step: the dot on the path (halfway is
 * the resting point) and its card placed beside it, clear of every label and
 * of the dot. `preferred` keeps the card on the side it was on while it stays free.
 */
export function packetPose(scene: PacketScene, progress: number, preferred?: number): PacketPose {
  const point = pointAlong(scene.path, warpProgress(progress, scene.rest));
  const obstacles: Obstacle[] = [...scene.obstacles, { box: dotBox(point, DOT_CLEAR), kind: 'text' }];
  const options = { bounds: scene.bounds, clearance: CLEARANCE, ...(preferred === undefined ? {} : { preferred }) };
  return { point, card: placeCard(point, scene.card.width, scene.card.height, obstacles, options) };
}

const restingPoses = new WeakMap<PacketScene, PacketPose>();

/** The packet at rest and its card, placed once per scene. */
export function restingPose(scene: PacketScene): PacketPose {
  const kept = restingPoses.get(scene);
  if (kept) return kept;
  const pose = packetPose(scene, REST);
  restingPoses.set(scene, pose);
  return pose;
}

/** The packet at rest and its card: what the view keeps in sight at a step. */
export function restingBox(scene: PacketScene): Box {
  const { point, card } = restingPose(scene);
  const dot = dotBox(point, DOT_CLEAR);
  const [x0, y0] = [Math.min(dot.x, card.box.x), Math.min(dot.y, card.box.y)];
  const x1 = Math.max(dot.x + dot.w, card.box.x + card.box.w);
  const y1 = Math.max(dot.y + dot.h, card.box.y + card.box.h);
  return box(x0, y0, x1 - x0, y1 - y0);
}

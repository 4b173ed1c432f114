import type { LevelOfDetail } from './level-of-detail';

/**
 * How many nodes a frame brings to full detail. A node of the large preset drawn in full is
 * hundreds of SVG elements (30 pods with their labels, their veths): zooming back in past
 * reading brought its 6 nodes in reach to full detail in one frame of 270-380 ms (measured
 * under load, bench:fps's pan). Two per frame keep each frame a third of that, and the
 * nodes in sight (nearest first) are in full within a few frames.
 */
export const NODES_PER_FRAME = 2;

/**
 * The next drawing on the way from what is drawn (`shown`) to what the view asks for
 * (`target`): the target's nodes and Services, with the nodes already in full kept in full
 * and up to `batch` more brought to full detail, nearest the middle of the view first;
 * the others drawn as outlines meanwhile. Nodes leave full detail at once (removing is
 * cheap). Returns `target` itself once nothing is left to bring.
 */
export function towardsDetail(shown: LevelOfDetail, target: LevelOfDetail, batch: number): LevelOfDetail {
  const full = new Set<string>();
  let added = 0;
  for (const name of target.full) {
    if (shown.full.has(name)) full.add(name);
    else if (added < batch) {
      full.add(name);
      added++;
    }
  }
  if (full.size === target.full.size) return target;
  return { ...target, full, key: `${target.key}|${full.size}` };
}

import { describe, expect, it } from 'vitest';
import { overlaps } from '../../app/topology/cluster/geometry';
import { layoutCluster } from '../../app/topology/cluster/layout';
import { DETAIL_SCALE, levelOfDetail, reachOf } from '../../app/topology/cluster/level-of-detail';
import { presetScenario, simulate } from '../../src/index';

const scale = layoutCluster(simulate(presetScenario('scale')!).topology, 'iptables');
const article = layoutCluster(simulate(presetScenario('article')!).topology, 'iptables');
const VIEW = { width: 900, height: 650 };

describe('levelOfDetail', () => {
  it('draws every node and Service of the article in full when the view shows the whole cluster', () => {
    const lod = levelOfDetail(article, { x: 8, y: 8, k: 0.6 }, VIEW);
    expect([...lod.nodes]).toEqual(article.nodes.map((n) => n.name));
    expect([...lod.services]).toEqual(article.services.map((s) => s.key));
    expect(lod.detailed).toBe(true);
  });

  it('on the scale preset at the reading zoom, draws only the nodes within half a view of what is in sight', () => {
    const t = { x: -1665, y: -1058, k: 0.9 };
    const lod = levelOfDetail(scale, t, VIEW);
    const reach = reachOf(t, VIEW);
    expect(lod.nodes.size).toBeGreaterThan(0);
    expect(lod.nodes.size).toBeLessThan(scale.nodes.length / 2);
    for (const node of scale.nodes) expect(lod.nodes.has(node.name), node.name).toBe(overlaps(node.box, reach));
    // The Services' area is at the top of the canvas, far above these nodes.
    expect(lod.services.size).toBe(0);
  });

  it('draws outlines only below the scale where labels can be read, of everything then in reach', () => {
    const t = { x: 0, y: 0, k: DETAIL_SCALE * 0.9 };
    const lod = levelOfDetail(scale, t, VIEW);
    expect(lod.detailed).toBe(false);
    expect(lod.nodes.size).toBe(scale.nodes.filter((n) => overlaps(n.box, reachOf(t, VIEW))).length);
    expect(lod.nodes.size).toBeGreaterThan(0);
  });

  it('names the same choice with the same key, and a pan that reaches another node with another', () => {
    const a = levelOfDetail(scale, { x: -1665, y: -1058, k: 0.9 }, VIEW);
    expect(levelOfDetail(scale, { x: -1666, y: -1057, k: 0.9 }, VIEW).key).toBe(a.key);
    expect(levelOfDetail(scale, { x: -1665 + 3000, y: -1058, k: 0.9 }, VIEW).key).not.toBe(a.key);
  });
});

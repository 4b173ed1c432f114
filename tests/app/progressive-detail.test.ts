import { describe, expect, it } from 'vitest';
import { layoutCluster } from '../../app/topology/cluster/layout';
import { DETAIL_SCALE, levelOfDetail } from '../../app/topology/cluster/level-of-detail';
import { towardsDetail } from '../../app/topology/cluster/progressive-detail';
import { presetScenario, simulate } from '../../src/index';

const scale = layoutCluster(simulate(presetScenario('scale')!).topology, 'iptables');
const VIEW = { width: 900, height: 650 };
const far = levelOfDetail(scale, { x: 0, y: 0, k: DETAIL_SCALE * 0.9 }, VIEW);
const near = levelOfDetail(scale, { x: -1665, y: -1058, k: 0.9 }, VIEW);

describe('towardsDetail', () => {
  it('brings a zoom-in to full detail a few nodes per frame, nearest the middle of the view first, the others as outlines meanwhile', () => {
    expect(far.full.size).toBe(0);
    expect(near.full.size).toBeGreaterThan(2);
    const first = towardsDetail(far, near, 2);
    expect(first.nodes).toEqual(near.nodes);
    expect([...first.full]).toEqual([...near.full].slice(0, 2));
    const second = towardsDetail(first, near, 2);
    expect([...second.full]).toEqual([...near.full].slice(0, 4));
    expect(second.key).not.toBe(first.key);
  });

  it('ends on the target itself, every node in reach in full', () => {
    let shown = far;
    for (let frame = 0; frame < 100 && shown !== near; frame++) shown = towardsDetail(shown, near, 3);
    expect(shown).toBe(near);
    expect([...shown.full].sort()).toEqual([...near.nodes].sort());
  });

  it('leaves full detail at once when zooming out', () => {
    expect(towardsDetail(near, far, 1)).toBe(far);
  });

  it('keeps in full the nodes already drawn so when a pan brings new ones', () => {
    const panned = levelOfDetail(scale, { x: -1665 - 700, y: -1058, k: 0.9 }, VIEW);
    const step = towardsDetail(near, panned, 0);
    const kept = [...near.full].filter((n) => panned.full.has(n));
    expect(kept.length).toBeGreaterThan(0);
    expect([...step.full].sort()).toEqual(kept.sort());
  });
});

describe('levelOfDetail', () => {
  it('lists the nodes to draw in full nearest the middle of the view first', () => {
    const [first] = near.full;
    const middle = scale.nodes.find((n) => n.name === first)!;
    const t = { x: -1665, y: -1058, k: 0.9 };
    const cx = (VIEW.width / 2 - t.x) / t.k;
    const cy = (VIEW.height / 2 - t.y) / t.k;
    const d = (b: { x: number; y: number; w: number; h: number }) => Math.hypot(b.x + b.w / 2 - cx, b.y + b.h / 2 - cy);
    for (const n of scale.nodes.filter((n) => near.full.has(n.name))) expect(d(middle.box)).toBeLessThanOrEqual(d(n.box));
  });
});

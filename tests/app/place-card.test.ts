import { describe, expect, it } from 'vitest';
import { box, overlaps } from '../../app/topology/cluster/geometry';
import type { Obstacle } from '../../app/topology/cluster/label-boxes';
import { cardCandidates, placeCard } from '../../app/topology/cluster/place-card';

const bounds = box(0, 0, 1000, 1000);
const at = [500, 500] as const;
const text = (x: number, y: number, w: number, h: number): Obstacle => ({ box: box(x, y, w, h), kind: 'text' });
const shape = (x: number, y: number, w: number, h: number): Obstacle => ({ box: box(x, y, w, h), kind: 'shape' });
const options = { bounds, clearance: 16 };

describe('placeCard', () => {
  it('puts the card beside the dot, up and to the right, when nothing is in the way', () => {
    const placed = placeCard(at, 120, 60, [], options);
    expect(placed.box).toEqual(box(516, 424, 120, 60));
    expect(placed.leader).toBe(false);
  });

  it('never covers a label: a label up and right sends the card to the next free side', () => {
    const label = text(520, 430, 80, 14);
    const placed = placeCard(at, 120, 60, [label], options);
    expect(overlaps(placed.box, label.box)).toBe(false);
    expect(placed.leader).toBe(false);
  });

  it('goes farther out, with a leader line, when labels surround the dot', () => {
    const ring = [text(350, 350, 300, 120), text(350, 530, 300, 120), text(350, 470, 130, 60), text(520, 470, 130, 60)];
    const placed = placeCard(at, 120, 60, ring, options);
    for (const o of ring) expect(overlaps(placed.box, o.box)).toBe(false);
    expect(placed.leader).toBe(true);
  });

  it('keeps off a device when another place beside the dot is free, and covers one rather than go far away', () => {
    const device = shape(560, 440, 20, 20);
    const beside = placeCard(at, 120, 60, [device], options);
    expect(overlaps(beside.box, device.box)).toBe(false);
    expect(beside.leader).toBe(false);
    const everywhere = shape(300, 300, 400, 400);
    expect(placeCard(at, 120, 60, [everywhere], options).leader).toBe(false);
  });

  it('stays on the canvas: near its right edge the card goes left of the dot', () => {
    const placed = placeCard([990, 500], 120, 60, [], options);
    expect(placed.box.x + placed.box.w).toBeLessThanOrEqual(1000);
    expect(placed.box.x + placed.box.w).toBeLessThan(990);
  });

  it('keeps a preferred side while it is free, and leaves it once a label takes it', () => {
    const candidates = cardCandidates(at, 120, 60, 16);
    const left = candidates.findIndex((c) => c.x < 500 && c.y + c.h / 2 === 500);
    expect(placeCard(at, 120, 60, [], { ...options, preferred: left }).candidate).toBe(left);
    const blocked = placeCard(at, 120, 60, [text(candidates[left]!.x, 490, 40, 14)], { ...options, preferred: left });
    expect(blocked.candidate).not.toBe(left);
  });
});

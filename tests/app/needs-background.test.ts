import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, PRESETS } from '../../src/index';
import { needsBackground } from '../../app/store/needs-background';

const sized = (services: number, pods: number, nodes = 2) => ({
  cluster: { services: new Array(services).fill({}), pods: new Array(pods).fill({}), nodes: new Array(nodes).fill({}) },
});

describe('needsBackground', () => {
  // Every preset but `large` opens on the main thread, so its first frame never waits for a worker.
  it.each(PRESET_NAMES.filter((name) => name !== 'large'))('keeps the %s preset on the main thread in both modes', (name) => {
    expect(needsBackground(PRESETS[name], 'iptables')).toBe(false);
    expect(needsBackground(PRESETS[name], 'ipvs')).toBe(false);
  });

  it('simulates the large preset (1,000 Services, 3,000 pods) in the background in both modes', () => {
    expect(needsBackground(PRESETS.large, 'iptables')).toBe(true);
    expect(needsBackground(PRESETS.large, 'ipvs')).toBe(true);
  });

  it.each([
    [999, 0, 2, 'iptables', false],
    [600, 400, 2, 'iptables', true],
    [10_000, 4, 2, 'iptables', true],
    [500, 100, 40, 'iptables', false],
    [500, 100, 40, 'ipvs', true],
  ] as const)('%i Services, %i pods, %i nodes in %s mode: in the background %s', (services, pods, nodes, mode, big) => {
    expect(needsBackground(sized(services, pods, nodes), mode)).toBe(big);
  });

  it.each([null, 'text', {}, { cluster: null }, { cluster: { services: 'many' } }])(
    'counts JSON of another shape as small: %j',
    (input) => {
      expect(needsBackground(input, 'iptables')).toBe(false);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { parityScenarios } from './scenario-list';

describe('parityScenarios', () => {
  const list = parityScenarios();
  const runnable = list.flatMap((s) => ('scenario' in s ? [s.scenario] : []));

  it('replays at least the eight presets of issue 14 and a UDP variant', () => {
    const names = runnable.map((s) => s.name);
    for (const name of [
      'article',
      'same-node',
      'cross-node',
      'hairpin',
      'session-affinity',
      'three-replicas',
      'no-endpoints',
      'node-to-service',
    ])
      expect(names).toContain(name);
    expect(runnable.find((s) => s.name === 'article-udp')?.traffic[0]?.protocol).toBe('UDP');
  });

  it('replays the presets with clients outside the cluster (issue 13)', () => {
    const names = runnable.map((s) => s.name);
    for (const name of ['nodeport', 'nodeport-local', 'loadbalancer', 'external-ip']) expect(names).toContain(name);
  });

  it('leaves out only the presets too big for a quick run', () => {
    expect(list.flatMap((s) => ('scenario' in s ? [] : [s.name]))).toEqual(['scale', 'large']);
  });

  it('says why each left-out preset is left out', () => {
    for (const s of list) if (!('scenario' in s)) expect(s.skip).not.toBe('');
  });
});

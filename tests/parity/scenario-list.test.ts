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

  it('leaves the presets with clients outside the cluster out, saying so, rather than failing them', () => {
    for (const name of ['nodeport', 'nodeport-local', 'loadbalancer', 'external-ip']) {
      const s = list.find((x) => !('scenario' in x) && x.name === name);
      expect(s && 'skip' in s ? s.skip : '').toMatch(/^clients outside the cluster \(\w+/);
    }
  });

  it('says why each left-out preset is left out', () => {
    for (const s of list) if (!('scenario' in s)) expect(s.skip).not.toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { clusterStrings } from '../../app/i18n/cluster-strings';
import { contains, overlaps } from '../../app/topology/cluster/geometry';
import { staticObstacles } from '../../app/topology/cluster/label-boxes';
import { DOT_R, packetPose, packetScene, restingBox } from '../../app/topology/cluster/packet-scene';
import { dotBox, REST } from '../../app/topology/cluster/resting-point';
import { clusterLayoutOf } from '../../app/topology/cluster/cluster-layout-of';
import { PRESET_NAMES, presetScenario, simulate, type ProxyMode, type Trace } from '../../src/index';
import { stepsToCheck } from '../sampled-steps';

const cases = PRESET_NAMES.flatMap((preset) =>
  (['iptables', 'ipvs'] as const).flatMap((mode) => (['en', 'zh'] as const).map((lang) => [preset, mode, lang] as const)),
);

const traces = new Map<string, Trace>();
/** Each preset simulated once per mode for the whole file (both languages draw the same trace). */
function traceOf(preset: string, mode: ProxyMode): Trace {
  const key = `${preset}/${mode}`;
  const trace = traces.get(key) ?? simulate(presetScenario(preset)!, { mode });
  traces.set(key, trace);
  return trace;
}

// `large` at a sample of its steps (every node the packet visits, every kind of step: see sampled-steps.ts);
// simulating it in IPVS mode alone takes 5-10 s, hence the time limit.
describe('the packet at rest', { timeout: 60_000 }, () => {
  it.each(cases)('%s (%s, %s): at every step the dot and its card cover no label and stay on the canvas', (preset, mode, lang) => {
    const trace = traceOf(preset, mode);
    const strings = clusterStrings[lang];
    const problems: string[] = [];
    for (const step of stepsToCheck(preset, trace).map((i) => trace.steps[i]!)) {
      const layout = clusterLayoutOf(trace, step.index);
      const labels = staticObstacles(layout, strings).filter((o) => o.kind === 'text');
      const scene = packetScene(layout, strings, step)!;
      const { point, card } = packetPose(scene, REST);
      const dot = dotBox(point, DOT_R + 1);
      const where = `step ${step.index + 1}`;
      if (!contains(scene.bounds, card.box)) problems.push(`${where}: card off the canvas`);
      if (overlaps(card.box, dot)) problems.push(`${where}: card on the dot`);
      for (const l of labels) {
        if (overlaps(card.box, l.box)) problems.push(`${where}: card on ${JSON.stringify(l.box)}`);
        if (overlaps(dot, l.box)) problems.push(`${where}: dot on ${JSON.stringify(l.box)}`);
      }
      const focus = restingBox(scene);
      if (!contains(focus, card.box) || !contains(focus, dot)) problems.push(`${where}: the view would not follow the card`);
    }
    expect(problems).toEqual([]);
  });
});

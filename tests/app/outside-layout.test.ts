import { describe, expect, it } from 'vitest';
import { edgePath } from '../../app/topology/cluster/edge-path';
import { contains, overlaps, type Box } from '../../app/topology/cluster/geometry';
import { layoutCluster, nodeBoxes } from '../../app/topology/cluster/layout';
import { presetScenario, simulate, type ProxyMode } from '../../src/index';

const OUTSIDE_PRESETS = ['nodeport', 'nodeport-local', 'loadbalancer', 'external-ip'] as const;
const layoutOf = (preset: string, mode: ProxyMode = 'iptables') =>
  layoutCluster(simulate(presetScenario(preset)!, { mode }).topology, mode);
const canvas = (l: ReturnType<typeof layoutCluster>): Box => ({ x: 0, y: 0, w: l.width, h: l.height });

describe('the outside world in the cluster layout', () => {
  it.each(OUTSIDE_PRESETS.flatMap((p) => (['iptables', 'nftables'] as const).map((m) => [p, m] as const)))(
    '%s (%s): every client, router and load balancer sits on the canvas above the nodes’ network, clear of every other box',
    (preset, mode) => {
      const layout = layoutOf(preset, mode);
      const boxes = layout.outside!.boxes;
      expect(boxes.length).toBeGreaterThan(0);
      const band = layout.network.bands[0]!;
      const others = [layout.apiServer, ...layout.services.map((s) => s.box), ...layout.nodes.flatMap((n) => [n.box, ...nodeBoxes(n)])];
      for (const o of boxes) {
        expect(contains(canvas(layout), o.box), o.id).toBe(true);
        expect(o.box.y + o.box.h, o.id).toBeLessThan(band.y);
        for (const b of others) expect(overlaps(o.box, b), `${o.id} on ${JSON.stringify(b)}`).toBe(false);
        for (const p of boxes) if (p !== o) expect(overlaps(o.box, p.box), `${o.id} on ${p.id}`).toBe(false);
      }
    },
  );

  it('keeps the top right corner, where the zoom buttons are, free: the outside world starts level with the Services', () => {
    for (const preset of OUTSIDE_PRESETS) {
      const layout = layoutOf(preset);
      const top = Math.min(...layout.outside!.boxes.map((o) => o.box.y));
      expect(top, preset).toBeGreaterThanOrEqual(layout.services[0]!.box.y);
    }
  });

  it('walks an internet client’s packet down to the load balancer, then along the nodes’ network to vm2’s eth0', () => {
    const layout = layoutOf('loadbalancer');
    const lb = layout.devices.get('outside/load-balancer')!;
    const office = layout.devices.get('office/eth0')!;
    const toLb = edgePath(layout, 'office/eth0', 'outside/load-balancer');
    expect(toLb[0]).toEqual(office.anchor);
    expect(toLb.at(-1)).toEqual(lb.anchor);
    const toNode = edgePath(layout, 'outside/load-balancer', 'vm2/eth0');
    const bandMid = layout.network.bands[0]!.y + layout.network.bands[0]!.h / 2;
    expect(toNode.some(([, y]) => y === bandMid)).toBe(true);
    expect(toNode.at(-1)).toEqual(layout.devices.get('vm2/eth0')!.anchor);
  });

  it('draws no outside world, and Services as before, for a cluster only pods use', () => {
    const layout = layoutOf('article');
    expect(layout.outside).toBeNull();
    expect(layout.services.map((s) => [s.exposure, s.box.h])).toEqual([[null, 44]]);
    expect([...layout.devices.values()].filter((d) => d.kind === 'outside')).toEqual([]);
  });
});

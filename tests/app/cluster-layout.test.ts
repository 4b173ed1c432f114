import { describe, expect, it } from 'vitest';
import { edgePath } from '../../app/topology/cluster/edge-path';
import { contains, overlaps } from '../../app/topology/cluster/geometry';
import { layoutCluster } from '../../app/topology/cluster/layout';
import { pointAlong } from '../../app/topology/cluster/point-along';
import { PRESET_NAMES, presetScenario, simulate } from '../../src/index';

const traces = PRESET_NAMES.map((name) => [name, simulate(presetScenario(name)!)] as const);
// Every preset in both modes: IPVS adds kube-ipvs0 and new hops (PREROUTING -> kube-ipvs0 -> INPUT -> OUTPUT -> POSTROUTING).
// But `large` in iptables mode only: its IPVS trace takes 5-10 s to simulate; its IPVS layout is the
// same per node as `scale`'s, and packet-scene.test.ts and cluster-overlap.spec.ts draw it in IPVS mode.
const ipvsTraces = PRESET_NAMES.filter((name) => name !== 'large').map(
  (name) => [name, simulate(presetScenario(name)!, { mode: 'ipvs' })] as const,
);
const bothModes = [...traces.map(([n, t]) => [n, 'iptables', t] as const), ...ipvsTraces.map(([n, t]) => [n, 'ipvs', t] as const)];

describe('layoutCluster', () => {
  it.each(bothModes)('gives every device of the %s trace (%s mode) a position', (_, mode, trace) => {
    const layout = layoutCluster(trace.topology, mode);
    const ids = new Set(trace.steps.flatMap((s) => [s.at, s.to]));
    for (const id of ids) expect(layout.devices.get(id), id).toBeDefined();
  });

  it.each(bothModes)('draws a path for every step of the %s trace (%s mode), from its device to the next', (_, mode, trace) => {
    const layout = layoutCluster(trace.topology, mode);
    for (const step of trace.steps) {
      const path = edgePath(layout, step.at, step.to);
      expect(path.length, `${step.at} -> ${step.to}`).toBeGreaterThan(0);
      expect(path[0]).toEqual(layout.devices.get(step.at)!.anchor);
      expect(path[path.length - 1]).toEqual(layout.devices.get(step.to)!.anchor);
      // Every step follows drawn wires: consecutive points are joined orthogonally (the network's band included).
      path.slice(1).forEach(([x, y], i) => expect(x === path[i]![0] || y === path[i]![1], `${step.at} -> ${step.to}`).toBe(true));
    }
  });

  it('draws kube-ipvs0 only in IPVS mode, with the node’s ClusterIPs as /32', () => {
    const topology = ipvsTraces[0]![1].topology;
    expect(layoutCluster(traces[0]![1].topology).devices.has('vm1/kube-ipvs0')).toBe(false);
    const kipvs = layoutCluster(topology, 'ipvs').devices.get('vm1/kube-ipvs0')!;
    expect(kipvs.kind).toBe('kube-ipvs0');
    expect(kipvs.addresses).toEqual(['10.96.0.10/32']);
  });

  it('reads PREROUTING -> routing -> kube-ipvs0 -> INPUT -> OUTPUT -> POSTROUTING left to right, INPUT badged IPVS', () => {
    const layout = layoutCluster(ipvsTraces[0]![1].topology, 'ipvs');
    const d = (name: string) => layout.devices.get(`vm1/${name}`)!;
    expect(edgePath(layout, 'vm1/PREROUTING', 'vm1/kube-ipvs0')).toContainEqual(d('routing').anchor);
    const xs = ['kube-ipvs0', 'INPUT', 'OUTPUT'].map((n) => d(n).anchor[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(d('INPUT').badge).toBe('IPVS');
    // IPVS re-injects at OUTPUT: the wire from INPUT skips the host.
    expect(edgePath(layout, 'vm1/INPUT', 'vm1/OUTPUT')).not.toContainEqual(d('host').anchor);
    expect(d('OUTPUT').anchor[0]).toBeGreaterThan(d('POSTROUTING').box.x);
  });

  it.each(ipvsTraces.filter(([name]) => name === 'article' || name === 'scale'))(
    'draws no two devices of a %s node on top of each other in IPVS mode',
    (_, trace) => {
      const layout = layoutCluster(trace.topology, 'ipvs');
      for (const node of layout.nodes) {
        const boxes = [node.kubeProxy, ...node.devices.filter((d) => d.kind !== 'pod-eth0').map((d) => d.box)];
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false)));
        for (const b of boxes) expect(contains(node.root, b), JSON.stringify(b)).toBe(true);
      }
    },
  );

  it.each(traces)('keeps the nodes of %s apart and each pod inside its node', (_, trace) => {
    const layout = layoutCluster(trace.topology);
    layout.nodes.forEach((a, i) => layout.nodes.slice(i + 1).forEach((b) => expect(overlaps(a.box, b.box)).toBe(false)));
    for (const node of layout.nodes) {
      expect(contains({ x: 0, y: 0, w: layout.width, h: layout.height }, node.box)).toBe(true);
      expect(contains(node.box, node.root)).toBe(true);
      for (const pod of node.pods) {
        expect(contains(node.box, pod.box)).toBe(true);
        expect(overlaps(pod.box, node.root)).toBe(false);
      }
      node.pods.forEach((a, i) => node.pods.slice(i + 1).forEach((b) => expect(overlaps(a.box, b.box)).toBe(false)));
    }
    expect(layout.nodes.flatMap((n) => n.pods)).toHaveLength(trace.topology.pods.length);
  });

  it('draws no two devices of a node on top of each other', () => {
    const layout = layoutCluster(traces[0]![1].topology);
    for (const node of layout.nodes) {
      const boxes = [node.kubeProxy, ...node.devices.filter((d) => d.kind !== 'pod-eth0').map((d) => d.box)];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false)));
    }
  });

  it('is deterministic: the same topology gives the same drawing', () => {
    const trace = traces[0]![1];
    expect(JSON.stringify(layoutCluster(trace.topology).nodes)).toBe(JSON.stringify(layoutCluster(trace.topology).nodes));
  });

  it('puts two small nodes side by side', () => {
    const layout = layoutCluster(traces[0]![1].topology);
    const [vm1, vm2] = layout.nodes;
    expect(layout.columns).toBe(2);
    expect(vm1!.box.y).toBe(vm2!.box.y);
    expect(vm2!.box.x).toBeGreaterThan(vm1!.box.x + vm1!.box.w);
  });

  it('grows the canvas to 20 nodes of 20 pods with 200 Services, in more columns', () => {
    const base = traces[0]![1].topology;
    const node0 = base.nodes[0]!;
    const nodes = Array.from({ length: 20 }, (_, i) => ({ ...node0, name: `vm${i + 1}` as typeof node0.name, ip: `192.168.0.${i + 11}` }));
    const pods = nodes.flatMap((n, i) =>
      Array.from({ length: 20 }, (_, j) => ({
        ...base.pods[0]!,
        name: `pod-${i}-${j}`,
        node: n.name,
        ip: `10.244.${i}.${j + 2}`,
        veth: `veth${j}`,
      })),
    );
    const services = Array.from({ length: 200 }, (_, i) => ({
      ...base.services[0]!,
      name: `svc${i}`,
      clusterIP: `10.96.${i >> 8}.${i & 255}`,
    }));
    const layout = layoutCluster({ ...base, nodes, pods, services });
    expect(layout.columns).toBeGreaterThan(2);
    expect(layout.nodes.flatMap((n) => n.pods)).toHaveLength(400);
    layout.nodes.forEach((a, i) => layout.nodes.slice(i + 1).forEach((b) => expect(overlaps(a.box, b.box)).toBe(false)));
    layout.services.forEach((a, i) => layout.services.slice(i + 1).forEach((b) => expect(overlaps(a.box, b.box)).toBe(false)));
    for (const s of layout.services) expect(contains({ x: 0, y: 0, w: layout.width, h: layout.height }, s.box)).toBe(true);
    const wire = edgePath(layout, 'vm1/eth0', 'vm20/eth0');
    expect(wire.length).toBeGreaterThan(3); // up to the band, along the trunk, down to the other row
  });
});

describe('edgePath', () => {
  const layout = layoutCluster(traces[0]![1].topology);

  it('is orthogonal: every segment is horizontal or vertical', () => {
    for (const [from, to] of [
      ['pod1/eth0', 'vm1/veth0'],
      ['vm1/cbr0', 'vm1/PREROUTING'],
      ['vm1/eth0', 'vm2/eth0'],
      ['vm1/POSTROUTING', 'vm1/cbr0'],
      ['vm1/OUTPUT', 'vm1/POSTROUTING'],
    ] as const) {
      const path = edgePath(layout, from, to);
      path.slice(1).forEach(([x, y], i) => expect(x === path[i]![0] || y === path[i]![1]).toBe(true));
    }
  });

  it('routes PREROUTING to FORWARD through the routing decision', () => {
    const routing = layout.devices.get('vm1/routing')!.anchor;
    expect(edgePath(layout, 'vm1/PREROUTING', 'vm1/FORWARD')).toContainEqual(routing);
  });

  it('stays on one point for a step that does not move', () => {
    expect(edgePath(layout, 'vm1/PREROUTING', 'vm1/PREROUTING')).toEqual([layout.devices.get('vm1/PREROUTING')!.anchor]);
  });

  it('is empty for a device the drawing does not have', () => {
    expect(edgePath(layout, 'vm9/eth0', 'vm1/eth0')).toEqual([]);
  });
});

describe('pointAlong', () => {
  const line = [
    [0, 0],
    [100, 0],
    [100, 100],
  ] as const;
  it.each([
    [0, [0, 0]],
    [0.5, [100, 0]],
    [1, [100, 100]],
  ])('at %s is %j (eased, by length)', (t, expected) => {
    expect(pointAlong(line, t)).toEqual(expected);
  });

  it('eases: a quarter of the time covers less than a quarter of the way', () => {
    const [x] = pointAlong(
      [
        [0, 0],
        [100, 0],
      ],
      0.25,
    );
    expect(x).toBeLessThan(25);
  });
});

describe('the view over the canvas', () => {
  it('fits a small cluster whole, centred across', async () => {
    const { fitTransform } = await import('../../app/topology/cluster/fit-transform');
    const t = fitTransform({ width: 800, height: 600 }, { width: 816, height: 900 });
    expect(t).toEqual({ k: 1, x: 8, y: 8 });
  });

  it('opens a large cluster on the packet without showing past the canvas edge', async () => {
    const { centreOn } = await import('../../app/topology/cluster/follow');
    const canvas = { width: 9000, height: 6000 };
    const view = { width: 800, height: 600 };
    expect(centreOn([4000, 3000], view, 1, canvas)).toEqual({ k: 1, x: -3600, y: -2700 });
    expect(centreOn([10, 10], view, 1, canvas)).toEqual({ k: 1, x: 8, y: 8 });
  });
});

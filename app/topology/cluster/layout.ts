import type { ProxyMode, Topology } from '../../../src/index';
import { box, type Box, type Point } from './geometry';
import type { ClusterLayout, DeviceLayout, Link, NodeLayout, ServiceLayout } from './model';
import { layoutNode, NODE_HEIGHT, nodeWidth } from './node-layout';
import { textWidth } from './text-width';
import { measureOutside } from './outside-layout';
import { exposureLines, LINE_H, LINE_SIZE, widestLine } from './outside-lines';
import { clusterStrings } from '../../i18n/cluster-strings';

export type { ClusterLayout } from './model';

const MARGIN = 24;
const COLUMN_GAP = 20;
/** Above each row of nodes: the network band, then the lane the API server's watch lines run along. */
const BAND_H = 24;
const LANE_DY = 44;
const NODES_DY = 60;
const ROW_GAP = 28;
const ROW_H = NODES_DY + NODE_HEIGHT + ROW_GAP;
const API_W = 150;
const API_H = 48;
const SVC_H = 44;
const SVC_GAP = 12;
const SVC_TOP = 24; // room for the caption above the Services
/** The canvas shape the grid aims for: a wide screen area, like the app's main panel. */
const TARGET_ASPECT = 1.6;

const LANGUAGES = [clusterStrings.en, clusterStrings.zh];

/** Two columns for small clusters; more for large ones, picked so the canvas stays near a screen's shape. */
function pickColumns(count: number, cellW: number): number {
  if (count <= 2) return Math.max(1, count);
  let best = 2;
  let bestScore = Infinity;
  for (let c = 2; c <= count; c++) {
    const rows = Math.ceil(count / c);
    const score = Math.abs(Math.log((c * (cellW + COLUMN_GAP)) / (rows * ROW_H) / TARGET_ASPECT));
    if (score < bestScore - 1e-9) [best, bestScore] = [c, score];
  }
  return best;
}

export const serviceAddress = (s: Topology['services'][number]) => `${s.clusterIP}:${s.ports.map((p) => p.port).join(',') || '*'}`;

/**
 * The size every Service's box takes (wide enough for the widest name and address,
 * or way in from outside, in either language) and how each is reached from outside:
 * a Service reached from outside says how in two more lines (its node ports,
 * addresses, traffic policies).
 */
function serviceBoxes(topology: Topology) {
  const exposures = new Map((topology.outside?.services ?? []).map(({ namespace, name, ...e }) => [`${namespace}/${name}`, e]));
  const exposureOf = (s: Topology['services'][number]) => exposures.get(`${s.namespace}/${s.name}`) ?? null;
  const exposureW = Math.max(0, ...[...exposures.values()].map((e) => widestLine((l) => exposureLines(e, l), LANGUAGES, LINE_SIZE) + 24));
  const cap = exposures.size ? 320 : 280;
  const svcW = Math.min(
    cap,
    Math.max(170, exposureW, ...topology.services.map((s) => textWidth(`${s.name}  ${serviceAddress(s)}`, 13) + 24)),
  );
  return { svcW, svcH: SVC_H + (exposures.size ? 2 * LINE_H : 0), exposureOf };
}

/**
 * Places every node, pod, device, Service, the network and the API server of a
 * trace's topology. Pure and deterministic: the same topology gives the same
 * drawing, so a shared URL shows the same picture. Nodes are a grid of equal
 * cells (wide enough for the node with most pods); the canvas grows with the
 * cluster and the view pans and zooms over it. In IPVS mode each node's root
 * netns also draws kube-ipvs0 (see node-layout).
 */
export function layoutCluster(topology: Topology, mode: ProxyMode = 'iptables'): ClusterLayout {
  const podsOf = (node: string) => topology.pods.filter((p) => p.node === node);
  const cellW = nodeWidth(Math.max(0, ...topology.nodes.map((n) => podsOf(n.name).length)), mode);
  const columns = pickColumns(topology.nodes.length, cellW);
  const rows = Math.max(1, Math.ceil(topology.nodes.length / columns));
  const gridW = columns * cellW + (columns - 1) * COLUMN_GAP;

  const { svcW, svcH, exposureOf } = serviceBoxes(topology);
  // The world outside the cluster goes top right, above the nodes' network, beside the Services.
  const outside = topology.outside?.clients.length ? measureOutside(topology.outside) : null;
  const outsideW = outside ? outside.width + 24 : 0;
  const width = Math.max(2 * MARGIN + gridW, 2 * MARGIN + API_W + 40 + svcW + outsideW);
  const apiServer = box(MARGIN, MARGIN, API_W, API_H);
  const svcX = MARGIN + API_W + 40;
  const perRow = Math.max(1, Math.floor((width - MARGIN - outsideW - svcX + SVC_GAP) / (svcW + SVC_GAP)));
  const services: ServiceLayout[] = topology.services.map((s, i) => ({
    key: `${s.namespace}/${s.name}`,
    name: s.name,
    address: serviceAddress(s),
    endpoints: s.endpoints,
    box: box(svcX + (i % perRow) * (svcW + SVC_GAP), MARGIN + SVC_TOP + Math.floor(i / perRow) * (svcH + SVC_GAP), svcW, svcH),
    exposure: exposureOf(s),
  }));
  const svcRows = Math.ceil(services.length / perRow);
  const serviceArea = box(svcX, MARGIN, width - MARGIN - outsideW - svcX, SVC_TOP + Math.max(1, svcRows) * (svcH + SVC_GAP) - SVC_GAP);
  // Its top lines up with the Services', below the corner the zoom buttons take.
  const gridTop = Math.max(apiServer.y + apiServer.h, serviceArea.y + serviceArea.h, MARGIN + SVC_TOP + (outside?.height ?? 0)) + 28;

  const rowTop = (r: number) => gridTop + r * ROW_H;
  const nodes: NodeLayout[] = topology.nodes.map((n, i) =>
    layoutNode(n, podsOf(n.name), MARGIN + (i % columns) * (cellW + COLUMN_GAP), rowTop(Math.floor(i / columns)) + NODES_DY, cellW, mode),
  );

  // The network: a band above each row; a trunk down the right edge joins the bands.
  const trunk = rows > 1 ? box(width - MARGIN + 2, rowTop(0), 20, rowTop(rows - 1) - rowTop(0) + BAND_H) : null;
  const bandW = (trunk ? trunk.x + trunk.w : width - MARGIN) - MARGIN;
  const bands = Array.from({ length: rows }, (_, r) => box(MARGIN, rowTop(r), bandW, BAND_H));
  const band0 = bands[0]!;
  const net: DeviceLayout = {
    id: 'net',
    kind: 'net',
    label: 'net',
    detail: '',
    box: band0,
    anchor: [band0.x + band0.w / 2, band0.y + BAND_H / 2],
  };
  const netLinks: Link[] = nodes.map((n, i) => {
    const eth0 = n.devices[0]!;
    const bandMid = rowTop(Math.floor(i / columns)) + BAND_H / 2;
    return { from: eth0.id, to: 'net', points: [eth0.anchor, [eth0.anchor[0], bandMid]] };
  });

  // kube-proxy watches the API server: a dashed line down the left margin and along each row's lane.
  const apiLeft: Point = [apiServer.x, apiServer.y + apiServer.h / 2];
  const watches = nodes.map((n, i) => {
    const laneY = rowTop(Math.floor(i / columns)) + LANE_DY;
    const kx = n.kubeProxy.x + n.kubeProxy.w / 2;
    const points: Point[] = [apiLeft, [MARGIN / 2, apiLeft[1]], [MARGIN / 2, laneY], [kx, laneY], [kx, n.kubeProxy.y]];
    return { node: n.name, points };
  });

  const devices = new Map<string, DeviceLayout>([['net', net]]);
  for (const n of nodes) for (const d of n.devices) devices.set(d.id, d);
  const placed = outside?.place(width - MARGIN, gridTop - 28, band0.y + BAND_H / 2);
  for (const d of placed?.devices ?? []) devices.set(d.id, d);
  // Control-plane steps (api-event, kube-proxy-sync) sit on the API server or a node's kube-proxy box:
  // positions only, those boxes are drawn by ControlPlaneShape and NodeShape. The packet rests where
  // the watch lines leave the API server and where one arrives on kube-proxy, not on their names.
  devices.set('apiserver', { id: 'apiserver', kind: 'apiserver', label: 'kube-apiserver', detail: '', box: apiServer, anchor: apiLeft });
  for (const n of nodes) {
    const id = `${n.name}/kube-proxy`;
    const kp = n.kubeProxy;
    devices.set(id, { id, kind: 'kube-proxy', label: 'kube-proxy', detail: '', box: kp, anchor: [kp.x + kp.w / 2, kp.y - 10] });
  }

  return {
    mode,
    width,
    height: rowTop(rows - 1) + NODES_DY + NODE_HEIGHT + MARGIN,
    columns,
    nodes,
    services,
    serviceArea,
    apiServer,
    watches,
    network: { bands, trunk, device: net, links: netLinks },
    outside: placed?.layout ?? null,
    devices,
  };
}

/** Every box the layout draws for a node, for tests and hit checks. */
export const nodeBoxes = (n: NodeLayout): Box[] => [n.root, n.kubeProxy, ...n.devices.map((d) => d.box), ...n.pods.map((p) => p.box)];

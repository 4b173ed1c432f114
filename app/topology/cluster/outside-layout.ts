import type { Topology } from '../../../src/index';
import { clusterStrings } from '../../i18n/cluster-strings';
import { box, type Point } from './geometry';
import type { DeviceLayout, Link, OutsideItem, OutsideLayout } from './model';
import { LINE_H, outsideLines, widestLine } from './outside-lines';

type Outside = NonNullable<Topology['outside']>;

const GAP_X = 12;
/** Between the internet clients and the router or load balancer they come in through. */
const ROW_GAP = 26;
const PAD_X = 10;
const MIN_W = 84;
/**
 * The packet stands just below a box, on the wire leaving it: a box outside the
 * cluster is all text, and a step that stays on one (a drop at the client) must not cover it.
 */
const ANCHOR_DY = 13;
/** Boxes are as wide as their text in either language, so switching language moves nothing. */
const LANGUAGES = [clusterStrings.en, clusterStrings.zh];

interface Sized {
  readonly id: string;
  readonly item: OutsideItem;
  readonly w: number;
  readonly h: number;
}

function sized(id: string, item: OutsideItem): Sized {
  const w = Math.max(MIN_W, Math.ceil(widestLine((s) => outsideLines(item, s), LANGUAGES)) + 2 * PAD_X);
  return { id, item, w, h: 12 + LINE_H * outsideLines(item, clusterStrings.en).length };
}

/** The router, or the load balancer with the addresses, source ranges and health checks of the LoadBalancer Services it fronts. */
function hopItem(hop: Outside['hops'][number], outside: Outside): OutsideItem {
  if (hop === 'router') return { kind: 'router' };
  const fronted = outside.services.filter((s) => s.type === 'LoadBalancer');
  return {
    kind: 'load-balancer',
    ips: fronted.flatMap((s) => s.loadBalancerIPs),
    ranges: [...new Set(fronted.flatMap((s) => s.loadBalancerSourceRanges))],
    health: fronted.flatMap((s) => (s.healthCheckNodePort === null ? [] : [{ port: s.healthCheckNodePort, checks: s.healthChecks }])),
  };
}

const rowWidth = (row: readonly Sized[]) => row.reduce((w, s) => w + s.w, 0) + Math.max(0, row.length - 1) * GAP_X;
const rowHeight = (row: readonly Sized[]) => Math.max(0, ...row.map((s) => s.h));

/** The outside world measured: its size, and where it goes once the caller knows where the nodes' network is. */
export interface OutsideMeasure {
  readonly width: number;
  readonly height: number;
  /** Its boxes right-aligned to `right` with their lower row ending at `bottom`, wired down to the band at `bandY`. */
  place(right: number, bottom: number, bandY: number): { layout: OutsideLayout; devices: DeviceLayout[] };
}

/**
 * The clients outside the cluster, the router and the cloud's load balancer, in
 * two rows above the nodes' network: internet clients on top, each wired down to
 * the router or load balancer it comes in through; below them those, and the
 * hosts on the nodes' own network, each wired down onto the band.
 */
export function measureOutside(outside: Outside): OutsideMeasure {
  const client = (c: Outside['clients'][number]) => sized(`${c.name}/eth0`, { kind: 'client', name: c.name, ip: c.ip, via: c.via });
  const viaRank = (c: Outside['clients'][number]) => outside.hops.indexOf(c.via as Outside['hops'][number]);
  const top = outside.clients
    .filter((c) => c.via !== 'node-network')
    .sort((a, b) => viaRank(a) - viaRank(b))
    .map(client);
  const bottom = [
    ...outside.hops.map((h) => sized(`outside/${h}`, hopItem(h, outside))),
    ...outside.clients.filter((c) => c.via === 'node-network').map(client),
  ];
  const [topH, bottomH] = [rowHeight(top), rowHeight(bottom)];
  return {
    width: Math.max(rowWidth(top), rowWidth(bottom)),
    height: bottomH + (top.length ? ROW_GAP + topH : 0),
    place(right, bottomY, bandY) {
      const placed = new Map<string, DeviceLayout>();
      const put = (row: readonly Sized[], y: (s: Sized) => number) => {
        let x = right - rowWidth(row);
        for (const s of row) {
          const b = box(x, y(s), s.w, s.h);
          const anchor: Point = [b.x + b.w / 2, b.y + b.h + ANCHOR_DY];
          placed.set(s.id, { id: s.id, kind: 'outside', label: s.id, detail: '', box: b, anchor });
          x += s.w + GAP_X;
        }
      };
      put(bottom, (s) => bottomY - s.h);
      put(top, () => bottomY - bottomH - ROW_GAP - topH);
      const down = (d: DeviceLayout): Link => ({ from: d.id, to: 'net', points: [d.anchor, [d.anchor[0], bandY]] });
      const links: Link[] = bottom.map((s) => down(placed.get(s.id)!));
      for (const c of outside.clients) {
        const from = placed.get(`${c.name}/eth0`)!;
        const hop = placed.get(`outside/${c.via}`);
        if (!hop) continue;
        // Across below the client, down through the router or load balancer to the wire leaving it.
        const points: Point[] = [from.anchor, [hop.anchor[0], from.anchor[1]], hop.anchor];
        links.push({ from: from.id, to: hop.id, points });
      }
      const items = new Map([...top, ...bottom].map((s) => [s.id, s.item]));
      const boxes = [...placed.values()].map((d) => ({ id: d.id, item: items.get(d.id)!, box: d.box, anchor: d.anchor }));
      return { layout: { boxes, links }, devices: [...placed.values()] };
    },
  };
}

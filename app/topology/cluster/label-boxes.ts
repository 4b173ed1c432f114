import type { ClusterStrings } from '../../i18n/cluster-strings';
import { box, type Box } from './geometry';
import type { ClusterLayout, DeviceLayout, NodeLayout } from './model';
import { nodeLabelY } from './node-layout';
import { textBox } from './text-box';

/**
 * Something the packet's card must not cover: a label (`text`, never) or a
 * drawn box whose empty part it may cover when nothing better is free
 * (`shape`: a device, a pod, a Service).
 */
export interface Obstacle {
  readonly box: Box;
  readonly kind: 'text' | 'shape';
}

const text = (b: Box): Obstacle => ({ box: b, kind: 'text' });
const shape = (b: Box): Obstacle => ({ box: b, kind: 'shape' });

/** A device's label, where DeviceShape and KubeIpvs0Shape write it. */
function deviceLabel(d: DeviceLayout, strings: ClusterStrings): Box {
  const b = d.box;
  const cx = b.x + b.w / 2;
  // kube-ipvs0's two lines (name, addresses) fill its lower part: the whole box.
  if (d.kind === 'kube-ipvs0') return b;
  const label = d.kind === 'routing' ? strings.routing : d.kind === 'host' ? strings.host : d.label;
  const line = label + (d.badge ? ` · ${d.badge}` : '') + (d.detail ? ` ${d.detail}` : '');
  const size = d.kind === 'hook' || d.kind === 'pod-eth0' ? 12 : 13;
  const bold = d.kind !== 'hook' && d.kind !== 'routing';
  const italic = d.kind === 'routing';
  if (d.kind === 'hook' || d.kind === 'host') return textBox(cx, b.y + b.h - 8, line, size, { anchor: 'middle', bold });
  return textBox(cx, b.y + b.h / 2, line, size, { anchor: 'middle', baseline: 'central', bold, italic });
}

/** A node's own labels (root netns, its name line, kube-proxy) and every device and pod in it. */
function nodeObstacles(n: NodeLayout, strings: ClusterStrings): Obstacle[] {
  const nameLine = `${n.name}  ${n.ip}  ·  ${strings.podRange} ${n.podCidr}`;
  const out: Obstacle[] = [
    text(textBox(n.root.x + 8, n.root.y + 18, strings.rootNetns, 12)),
    text(textBox(n.box.x + 14, nodeLabelY(n), nameLine, 13, { bold: true })),
    shape(n.kubeProxy),
    text(
      textBox(n.kubeProxy.x + n.kubeProxy.w / 2, n.kubeProxy.y + n.kubeProxy.h / 2, strings.kubeProxy, 12, {
        anchor: 'middle',
        baseline: 'central',
      }),
    ),
  ];
  for (const d of n.devices) out.push(shape(d.box), text(deviceLabel(d, strings)));
  for (const p of n.pods) {
    // PodShape writes name, IP and role centred from 42 px to 73 px below the pod's top; the role may be wider than the pod.
    const b = p.box;
    out.push(shape(b), text(box(b.x - 8, b.y + 29, b.w + 16, 48)));
  }
  return out;
}

const cache = new WeakMap<ClusterLayout, Map<ClusterStrings, readonly Obstacle[]>>();

/**
 * Where the static layer writes every label and draws every box the packet's
 * card should keep clear of, in canvas coordinates, estimated from the same
 * positions and font sizes the shapes use (a pure function, so placement can
 * be tested without a browser; tests/e2e/cluster-overlap.spec.ts measures the
 * real drawing). Computed once per layout and language.
 */
export function staticObstacles(layout: ClusterLayout, strings: ClusterStrings): readonly Obstacle[] {
  const byStrings = cache.get(layout) ?? new Map<ClusterStrings, readonly Obstacle[]>();
  cache.set(layout, byStrings);
  const cached = byStrings.get(strings);
  if (cached) return cached;
  const area = layout.serviceArea;
  const caption = layout.mode === 'ipvs' ? strings.servicesCaptionIpvs : strings.servicesCaption;
  const api = layout.apiServer;
  const apiX = api.x + api.w / 2;
  const out: Obstacle[] = [
    shape(api),
    text(textBox(apiX, api.y + 20, strings.apiServer, 13, { anchor: 'middle', bold: true })),
    text(textBox(apiX, api.y + 37, strings.apiServerDetail, 12, { anchor: 'middle' })),
    text(textBox(area.x, area.y + 12, caption, 12, { italic: true })),
    ...layout.services.map((s) => text(s.box)),
    ...layout.network.bands.map((b) =>
      text(
        textBox(b.x + 12, b.y + b.h / 2, layout.outside ? strings.nodesNetwork : strings.network, 12, {
          baseline: 'central',
          italic: true,
        }),
      ),
    ),
    // A box outside the cluster is all text: its lines fill it.
    ...(layout.outside?.boxes ?? []).map((o) => text(o.box)),
    ...layout.nodes.flatMap((n) => nodeObstacles(n, strings)),
  ];
  byStrings.set(strings, out);
  return out;
}

import type { Topology } from '../../../src/index';
import { box, type Box, type Point } from './geometry';
import type { DeviceLayout, Link, NodeLayout, PodLayout } from './model';

type TopologyNode = Topology['nodes'][number];
type TopologyPod = Topology['pods'][number];

/*
 * One node, drawn like the article's "VM 2" and extended with what the kernel
 * really does: the root netns holds eth0 at the top, then the five netfilter
 * hooks in the order of the kernel's packet-flow diagram
 * (PREROUTING -> routing -> FORWARD -> POSTROUTING, with routing -> INPUT ->
 * host -> OUTPUT -> POSTROUTING below), then cbr0 and one veth per pod along the
 * bottom edge; the pod namespaces hang below it. Every y is relative to the
 * node's top; the root netns shares that edge, as in the GIF.
 */
export const NODE_PAD = 8;
const ROOT_PAD = 8;
const HOOK_W = 96;
const ROUTING_W = 54;
const HOOK_GAP = 8;
const KERNEL_W = 3 * HOOK_W + ROUTING_W + 3 * HOOK_GAP;
export const POD_W = 104;
export const POD_GAP = 10;
const POD_H = 80;
const DEV_H = 28;
const VETH_W = 56;

// Rows inside the root netns (y relative to the node's top).
const Y = {
  eth0: 0,
  upperLane: 46,
  hooks: 62,
  midLane: 113,
  local: 124,
  lowerLane: 182,
  cbr0: 196,
  vethLane: 240,
  veth: 256,
  rootBottom: 284,
  pod: 308,
  label: 408,
  bottom: 418,
} as const;
/** Hooks are 44 high: the packet sits in the upper part, the name in the lower, as in the GIF's iptables box. */
const HOOK_H = 44;
const HOOK_ANCHOR = 12;

export const NODE_HEIGHT = Y.bottom;

/** The width a node needs for its pods (all nodes of a cluster share the widest). */
export function nodeWidth(podCount: number): number {
  const pods = podCount * (POD_W + POD_GAP) - POD_GAP + 2 * ROOT_PAD;
  return Math.max(KERNEL_W + 2 * ROOT_PAD, pods) + 2 * NODE_PAD;
}

const device = (id: string, kind: DeviceLayout['kind'], label: string, detail: string, b: Box, anchor?: Point): DeviceLayout => ({
  id,
  kind,
  label,
  detail,
  box: b,
  anchor: anchor ?? [b.x + b.w / 2, b.y + b.h / 2],
});

/** Lays out one node and its pods in a cell of the given width whose top-left corner is (x, y). */
export function layoutNode(node: TopologyNode, pods: readonly TopologyPod[], x: number, y: number, width: number): NodeLayout {
  const n = node.name;
  const root = box(x + NODE_PAD, y, width - 2 * NODE_PAD, Y.rootBottom);
  // The kernel block sits at the left, so in a wide node the hooks stay near the first pods, not 1000 px away.
  const kx = root.x + ROOT_PAD;
  const cx = kx + KERNEL_W / 2; // eth0 and cbr0 sit on this vertical
  const hook = (name: string, left: number, top: number, w = HOOK_W) =>
    device(`${n}/${name}`, 'hook', name, '', box(left, y + top, w, HOOK_H), [left + w / 2, y + top + HOOK_ANCHOR]);
  const pre = hook('PREROUTING', kx, Y.hooks);
  const routing = device(`${n}/routing`, 'routing', 'routing', '', box(kx + HOOK_W + HOOK_GAP, y + Y.hooks + 1, ROUTING_W, 22));
  const fwd = hook('FORWARD', routing.box.x + ROUTING_W + HOOK_GAP, Y.hooks);
  const post = hook('POSTROUTING', fwd.box.x + HOOK_W + HOOK_GAP, Y.hooks);
  // INPUT sits under routing (the local-delivery branch), then the host's own process, then OUTPUT.
  const input = hook('INPUT', routing.anchor[0] - 40, Y.local, 80);
  const hostBox = box(input.box.x + 90, y + Y.local, 48, HOOK_H);
  const host = device(`${n}/host`, 'host', 'host', '', hostBox, [hostBox.x + 24, hostBox.y + HOOK_ANCHOR]);
  const output = hook('OUTPUT', hostBox.x + 58, Y.local, 80);
  const eth0 = device(`${n}/eth0`, 'eth0', 'eth0', node.ip, box(cx - 64, y + Y.eth0, 128, DEV_H));
  const cbr0 = device(`${n}/cbr0`, 'cbr0', 'cbr0', node.bridgeIp, box(cx - 62, y + Y.cbr0, 124, DEV_H));

  const podsLeft = root.x + (root.w - (pods.length * (POD_W + POD_GAP) - POD_GAP)) / 2;
  const podLayouts: PodLayout[] = [];
  const veths: DeviceLayout[] = [];
  const links: Link[] = [];
  const ly = (dy: number) => y + dy;
  pods.forEach((pod, i) => {
    const px = podsLeft + i * (POD_W + POD_GAP);
    const vx = px + POD_W / 2;
    const veth = device(`${n}/${pod.veth}`, 'veth', pod.veth, '', box(vx - VETH_W / 2, ly(Y.veth), VETH_W, DEV_H));
    const podEth0 = device(`${pod.name}/eth0`, 'pod-eth0', 'eth0', '', box(vx - 24, ly(Y.pod), 48, 24));
    veths.push(veth);
    podLayouts.push({ name: pod.name, ip: pod.ip, node: n, box: box(px, ly(Y.pod), POD_W, POD_H), eth0: podEth0 });
    links.push({ from: cbr0.id, to: veth.id, points: [cbr0.anchor, [cx, ly(Y.vethLane)], [vx, ly(Y.vethLane)], veth.anchor] });
    links.push({ from: veth.id, to: podEth0.id, points: [veth.anchor, podEth0.anchor] });
  });

  const [preX, hookY] = pre.anchor;
  const postX = post.anchor[0];
  const out = output.anchor;
  links.push(
    { from: eth0.id, to: pre.id, points: [eth0.anchor, [cx, ly(Y.upperLane)], [preX, ly(Y.upperLane)], pre.anchor] },
    { from: post.id, to: eth0.id, points: [post.anchor, [postX, ly(Y.upperLane)], [cx, ly(Y.upperLane)], eth0.anchor] },
    { from: cbr0.id, to: pre.id, points: [cbr0.anchor, [cx, ly(Y.lowerLane)], [preX, ly(Y.lowerLane)], pre.anchor] },
    // POSTROUTING's way down to cbr0 runs right of OUTPUT, so the two never share a line.
    { from: post.id, to: cbr0.id, points: [post.anchor, [postX + 36, hookY], [postX + 36, ly(Y.lowerLane)], [cx, ly(Y.lowerLane)], cbr0.anchor] },
    { from: pre.id, to: routing.id, points: [pre.anchor, routing.anchor] },
    { from: routing.id, to: fwd.id, points: [routing.anchor, fwd.anchor] },
    { from: fwd.id, to: post.id, points: [fwd.anchor, post.anchor] },
    { from: routing.id, to: input.id, points: [routing.anchor, input.anchor] },
    { from: input.id, to: host.id, points: [input.anchor, host.anchor] },
    { from: host.id, to: output.id, points: [host.anchor, out] },
    { from: output.id, to: post.id, points: [out, [out[0], ly(Y.midLane)], [postX - 28, ly(Y.midLane)], [postX - 28, hookY], post.anchor] },
  );

  return {
    name: n,
    ip: node.ip,
    podCidr: node.podCidr,
    box: box(x, y, width, Y.bottom),
    root,
    kubeProxy: box(kx + KERNEL_W + ROOT_PAD - 90, y + 6, 84, 24),
    devices: [eth0, pre, routing, fwd, post, input, host, output, cbr0, ...veths, ...podLayouts.map((p) => p.eth0)],
    pods: podLayouts,
    links,
  };
}

/** Where the node's name and address are written: bottom left, as the GIF writes "VM 2". */
export const nodeLabelY = (n: NodeLayout) => n.box.y + Y.label;

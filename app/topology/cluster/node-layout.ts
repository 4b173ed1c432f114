import type { ProxyMode, Topology } from '../../../src/index';
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
 *
 * IPVS mode redraws the local row: kube-ipvs0 (the dummy device that holds
 * every ClusterIP) under the routing decision, then INPUT, where IPVS hooks
 * in, then OUTPUT, where IPVS re-injects the rewritten packet, then the host;
 * POSTROUTING moves right to make room, so the request reads PREROUTING ->
 * routing -> kube-ipvs0 -> INPUT -> OUTPUT -> POSTROUTING left to right.
 */
export const NODE_PAD = 8;
const ROOT_PAD = 8;
const HOOK_W = 96;
const ROUTING_W = 54;
const HOOK_GAP = 8;
const KERNEL_W = 3 * HOOK_W + ROUTING_W + 3 * HOOK_GAP;
/** IPVS mode's extra width: kube-ipvs0 joins the local row. */
const IPVS_EXTRA_W = 76;
const kernelWidth = (mode: ProxyMode) => KERNEL_W + (mode === 'ipvs' ? IPVS_EXTRA_W : 0);
const KUBE_IPVS0_W = 110;
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
  /** IPVS mode: the wire from INPUT back out to OUTPUT, over the host. */
  ipvsLane: 118,
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
export function nodeWidth(podCount: number, mode: ProxyMode = 'iptables'): number {
  const pods = podCount * (POD_W + POD_GAP) - POD_GAP + 2 * ROOT_PAD;
  return Math.max(kernelWidth(mode) + 2 * ROOT_PAD, pods) + 2 * NODE_PAD;
}

/** kube-ipvs0's addresses as `ip addr` prints them: every ClusterIP as a /32. */
const withPrefix = (a: string) => (a.includes('/') ? a : `${a}/32`);

const device = (
  id: string,
  kind: DeviceLayout['kind'],
  label: string,
  detail: string,
  b: Box,
  anchor?: Point,
  extra?: Partial<DeviceLayout>,
): DeviceLayout => ({
  id,
  kind,
  label,
  detail,
  box: b,
  anchor: anchor ?? [b.x + b.w / 2, b.y + b.h / 2],
  ...extra,
});

/** Lays out one node and its pods in a cell of the given width whose top-left corner is (x, y). */
export function layoutNode(
  node: TopologyNode,
  pods: readonly TopologyPod[],
  x: number,
  y: number,
  width: number,
  mode: ProxyMode = 'iptables',
): NodeLayout {
  const n = node.name;
  const ipvs = mode === 'ipvs';
  const root = box(x + NODE_PAD, y, width - 2 * NODE_PAD, Y.rootBottom);
  // The kernel block sits at the left, so in a wide node the hooks stay near the first pods, not 1000 px away.
  const kx = root.x + ROOT_PAD;
  const kernelW = kernelWidth(mode);
  const cx = kx + kernelW / 2; // eth0 and cbr0 sit on this vertical
  const hook = (name: string, left: number, top: number, w = HOOK_W, extra?: Partial<DeviceLayout>) =>
    device(`${n}/${name}`, 'hook', name, '', box(left, y + top, w, HOOK_H), [left + w / 2, y + top + HOOK_ANCHOR], extra);
  const pre = hook('PREROUTING', kx, Y.hooks);
  const routing = device(`${n}/routing`, 'routing', 'routing', '', box(kx + HOOK_W + HOOK_GAP, y + Y.hooks + 1, ROUTING_W, 22));
  const fwd = hook('FORWARD', routing.box.x + ROUTING_W + HOOK_GAP, Y.hooks);
  const post = hook('POSTROUTING', fwd.box.x + HOOK_W + HOOK_GAP + (ipvs ? IPVS_EXTRA_W : 0), Y.hooks);
  const eth0 = device(`${n}/eth0`, 'eth0', 'eth0', node.ip, box(cx - 64, y + Y.eth0, 128, DEV_H));
  const cbr0 = device(`${n}/cbr0`, 'cbr0', 'cbr0', node.bridgeIp, box(cx - 62, y + Y.cbr0, 124, DEV_H));
  const local = ipvs ? ipvsLocalRow(n, node, routing, hook, y) : iptablesLocalRow(n, routing, hook, y);
  const { input, host, output } = local;

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
    {
      from: post.id,
      to: cbr0.id,
      points: [post.anchor, [postX + 36, hookY], [postX + 36, ly(Y.lowerLane)], [cx, ly(Y.lowerLane)], cbr0.anchor],
    },
    { from: pre.id, to: routing.id, points: [pre.anchor, routing.anchor] },
    { from: routing.id, to: fwd.id, points: [routing.anchor, fwd.anchor] },
    { from: fwd.id, to: post.id, points: [fwd.anchor, post.anchor] },
    { from: input.id, to: host.id, points: [input.anchor, host.anchor] },
    { from: host.id, to: output.id, points: [host.anchor, out] },
    ...local.links,
    // In IPVS mode OUTPUT sits under POSTROUTING: straight up into it.
    ipvs
      ? { from: output.id, to: post.id, points: [out, [out[0], hookY], post.anchor] }
      : {
          from: output.id,
          to: post.id,
          points: [out, [out[0], ly(Y.midLane)], [postX - 28, ly(Y.midLane)], [postX - 28, hookY], post.anchor],
        },
  );

  return {
    name: n,
    ip: node.ip,
    podCidr: node.podCidr,
    box: box(x, y, width, Y.bottom),
    root,
    kubeProxy: box(kx + kernelW + ROOT_PAD - 90, y + 6, 84, 24),
    devices: [eth0, pre, routing, fwd, post, ...local.devices, cbr0, ...veths, ...podLayouts.map((p) => p.eth0)],
    pods: podLayouts,
    links,
  };
}

type HookMaker = (name: string, left: number, top: number, w?: number, extra?: Partial<DeviceLayout>) => DeviceLayout;
interface LocalRow {
  readonly input: DeviceLayout;
  readonly host: DeviceLayout;
  readonly output: DeviceLayout;
  /** In drawing order (the layout's device order is the tests' and the highlight's). */
  readonly devices: readonly DeviceLayout[];
  /** The row's own links, besides INPUT -> host -> OUTPUT. */
  readonly links: readonly Link[];
}

const hostDevice = (n: string, left: number, y: number, w: number) =>
  device(`${n}/host`, 'host', 'host', '', box(left, y + Y.local, w, HOOK_H), [left + w / 2, y + Y.local + HOOK_ANCHOR]);

/** iptables mode: INPUT under routing (the local-delivery branch), then the host's own process, then OUTPUT. */
function iptablesLocalRow(n: string, routing: DeviceLayout, hook: HookMaker, y: number): LocalRow {
  const input = hook('INPUT', routing.anchor[0] - 40, Y.local, 80);
  const host = hostDevice(n, input.box.x + 90, y, 48);
  const output = hook('OUTPUT', host.box.x + 58, Y.local, 80);
  return {
    input,
    host,
    output,
    devices: [input, host, output],
    links: [{ from: routing.id, to: input.id, points: [routing.anchor, input.anchor] }],
  };
}

/**
 * IPVS mode: kube-ipvs0 under routing, because routing finds the ClusterIP
 * there (a local address) and so delivers the packet to INPUT; INPUT carries
 * IPVS's badge; IPVS re-injects the rewritten packet at OUTPUT over a wire
 * that hops over the host (the packet never reaches a local process).
 */
function ipvsLocalRow(n: string, node: TopologyNode, routing: DeviceLayout, hook: HookMaker, y: number): LocalRow {
  const addresses = node.ipvsAddresses.map(withPrefix);
  const kipvsBox = box(routing.anchor[0] - KUBE_IPVS0_W / 2, y + Y.local - 6, KUBE_IPVS0_W, HOOK_H + 12);
  const kubeIpvs0 = device(`${n}/kube-ipvs0`, 'kube-ipvs0', 'kube-ipvs0', '', kipvsBox, [routing.anchor[0], y + Y.local + HOOK_ANCHOR], {
    addresses,
  });
  const input = hook('INPUT', kipvsBox.x + KUBE_IPVS0_W + 8, Y.local, 84, { badge: 'IPVS' });
  const host = hostDevice(n, input.box.x + 84 + 8, y, 44);
  const output = hook('OUTPUT', host.box.x + 44 + 8, Y.local, 70);
  const hop = y + Y.ipvsLane;
  return {
    input,
    host,
    output,
    devices: [kubeIpvs0, input, host, output],
    links: [
      { from: routing.id, to: kubeIpvs0.id, points: [routing.anchor, kubeIpvs0.anchor] },
      { from: kubeIpvs0.id, to: input.id, points: [kubeIpvs0.anchor, input.anchor] },
      { from: input.id, to: output.id, points: [input.anchor, [input.anchor[0], hop], [output.anchor[0], hop], output.anchor] },
    ],
  };
}

/** Where the node's name and address are written: bottom left, as the GIF writes "VM 2". */
export const nodeLabelY = (n: NodeLayout) => n.box.y + Y.label;

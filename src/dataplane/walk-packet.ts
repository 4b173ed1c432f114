import { cidrContains } from '../net/cidr';
import { deviceId, type NodeName } from '../net/ids';
import type { Packet } from '../net/packet';
import type { ClusterNode, ClusterPod, ExternalClient } from '../cluster/model';
import { forward, postrouting, prerouting } from './hooks';
import { input, output } from './host-hooks';
import { outputAfterIpvs } from './output-after-ipvs';
import { modeEngine } from './mode-engines';
import { findVirtualServer } from '../ipvs/virtual-server';
import { lookupRoute, nextNode } from './routes';
import { device, stepDraft, type RecordStep } from './step-draft';
import { kernelOf, type NodeKernel, type World } from './world';
import type { NetfilterPass } from './netfilter-pass';
import { deliverOutside } from './outside-delivery';

/**
 * Who sends or receives: a pod, a process in a node's own network namespace, or a
 * client outside the cluster (with the node its packets are handed to).
 */
export type Peer =
  | { readonly kind: 'pod'; readonly pod: ClusterPod }
  | { readonly kind: 'host'; readonly node: ClusterNode }
  | { readonly kind: 'external'; readonly client: ExternalClient; readonly entry: ClusterNode };

export type RefusedBy = 'REJECT' | 'IPVS';

/** Where a packet's walk ended. */
export type WalkOutcome =
  | { readonly kind: 'delivered'; readonly peer: Peer; readonly packet: Packet }
  | {
      readonly kind: 'rejected';
      readonly node: NodeName;
      /** The packet as it was refused: the ICMP error quotes it. */
      readonly packet: Packet;
      /** Who refused it: a REJECT rule, or IPVS with no real server (ip_vs_leave). */
      readonly by: RefusedBy;
    }
  | { readonly kind: 'dropped'; readonly node: NodeName | null; readonly reason: string };

interface Arrival {
  readonly inDev: 'cbr0' | 'eth0';
  /** The bridge port the frame came in on (for hairpin). */
  readonly inPort: string | null;
  /** Set when the frame was addressed to another port's MAC: the bridge forwards it, br_netfilter runs the IP hooks on the way. */
  readonly bridgedTo: ClusterPod | null;
}

const podsOn = (world: World, node: ClusterNode) => world.cluster.pods.filter((p) => p.node === node.name);

/**
 * Walks one packet from a pod's eth0 to wherever it ends: the veth pair, the
 * bridge, the root namespace's netfilter hooks and routing on each node it
 * crosses, the wire between nodes. Every hop is recorded as a step.
 */
export function walkFromPod(world: World, pod: ClusterPod, packet: Packet, record: RecordStep): WalkOutcome {
  const kernel = kernelOf(world, pod.node);
  const node = kernel.node;
  // The pod's own routing table: its /24 is on-link, everything else goes to
  // the default gateway, the bridge's address. So a Service IP is never ARPed
  // for: the frame is addressed to cbr0's MAC.
  const onLink = cidrContains(node.podCidr, packet.dstIp);
  const neighbour =
    !onLink || packet.dstIp === node.bridgeIp ? node.bridgeMac : podsOn(world, node).find((p) => p.ip === packet.dstIp)?.mac;
  if (!neighbour) {
    return { kind: 'dropped', node: node.name, reason: `nobody answers ARP for ${packet.dstIp}` };
  }
  const framed: Packet = { ...packet, srcMac: pod.mac, dstMac: neighbour };
  record(
    stepDraft({
      kind: 'leave-pod',
      node: node.name,
      at: device(pod.name, 'eth0'),
      to: device(node.name, pod.veth),
      packet: framed,
      note: {
        id: onLink ? 'leave-pod.on-link' : 'leave-pod.gateway',
        params: { pod: pod.name, dst: packet.dstIp, gateway: node.bridgeIp, veth: pod.veth },
      },
    }),
  );
  record(
    stepDraft({
      kind: 'veth',
      node: node.name,
      at: device(node.name, pod.veth),
      to: device(node.name, 'cbr0'),
      packet: framed,
      note: { id: 'veth', params: { pod: pod.name, veth: pod.veth } },
    }),
  );
  return atBridge(world, kernel, framed, pod.veth, record);
}

function atBridge(world: World, kernel: NodeKernel, packet: Packet, inPort: string, record: RecordStep): WalkOutcome {
  const node = kernel.node;
  // A frame addressed to cbr0's own MAC goes up to the root namespace's IP
  // stack; one addressed to another port's MAC is bridged, and br_netfilter
  // runs the IP hooks on it on the way.
  const toBridge = packet.dstMac === node.bridgeMac;
  const target = toBridge ? null : podsOn(world, node).find((p) => p.mac === packet.dstMac);
  if (target === undefined) return { kind: 'dropped', node: node.name, reason: `no bridge port has MAC ${packet.dstMac}` };
  record(
    stepDraft({
      kind: toBridge ? 'bridge-miss' : 'bridge',
      node: node.name,
      at: device(node.name, 'cbr0'),
      to: device(node.name, 'PREROUTING'),
      packet,
      note: target
        ? { id: 'bridge.br-netfilter', params: { dst: packet.dstIp, port: target.veth } }
        : { id: 'bridge-miss', params: { dst: packet.dstIp, bridge: node.bridgeIp } },
    }),
  );
  return ipStack(world, kernel, packet, { inDev: 'cbr0', inPort, bridgedTo: target }, record);
}

type Egress =
  | { readonly dev: 'cbr0'; readonly pod: ClusterPod; readonly routed: boolean }
  | { readonly dev: 'eth0'; readonly next: ClusterNode | null };

/** PREROUTING, the routing decision, FORWARD, POSTROUTING, then out of the bridge or eth0. */
function ipStack(world: World, kernel: NodeKernel, packet: Packet, arrival: Arrival, record: RecordStep): WalkOutcome {
  const node = kernel.node;
  const pre = prerouting(world, kernel, packet, arrival.inDev, record);
  if (pre.verdict === 'REJECT') return { kind: 'rejected', node: node.name, packet: pre.packet, by: 'REJECT' };
  if (pre.verdict === 'DROP') return { kind: 'dropped', node: node.name, reason: 'a PREROUTING chain dropped it' };
  const dst = pre.packet.dstIp;
  let egress: Egress;
  let current = pre.packet;
  if (arrival.bridgedTo && dst === arrival.bridgedTo.ip) {
    egress = { dev: 'cbr0', pod: arrival.bridgedTo, routed: false };
  } else {
    const route = lookupRoute(world.cluster, node, dst, kernel.ipvsAddresses);
    const target = route.kind === 'bridge' ? podsOn(world, node).find((p) => p.ip === dst) : undefined;
    if (route.kind === 'local' && toIpvs(kernel, pre.packet)) return throughIpvs(world, kernel, pre, arrival, route.text, record);
    if (route.kind === 'local') return deliverToHost(world, kernel, pre, arrival.inDev, route.text, record);
    if (route.kind === 'bridge' && !target)
      return { kind: 'dropped', node: node.name, reason: `no pod has ${dst} on ${node.name}'s bridge` };
    // br_netfilter: a frame that came in on the bridge and whose DNATed
    // destination sits behind the same bridge is bridged back, not routed
    // (br_nf_pre_routing_finish), so its TTL is not decremented.
    const bridged = route.kind === 'bridge' && arrival.inDev === 'cbr0';
    current = bridged ? current : { ...current, ttl: current.ttl - 1 };
    egress = target ? { dev: 'cbr0', pod: target, routed: !bridged } : { dev: 'eth0', next: nextNode(route) };
    record(
      stepDraft({
        kind: 'route',
        node: node.name,
        at: device(node.name, 'PREROUTING'),
        to: device(node.name, 'FORWARD'),
        packet: pre.packet,
        after: current,
        note: { id: bridged ? 'route.bridged' : `route.${route.kind}`, params: { dst, route: route.text, node: node.name } },
      }),
    );
  }
  // IPVS mode: a reply from a real server is rewritten by IPVS right after filter FORWARD.
  const ipvsReply = kernel.ipvs !== null && modeEngine('ipvs').lookupConn(kernel.ipvs, current, 'reply') !== null;
  const fwd = forward(world, kernel, { ...pre, packet: current }, arrival.inDev, egress.dev, record, ipvsReply);
  if (fwd.verdict === 'REJECT') return { kind: 'rejected', node: node.name, packet: current, by: 'REJECT' };
  if (fwd.verdict === 'DROP') return { kind: 'dropped', node: node.name, reason: 'filter FORWARD dropped it' };
  const forwarded = ipvsReply ? modeEngine('ipvs').forwardReply(world, kernel, fwd.pass, record) : fwd.pass;
  const out = postrouting(world, kernel, forwarded, egress.dev, record);
  if (egress.dev === 'cbr0') return deliverOnBridge(kernel, out, egress.pod, egress.routed, arrival.inPort, record);
  return crossWire(world, kernel, out, egress.next, record);
}

function deliverOnBridge(
  kernel: NodeKernel,
  packet: Packet,
  pod: ClusterPod,
  routed: boolean,
  inPort: string | null,
  record: RecordStep,
): WalkOutcome {
  const node = kernel.node;
  // A routed packet is re-framed by the root namespace (source cbr0's MAC,
  // destination from its neighbour table); a bridged frame keeps its MACs
  // apart from the destination a DNAT made necessary.
  const framed: Packet = { ...packet, srcMac: routed ? node.bridgeMac : packet.srcMac, dstMac: pod.mac };
  const hairpin = inPort === pod.veth;
  record(
    stepDraft({
      kind: 'bridge',
      node: node.name,
      at: device(node.name, 'cbr0'),
      to: device(node.name, pod.veth),
      packet,
      after: framed,
      note: { id: hairpin ? 'bridge.hairpin' : 'bridge.forward', params: { port: pod.veth, pod: pod.name, mac: pod.mac } },
    }),
  );
  record(
    stepDraft({
      kind: 'deliver',
      node: node.name,
      at: device(node.name, pod.veth),
      to: device(pod.name, 'eth0'),
      packet: framed,
      note: {
        id: 'deliver',
        params: { pod: pod.name, src: `${framed.srcIp}:${framed.srcPort}`, dst: `${framed.dstIp}:${framed.dstPort}` },
      },
    }),
  );
  return { kind: 'delivered', peer: { kind: 'pod', pod }, packet: framed };
}

function crossWire(world: World, kernel: NodeKernel, packet: Packet, next: ClusterNode | null, record: RecordStep): WalkOutcome {
  const node = kernel.node;
  const outside = next ? null : deliverOutside(world, kernel, packet, record);
  if (outside) {
    const framed = { ...packet, srcMac: node.eth0Mac, dstMac: outside.mac };
    return { kind: 'delivered', peer: { kind: 'external', client: outside, entry: node }, packet: framed };
  }
  const framed: Packet = { ...packet, srcMac: node.eth0Mac, dstMac: next ? next.eth0Mac : packet.dstMac };
  record(
    stepDraft({
      kind: 'wire',
      node: null,
      at: device(node.name, 'eth0'),
      to: next ? device(next.name, 'eth0') : deviceId('net'),
      packet,
      after: framed,
      note: { id: next ? 'wire' : 'wire.nowhere', params: { from: node.name, to: next?.name ?? '', dst: packet.dstIp } },
    }),
  );
  if (!next) return { kind: 'dropped', node: null, reason: `the network has no route to ${packet.dstIp}` };
  return arriveAtNode(world, kernelOf(world, next.name), framed, record);
}

/** A frame comes in on a node's eth0 from the wire: the node's IP stack takes it. */
export function arriveAtNode(world: World, nextKernel: NodeKernel, framed: Packet, record: RecordStep): WalkOutcome {
  const next = nextKernel.node;
  record(
    stepDraft({
      kind: 'arrive-node',
      node: next.name,
      at: device(next.name, 'eth0'),
      to: device(next.name, 'PREROUTING'),
      packet: framed,
      note: { id: 'arrive-node', params: { node: next.name, dst: framed.dstIp } },
    }),
  );
  return ipStack(world, nextKernel, framed, { inDev: 'eth0', inPort: null, bridgedTo: null }, record);
}

/**
 * IPVS mode: a packet for an address on kube-ipvs0 (a ClusterIP, external or load balancer
 * IP), or for a virtual server on one of the node's own addresses (a node port), is IPVS's
 * at LOCAL_IN. A reply to one of IPVS's own connections is not: it is the node's.
 */
function toIpvs(kernel: NodeKernel, packet: Packet): boolean {
  if (kernel.ipvs === null) return false;
  if (kernel.ipvsAddresses.has(packet.dstIp)) return true;
  return findVirtualServer(kernel.ipvs, packet.protocol, packet.dstIp, packet.dstPort) !== null;
}

/** Why the route is local: a ClusterIP on kube-ipvs0, an external or load balancer IP kube-proxy bound there too, or the node's own address at a node port. */
function ipvsRouteNote(world: World, kernel: NodeKernel, packet: Packet): string {
  if (!kernel.ipvsAddresses.has(packet.dstIp)) return 'route.ipvs-node-port';
  return world.cluster.services.some((s) => s.clusterIP === packet.dstIp) ? 'route.ipvs-local' : 'route.ipvs-local-external';
}

/**
 * IPVS mode: the ClusterIP is local (kube-ipvs0), so the packet goes to INPUT,
 * where IPVS rewrites it to a real server; then it is routed again, passes
 * OUTPUT and POSTROUTING, and leaves through the bridge or eth0.
 */
function throughIpvs(
  world: World,
  kernel: NodeKernel,
  pre: NetfilterPass,
  arrival: Arrival,
  routeText: string,
  record: RecordStep,
): WalkOutcome {
  const node = kernel.node;
  record(
    stepDraft({
      kind: 'route',
      node: node.name,
      at: device(node.name, 'PREROUTING'),
      to: device(node.name, 'kube-ipvs0'),
      packet: pre.packet,
      note: { id: ipvsRouteNote(world, kernel, pre.packet), params: { dst: pre.packet.dstIp, route: routeText, node: node.name } },
    }),
  );
  const ipvs = modeEngine('ipvs').input(world, kernel, pre, arrival.inDev, record);
  if (ipvs.kind === 'rejected') return { kind: 'rejected', node: node.name, packet: ipvs.packet, by: ipvs.by };
  if (ipvs.kind === 'dropped') return { kind: 'dropped', node: node.name, reason: ipvs.reason };
  const dst = ipvs.pass.packet.dstIp;
  const route = lookupRoute(world.cluster, node, dst, kernel.ipvsAddresses);
  const target = route.kind === 'bridge' ? podsOn(world, node).find((p) => p.ip === dst) : undefined;
  if (route.kind === 'local' || (route.kind === 'bridge' && !target))
    return { kind: 'dropped', node: node.name, reason: `IPVS sent the packet to ${dst}, which no pod holds` };
  const egress = target ? ('cbr0' as const) : ('eth0' as const);
  const verdict = outputAfterIpvs(world, kernel, ipvs.pass, egress, record);
  if (verdict === 'REJECT') return { kind: 'rejected', node: node.name, packet: ipvs.pass.packet, by: 'REJECT' };
  if (verdict === 'DROP') return { kind: 'dropped', node: node.name, reason: 'filter OUTPUT dropped it' };
  const out = postrouting(world, kernel, ipvs.pass, egress, record);
  if (target) return deliverOnBridge(kernel, out, target, true, arrival.inPort, record);
  return crossWire(world, kernel, out, nextNode(route), record);
}

function deliverToHost(
  world: World,
  kernel: NodeKernel,
  pre: NetfilterPass,
  inDev: string,
  routeText: string,
  record: RecordStep,
): WalkOutcome {
  const node = kernel.node;
  record(
    stepDraft({
      kind: 'route',
      node: node.name,
      at: device(node.name, 'PREROUTING'),
      to: device(node.name, 'INPUT'),
      packet: pre.packet,
      note: { id: 'route.local', params: { dst: pre.packet.dstIp, route: routeText, node: node.name } },
    }),
  );
  // IPVS mode: a reply to the node's own connection is rewritten by IPVS at LOCAL_IN.
  const ipvsReply = kernel.ipvs !== null && modeEngine('ipvs').lookupConn(kernel.ipvs, pre.packet, 'reply') !== null;
  const verdict = input(world, kernel, pre, inDev, record, ipvsReply);
  if (verdict === 'REJECT') return { kind: 'rejected', node: node.name, packet: pre.packet, by: 'REJECT' };
  if (verdict === 'DROP') return { kind: 'dropped', node: node.name, reason: 'filter INPUT dropped it' };
  const delivered = ipvsReply ? modeEngine('ipvs').forwardReply(world, kernel, pre, record, 'INPUT') : pre;
  return { kind: 'delivered', peer: { kind: 'host', node }, packet: delivered.packet };
}

/**
 * A packet sent by a process in a node's root network namespace: OUTPUT, the
 * routing decision again after any DNAT, POSTROUTING, then out of the bridge
 * or eth0. Its replies come back through PREROUTING and INPUT.
 */
export function walkFromHost(world: World, node: ClusterNode, packet: Packet, record: RecordStep): WalkOutcome {
  const kernel = kernelOf(world, node.name);
  const out = output(world, kernel, packet, record);
  if (out.verdict === 'REJECT') return { kind: 'rejected', node: node.name, packet: out.pass.packet, by: out.by ?? 'REJECT' };
  if (out.verdict === 'DROP') return { kind: 'dropped', node: node.name, reason: 'filter OUTPUT dropped it' };
  const dst = out.pass.packet.dstIp;
  const route = lookupRoute(world.cluster, node, dst, kernel.ipvsAddresses);
  const target = route.kind === 'bridge' ? podsOn(world, node).find((p) => p.ip === dst) : undefined;
  if (route.kind === 'local') {
    return {
      kind: 'dropped',
      node: node.name,
      reason: kernel.ipvsAddresses.has(dst)
        ? `${dst} is on kube-ipvs0: a node's own traffic to a ClusterIP in IPVS mode goes over loopback, which is not simulated yet`
        : `${dst} is the node itself: loopback traffic is not simulated`,
    };
  }
  if (route.kind === 'bridge' && !target) return { kind: 'dropped', node: node.name, reason: `no pod has ${dst} on ${node.name}'s bridge` };
  record(
    stepDraft({
      kind: 'route',
      node: node.name,
      at: device(node.name, 'OUTPUT'),
      to: device(node.name, 'POSTROUTING'),
      packet: out.pass.packet,
      note: { id: `route.output-${route.kind}`, params: { dst, route: route.text, node: node.name } },
    }),
  );
  const egress = target ? ('cbr0' as const) : ('eth0' as const);
  const sent = postrouting(world, kernel, out.pass, egress, record);
  if (target) return deliverOnBridge(kernel, sent, target, true, null, record);
  return crossWire(world, kernel, sent, nextNode(route), record);
}

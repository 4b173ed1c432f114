import type { ClusterNode, ClusterPod } from '../cluster/model';
import { formatQuoted, type IcmpPacket, type Packet } from '../net/packet';
import type { Ipv4 } from '../net/ipv4';
import { hookRules } from './nft-hooks';
import { isLocalAddress, lookupRoute, type Route } from './routes';
import { device, stepDraft, type RecordStep } from './step-draft';
import type { Peer, RefusedBy } from './walk-packet';
import { kernelOf, type NodeKernel, type World } from './world';

/** A packet a node refused, and who refused it. */
export interface Refusal {
  readonly node: ClusterNode['name'];
  readonly packet: Packet;
  readonly by: RefusedBy;
}

/**
 * The source address icmp_send (net/ipv4/icmp.c) gives an error: the refused
 * packet's own destination when that was an address of the node (a ClusterIP
 * on kube-ipvs0 in IPVS mode); otherwise the address the node's route back to
 * the sender picks (cbr0's for a pod on its bridge, eth0's for anyone reached
 * through eth0, the sender's own address when the sender is the node itself).
 */
export function icmpSource(node: ClusterNode, refused: Packet, back: Route, ipvsAddresses: ReadonlySet<string>): Ipv4 {
  if (isLocalAddress(node, refused.dstIp, ipvsAddresses)) return refused.dstIp;
  if (back.kind === 'bridge') return node.bridgeIp;
  if (back.kind === 'local') return refused.srcIp;
  return node.ip;
}

/** ICMP destination unreachable, port unreachable (type 3, code 3), quoting the refused packet. */
function icmpError(src: Ipv4, refused: Packet): IcmpPacket {
  const { srcIp, dstIp, protocol, srcPort, dstPort, flags, ttl } = refused;
  return {
    srcMac: '',
    dstMac: '',
    srcIp: src,
    dstIp: refused.srcIp,
    protocol: 'icmp',
    srcPort: 0,
    dstPort: 0,
    flags: [],
    ttl: 64,
    icmp: { type: 3, code: 3, quoted: { srcIp, dstIp, protocol, srcPort, dstPort, flags, ttl } },
  };
}

/** A filter chain on the error: conntrack ties it to the refused connection, so it is RELATED (never NEW). */
function filterRelated(world: World, kernel: NodeKernel, hook: 'OUTPUT' | 'INPUT', packet: IcmpPacket, dev: string) {
  // In nftables mode kube-proxy's filter chains at the hook run too (their `ct state new` rules let it by).
  return hookRules(
    world,
    kernel,
    'filter',
    hook,
    { packet, mark: 0, ctstate: ['RELATED'], inInterface: hook === 'INPUT' ? dev : null, outInterface: hook === 'OUTPUT' ? dev : null },
    { nat: false },
  );
}

/**
 * What happens after a REJECT rule (nf_send_unreach) or IPVS with no real
 * server (ip_vs_leave) refused a packet: the node sends ICMP port unreachable
 * back to the sender, a packet it generates itself (ip_local_out), so it runs
 * filter OUTPUT and POSTROUTING, then travels to the sender, whose kernel hands
 * the error to the socket: connect() fails with ECONNREFUSED. No conntrack
 * entry is made (the refused packet's was never confirmed; the error is
 * RELATED to it). kube-proxy's rules match a Service's ClusterIP, which never
 * leaves the sender's node unrewritten, so the refusing node is always the
 * sender's own: a pod on its bridge, or the node itself. Returns false (and
 * records nothing) for a sender anywhere else.
 */
export function walkIcmpError(world: World, refusal: Refusal, sender: Peer, record: RecordStep): boolean {
  const kernel = kernelOf(world, refusal.node);
  const node = kernel.node;
  const refused = refusal.packet;
  const back = lookupRoute(world.cluster, node, refused.srcIp, kernel.ipvsAddresses);
  const pod = sender.kind === 'pod' && sender.pod.node === node.name && back.kind === 'bridge' ? sender.pod : null;
  const self = sender.kind === 'host' && sender.node.name === node.name && back.kind === 'local';
  if (!pod && !self) return false;
  const src = icmpSource(node, refused, back, kernel.ipvsAddresses);
  const error = icmpError(src, refused);
  const local = isLocalAddress(node, refused.dstIp, kernel.ipvsAddresses);
  const dev = back.kind === 'bridge' ? 'cbr0' : 'lo';
  const out = filterRelated(world, kernel, 'OUTPUT', error, dev);
  const params = {
    node: node.name,
    by: refusal.by,
    src,
    dst: error.dstIp,
    quoted: formatQuoted(error.icmp.quoted),
    route: back.text,
    client: pod ? pod.name : node.name,
  };
  const here = device(node.name, 'OUTPUT');
  record(
    stepDraft({
      kind: 'icmp-error',
      node: node.name,
      at: here,
      to: here,
      hook: 'OUTPUT',
      packet: error,
      rules: out.evaluated,
      nftRules: out.nftRules,
      note: { id: local ? 'icmp-error.local-dst' : 'icmp-error.routed', params },
    }),
  );
  if (out.verdict !== 'ACCEPT') return true;
  if (pod) deliverToPod(kernel, error, pod, params, record);
  else deliverToSelf(world, kernel, error, params, record);
  return true;
}

type Params = Readonly<Record<string, string>>;

/** The error's way to a pod on the node's bridge: routing, POSTROUTING, cbr0, the veth, the pod's eth0, its socket. */
function deliverToPod(kernel: NodeKernel, error: IcmpPacket, pod: ClusterPod, params: Params, record: RecordStep): void {
  const n = kernel.node.name;
  const common = { node: n, packet: error };
  record(
    stepDraft({
      ...common,
      kind: 'route',
      at: device(n, 'OUTPUT'),
      to: device(n, 'POSTROUTING'),
      note: { id: 'route.icmp-bridge', params },
    }),
  );
  record(
    stepDraft({
      ...common,
      kind: 'hook',
      hook: 'POSTROUTING',
      at: device(n, 'POSTROUTING'),
      to: device(n, 'cbr0'),
      note: { id: 'postrouting.icmp', params },
    }),
  );
  // The node routes the error onto its bridge: from cbr0's MAC to the pod's.
  const framed: IcmpPacket = { ...error, srcMac: kernel.node.bridgeMac, dstMac: pod.mac };
  const port = { ...params, port: pod.veth, pod: pod.name };
  record(
    stepDraft({
      ...common,
      kind: 'bridge',
      at: device(n, 'cbr0'),
      to: device(n, pod.veth),
      after: framed,
      note: { id: 'bridge.forward', params: port },
    }),
  );
  // The last hop and what the pod's kernel makes of the error, in one step: it reaches eth0 and fails the socket.
  const at = device(n, pod.veth);
  record(
    stepDraft({ ...common, packet: framed, kind: 'socket-error', at, to: device(pod.name, 'eth0'), note: socketNote(error, port, '') }),
  );
}

/**
 * The error to the node's own socket, in one step: back in over lo
 * (POSTROUTING, PREROUTING), filter INPUT (which passes it as RELATED), then
 * the socket that sent the refused packet fails.
 */
function deliverToSelf(world: World, kernel: NodeKernel, error: IcmpPacket, params: Params, record: RecordStep): void {
  const n = kernel.node.name;
  const input = filterRelated(world, kernel, 'INPUT', error, 'lo');
  const failed = input.verdict === 'ACCEPT';
  record(
    stepDraft({
      kind: failed ? 'socket-error' : 'drop',
      node: n,
      hook: 'INPUT',
      at: device(n, 'OUTPUT'),
      to: device(n, failed ? 'host' : 'INPUT'),
      packet: error,
      rules: input.evaluated,
      nftRules: input.nftRules,
      note: failed ? socketNote(error, params, '.local') : { id: 'drop', params: { reason: 'filter INPUT dropped the ICMP error' } },
    }),
  );
}

/**
 * What the sender's kernel makes of a port unreachable, as it arrives: TCP's
 * connect() fails at once; UDP and SCTP differ. `.local` when the sender is
 * the node itself (the error came back over lo).
 */
function socketNote(error: IcmpPacket, params: Params, where: '' | '.local') {
  return { id: `socket-error.${error.icmp.quoted.protocol}${where}`, params };
}

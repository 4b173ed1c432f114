import { findVirtualServer, lookupIpvsConn, scheduleConnection, updateIpvsConn, virtualServerKey, type IpvsState } from '../ipvs';
import type { Packet } from '../net/packet';
import type { VirtualServer } from '../ipvs/types';
import type { IpvsChange } from '../trace/types';
import { ipvsChoiceNote } from './ipvs-choice';
import { isLocalFallback } from './ipvs-local-fallback';
import { samePacket } from './hooks';
import { filterHook } from './filter-hook';
import type { NetfilterPass } from './netfilter-pass';
import { device, stepDraft, type RecordStep } from './step-draft';
import type { NodeKernel, World } from './world';

/** "TCP  10.96.0.10:80", the virtual server a packet is addressed to, as `ipvsadm -Ln` names it. */
function vsName(state: IpvsState, packet: Packet): string {
  const vs = findVirtualServer(state, packet.protocol, packet.dstIp, packet.dstPort);
  return vs ? virtualServerKey(vs) : `${packet.protocol.toUpperCase()}  ${packet.dstIp}:${packet.dstPort}`;
}

export type IpvsInResult =
  | { readonly kind: 'forwarded'; readonly pass: NetfilterPass }
  | { readonly kind: 'rejected'; readonly packet: Packet; readonly by: 'REJECT' | 'IPVS' }
  | { readonly kind: 'dropped'; readonly reason: string };

/**
 * A packet to a ClusterIP in IPVS mode, delivered locally because the address
 * is on kube-ipvs0: filter INPUT (priority 0), then IPVS's ip_vs_in hook at
 * LOCAL_IN priority 99. For a connection's first packet the scheduler picks a
 * real server; later packets follow their IPVS connection. IPVS rewrites the
 * destination and sends the packet on through LOCAL_OUT (ip_vs_nat_send_or_cont),
 * so OUTPUT runs next (`pod1 -> PREROUTING -> INPUT -> ipvs -> OUTPUT -> POSTROUTING`,
 * kubernetes#56143).
 */
export function ipvsInput(world: World, kernel: NodeKernel, pass: NetfilterPass, inDev: string, record: RecordStep): IpvsInResult {
  const node = kernel.node;
  const filter = filterHook(
    world,
    kernel,
    pass,
    'INPUT',
    { inDev, outDev: null },
    { at: device(node.name, 'kube-ipvs0'), to: () => device(node.name, 'INPUT') },
    // A dropped packet's note names its client: a load balancer's source ranges refuse it by address.
    (v) => ({
      id: v === 'ACCEPT' ? 'input.ipvs-filter' : `input.${v.toLowerCase()}`,
      params: { node: node.name, ...(v === 'DROP' ? { client: pass.packet.srcIp } : {}) },
    }),
    record,
  );
  if (filter.verdict === 'REJECT') return { kind: 'rejected', packet: filter.pass.packet, by: 'REJECT' };
  if (filter.verdict === 'DROP') return { kind: 'dropped', reason: 'filter INPUT dropped it' };

  return ipvsRewrite(world, kernel, filter.pass, 'INPUT', record);
}

/**
 * IPVS's ip_vs_in: schedules a real server for a connection's first packet
 * (or finds the packet's IPVS connection) and rewrites the destination to it.
 * At LOCAL_IN (a pod's packet, IPVS then re-injects it at LOCAL_OUT) or at
 * LOCAL_OUT (a process on the node itself, priority -98, after nat OUTPUT).
 */
export function ipvsRewrite(
  world: World,
  kernel: NodeKernel,
  pass: NetfilterPass,
  hook: 'INPUT' | 'OUTPUT',
  record: RecordStep,
): IpvsInResult {
  const node = kernel.node;
  const state = kernel.ipvs!;
  const vs = vsName(state, pass.packet);
  const common = { node: node.name, at: device(node.name, hook), to: device(node.name, 'OUTPUT'), hook, packet: pass.packet };
  let real: { ip: Packet['dstIp']; port: number };
  let change: IpvsChange['change'];
  // What chose the real server of a new connection: the scheduler or a persistence template, on the virtual server as the packet met it.
  let chosen: { readonly via: 'scheduled' | 'persistent'; readonly vs: VirtualServer } | null = null;
  if (pass.conn.kind === 'new') {
    const scheduled = scheduleConnection(state, pass.packet, world.now, world.rng);
    kernel.ipvs = scheduled.state;
    if (scheduled.via === 'none') {
      if (scheduled.reason === 'no-destination') {
        record(
          stepDraft({
            ...common,
            kind: 'reject',
            to: device(node.name, hook),
            note: { id: 'ipvs.no-real-server', params: { node: node.name, vs } },
          }),
        );
        return { kind: 'rejected', packet: pass.packet, by: 'IPVS' };
      }
      return {
        kind: 'dropped',
        reason:
          scheduled.reason === 'not-syn'
            ? 'IPVS does not start a connection on a packet without SYN'
            : `no virtual server for ${pass.packet.dstIp}:${pass.packet.dstPort}`,
      };
    }
    real = { ip: scheduled.realServer.ip, port: scheduled.realServer.port };
    change = scheduled.via;
    const met = findVirtualServer(state, pass.packet.protocol, pass.packet.dstIp, pass.packet.dstPort);
    chosen = { via: scheduled.via, vs: met ?? scheduled.virtualServer };
  } else {
    const conn = lookupIpvsConn(state, pass.packet, 'original');
    if (!conn) return { kind: 'dropped', reason: 'IPVS has no connection for this packet' };
    kernel.ipvs = updateIpvsConn(state, conn.id, pass.packet, 'original', world.now).state;
    real = { ip: conn.realIp, port: conn.realPort };
    change = 'existing';
  }
  // A packet IPVS forwards from LOCAL_IN has been received by the node: its TTL drops.
  const after: Packet = {
    ...pass.packet,
    dstIp: real.ip,
    dstPort: real.port,
    ttl: hook === 'INPUT' ? pass.packet.ttl - 1 : pass.packet.ttl,
  };
  const rs = `${real.ip}:${real.port}`;
  const pod = world.cluster.pods.find((p) => p.ip === real.ip)?.name ?? real.ip;
  // ip_vs_in runs at LOCAL_IN (priority 99) for a pod's packet, at LOCAL_OUT (-98) for the node's own.
  const at =
    hook === 'INPUT'
      ? { ipvsHook: 'LOCAL_IN', priority: 99, natHook: 'PREROUTING' }
      : { ipvsHook: 'LOCAL_OUT', priority: -98, natHook: 'OUTPUT' };
  const base = { node: node.name, vs, rs, pod, scheduler: world.scheduler, ...at };
  record(
    stepDraft({
      ...common,
      kind: 'dnat',
      after,
      ipvsChange: { node: node.name, virtualServer: vs, realServer: rs, scheduler: world.scheduler, change },
      note: !chosen
        ? { id: 'ipvs.existing', params: base }
        : isLocalFallback(world, kernel, pass.packet, real.ip)
          ? { id: 'ipvs.local-fallback', params: base }
          : ipvsChoiceNote(state, pass.packet, chosen.via, chosen.vs, world.now, base),
    }),
  );
  const conn = pass.conn.kind === 'new' ? { ...pass.conn, dnat: real, byIpvs: true } : pass.conn;
  return { kind: 'forwarded', pass: { ...pass, packet: after, conn, ctstate: [...pass.ctstate] } };
}

/**
 * IPVS's ip_vs_out hook at FORWARD, priority 100 (after filter FORWARD), or at
 * LOCAL_IN, priority 98, for a reply to the node itself: a reply from a real
 * server has its source rewritten back to the virtual server. Returns the
 * packet unchanged when it belongs to no IPVS connection.
 */
export function ipvsForwardReply(
  world: World,
  kernel: NodeKernel,
  pass: NetfilterPass,
  record: RecordStep,
  hook: 'FORWARD' | 'INPUT' = 'FORWARD',
): NetfilterPass {
  const state = kernel.ipvs;
  if (!state) return pass;
  const conn = lookupIpvsConn(state, pass.packet, 'reply');
  if (!conn) return pass;
  kernel.ipvs = updateIpvsConn(state, conn.id, pass.packet, 'reply', world.now).state;
  const after: Packet = { ...pass.packet, srcIp: conn.virtualIp, srcPort: conn.virtualPort };
  const node = kernel.node;
  const vs = vsName(state, { ...pass.packet, dstIp: conn.virtualIp, dstPort: conn.virtualPort });
  record(
    stepDraft({
      kind: samePacket(after, pass.packet) ? 'hook' : 'reverse-nat',
      node: node.name,
      at: device(node.name, hook),
      to: device(node.name, hook === 'FORWARD' ? 'POSTROUTING' : 'host'),
      hook,
      packet: pass.packet,
      after,
      ipvsChange: {
        node: node.name,
        virtualServer: vs,
        realServer: `${conn.realIp}:${conn.realPort}`,
        scheduler: world.scheduler,
        change: 'reply',
      },
      note: {
        id: hook === 'FORWARD' ? 'forward.ipvs-reply' : 'input.ipvs-reply',
        params: { node: node.name, src: `${after.srcIp}:${after.srcPort}`, was: `${pass.packet.srcIp}:${pass.packet.srcPort}` },
      },
    }),
  );
  return { ...pass, packet: after };
}

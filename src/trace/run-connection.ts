import { findService } from '../cluster/build-cluster';
import { connectionAddress } from '../cluster/connection-address';
import type { Cluster, ClusterNode } from '../cluster/model';
import { walkIcmpError, type Refusal } from '../dataplane/icmp-error';
import { stepDraft, type StepDraft } from '../dataplane/step-draft';
import { senderPlace, walkFrom } from '../dataplane/walk-from';
import type { Peer, WalkOutcome } from '../dataplane/walk-packet';
import { kernelOf, type World } from '../dataplane/world';
import { modeEngine } from '../dataplane/mode-engines';
import { countIpvsLookups } from '../ipvs';
import type { NodeName } from '../net/ids';
import { ipv4, type Ipv4 } from '../net/ipv4';
import type { Packet, Protocol, TcpFlag } from '../net/packet';
import type { Scenario } from '../scenario/schema';
import { articleNoteOf } from './article-notes';
import { pickEphemeralPort, tupleInUse } from './ephemeral-port';
import { stagesOf } from './stages';
import { strayReply } from './stray-reply';
import { conntrackSnapshot, ipvsSnapshot } from './step-snapshots';
import type { ConnectionSummary, NodeConntrack, NodeIpvs, PacketLabel, PacketStep, Stage } from './types';

/** One-way latency of a hop sequence, in simulated seconds (a LAN round trip is ~1 ms). */
export const PACKET_GAP = 0.0005;

interface PacketPlan {
  readonly label: PacketLabel;
  readonly direction: 'original' | 'reply';
  readonly flags: readonly TcpFlag[];
}

export const TCP_HANDSHAKE: readonly PacketPlan[] = [
  { label: 'SYN', direction: 'original', flags: ['SYN'] },
  { label: 'SYN-ACK', direction: 'reply', flags: ['SYN', 'ACK'] },
  { label: 'ACK', direction: 'original', flags: ['ACK'] },
];
export const REQUEST_REPLY: readonly PacketPlan[] = [
  { label: 'request', direction: 'original', flags: [] },
  { label: 'reply', direction: 'reply', flags: [] },
];

/** Who opens the connection: a pod, or a process in a node's own network namespace. */
export interface Client {
  readonly peer: Peer;
  readonly node: NodeName;
  readonly ip: Ipv4;
  /** Where a Service named without a namespace is looked for. */
  readonly namespace: string;
}

/** The client named: a pod, a node, or a client outside the cluster, whose packets the network hands to `entry` (the first node when absent). */
export function clientOf(cluster: Cluster, name: string, entry: ClusterNode | null = null): Client {
  const pod = cluster.pods.find((p) => p.name === name);
  if (pod) return { peer: { kind: 'pod', pod }, node: pod.node, ip: pod.ip, namespace: pod.namespace };
  const outside = cluster.externalClients.find((c) => c.name === name);
  if (outside) {
    const to = entry ?? cluster.nodes[0]!;
    return { peer: { kind: 'external', client: outside, entry: to }, node: to.name, ip: outside.ip, namespace: 'default' };
  }
  const node = cluster.nodes.find((n) => n.name === name)!;
  return { peer: { kind: 'host', node }, node: node.name, ip: node.ip, namespace: 'default' };
}

/** A connection's first packet from the client to a Service's address and port, from a source port still to choose. */
export function openingPacket(client: Client, dstIp: Ipv4, protocol: Protocol, dstPort: number): (srcPort: number) => Packet {
  return (srcPort) => ({ srcMac: '', dstMac: '', srcIp: client.ip, dstIp, protocol, srcPort, dstPort, flags: [], ttl: 64 });
}

/** Who received the client's last packet, and that packet as it arrived: the reply answers it. */
export interface Delivered {
  readonly peer: Peer;
  readonly packet: Packet;
}

/** A step the walk took, with the tables as they were right after it. */
interface Recorded {
  readonly draft: StepDraft;
  readonly conntrack: NodeConntrack[];
  readonly ipvs: NodeIpvs | null;
}

/** A recorder that keeps each step with the tables as they are right after it. */
function recorder(world: World, recorded: Recorded[]) {
  return (draft: StepDraft) => recorded.push({ draft, conntrack: conntrackSnapshot(world), ipvs: ipvsSnapshot(world, draft.node) });
}

/** Walks one packet from its sender, recording every step; a dropped packet ends with a `drop` step where it was lost. */
function walkPacket(world: World, sender: Peer, packet: Packet): { readonly outcome: WalkOutcome; readonly recorded: readonly Recorded[] } {
  const recorded: Recorded[] = [];
  const record = recorder(world, recorded);
  const outcome = walkFrom(world, sender, packet, record);
  if (outcome.kind === 'dropped') {
    const last = recorded[recorded.length - 1]?.draft;
    const start = senderPlace(sender);
    const where = last?.to ?? start.at;
    const node = last?.node ?? start.node;
    const drop = stepDraft({
      kind: 'drop',
      node,
      at: where,
      to: where,
      packet: last?.after ?? packet,
      note: { id: 'drop', params: { reason: outcome.reason } },
    });
    recorded.push({ draft: drop, conntrack: conntrackSnapshot(world), ipvs: ipvsSnapshot(world, last?.node ?? null) });
  }
  return { outcome, recorded };
}

/** The ICMP error a refused packet brings back to its sender, to the failed connect(): its steps, or none. */
function walkRefusal(world: World, refusal: Refusal, sender: Peer): readonly Recorded[] {
  const recorded: Recorded[] = [];
  walkIcmpError(world, refusal, sender, recorder(world, recorded));
  return recorded;
}

/** What the steps of one walk share: their connection, packet and time. */
interface WalkMeta {
  readonly connection: number;
  readonly packet: number;
  readonly label: PacketLabel;
  readonly direction: PacketPlan['direction'];
  readonly time: number;
  /** The scenario is the article's: steps of its figures carry the comparison with its text. */
  readonly story: boolean;
}

/** A walk's recorded steps as trace steps, numbered from `first`, each with its article stage (if any). */
function packetSteps(recorded: readonly Recorded[], stages: readonly (Stage | null)[], meta: WalkMeta, first: number): PacketStep[] {
  const { story, time, ...common } = meta;
  return recorded.map(({ draft, conntrack, ipvs }, i) => {
    const stage = stages[i] ?? null;
    return {
      index: first + i,
      ...common,
      ...draft,
      conntrack,
      ipvs,
      rulesDiff: null,
      stage,
      articleNote: story ? articleNoteOf(draft, stage) : null,
      time,
    };
  });
}

/** The packet a plan sends: the client's opening packet, or the answer to the packet the server received. */
export function packetFor(plan: PacketPlan, opening: Packet, server: Delivered | null): Packet {
  if (plan.direction === 'original') return { ...opening, flags: plan.flags };
  const seen = server!.packet;
  return {
    srcMac: '',
    dstMac: '',
    srcIp: seen.dstIp,
    dstIp: seen.srcIp,
    protocol: seen.protocol,
    srcPort: seen.dstPort,
    dstPort: seen.srcPort,
    flags: plan.flags,
    ttl: 64,
  };
}

/** "10.244.2.3:8080": where the client's node DNATed the first packet, or null. */
function endpointOf(recorded: readonly Recorded[], clientNode: NodeName): string | null {
  const dnat = recorded.find((r) => r.draft.kind === 'dnat' && r.draft.node === clientNode)?.draft;
  return dnat ? `${dnat.after.dstIp}:${dnat.after.dstPort}` : null;
}

/** What the first packet cost the kernels it crossed (see `ConnectionSummary.cost`). */
function firstPacketCost(steps: readonly PacketStep[]): ConnectionSummary['cost'] {
  const first = steps.filter((s) => s.packet === 0);
  const lookups = (change: NonNullable<PacketStep['ipvsChange']>['change']) =>
    countIpvsLookups(change === 'reply' ? 'reply' : change === 'existing' ? 'later' : 'first').total;
  return {
    rulesEvaluated: first.reduce((n, s) => n + s.rules.length + s.nftRules.length, 0),
    ipvsLookups: first.reduce((n, s) => n + (s.ipvsChange ? lookups(s.ipvsChange.change) : 0), 0),
  };
}

/**
 * Runs one connection of the scenario's traffic: the client picks a source
 * port, then sends its packets (TCP's handshake, or a UDP request and its
 * reply), each walked hop by hop through the kernels, until one is not
 * delivered; a refused packet brings back its ICMP error. Returns the steps,
 * numbered from `firstStep`, and the summary. `story`: the scenario is the
 * article's, so its steps carry the comparisons with the article's text.
 * The world moves on in place (it is simulate's own).
 */
export function runConnection(
  world: World,
  conn: Scenario['traffic'][number],
  index: number,
  at: number,
  firstStep: number,
  story = false,
): { readonly steps: readonly PacketStep[]; readonly summary: ConnectionSummary } {
  world.now = Math.max(world.now, at);
  // IPVS connections whose timer ran out are freed (ip_vs_conn_expire);
  // conntrack's expired entries are simply never found again.
  for (const kernel of world.kernels.values()) if (kernel.ipvs) kernel.ipvs = modeEngine('ipvs').expireConns(kernel.ipvs, world.now);
  const cluster = world.cluster;
  const named = clientOf(cluster, conn.from);
  const service = findService(cluster.services, conn.to, named.namespace)!;
  const protocol = conn.protocol.toLowerCase() as Protocol;
  const servicePort = service.ports.find((p) => p.port === conn.port && p.protocol === protocol)!;
  const address = connectionAddress(cluster, conn, service, servicePort, named.peer.kind === 'external');
  if (!address.ok) throw new Error(`traffic[${index}].${address.field}: ${address.message}`);
  const client = address.entry ? clientOf(cluster, conn.from, address.entry) : named;
  const from = openingPacket(client, address.ip, protocol, address.port);
  const clientKernel = kernelOf(world, client.node);
  const opening = from(pickEphemeralPort(world.rng, (port) => tupleInUse(clientKernel, from(port), world.now), world.localPortRange));
  const steps: PacketStep[] = [];
  let server: Delivered | null = null;
  let outcome: WalkOutcome | null = null;
  let endpoint: string | null = null;

  for (const [packetIndex, plan] of (protocol === 'tcp' ? TCP_HANDSHAKE : REQUEST_REPLY).entries()) {
    const sender = plan.direction === 'original' ? client.peer : server!.peer;
    const walk = walkPacket(world, sender, packetFor(plan, opening, server));
    outcome = walk.outcome;
    const stray = plan.direction === 'reply' ? strayReply(opening, outcome) : null;
    if (stray) outcome = stray.outcome;
    const recorded = stray ? [...walk.recorded, { draft: stray.draft, conntrack: conntrackSnapshot(world), ipvs: null }] : walk.recorded;
    // The article's figures follow a pod's connection; a node's own traffic has no figure.
    const figure = client.peer.kind !== 'pod' ? null : packetIndex === 0 ? 'pod-to-service' : packetIndex === 1 ? 'service-to-pod' : null;
    const drafts = recorded.map((r) => r.draft);
    const stages = figure ? stagesOf(drafts, figure, client.node) : [];
    const meta = { connection: index, packet: packetIndex, label: plan.label, direction: plan.direction, time: world.now, story };
    steps.push(...packetSteps(recorded, stages, meta, firstStep + steps.length));
    if (packetIndex === 0) endpoint = endpointOf(recorded, client.node);
    world.now += PACKET_GAP;
    if (outcome.kind === 'rejected') {
      // The refusal answers: ICMP port unreachable back to the sender, whose socket then fails.
      const meta = { connection: index, packet: packetIndex + 1, label: 'ICMP', direction: 'reply', time: world.now, story } as const;
      steps.push(...packetSteps(walkRefusal(world, outcome, sender), [], meta, firstStep + steps.length));
      world.now += PACKET_GAP;
    }
    if (outcome.kind !== 'delivered') break;
    if (plan.direction === 'original') server = { peer: outcome.peer, packet: outcome.packet };
  }

  const endpointPod = endpoint ? (cluster.pods.find((p) => p.ip === ipv4(endpoint!.split(':')[0]!))?.name ?? null) : null;
  const established = protocol === 'tcp' ? 'established' : 'answered';
  return {
    steps,
    summary: {
      index,
      client: conn.from,
      service: `${service.namespace}/${service.name}`,
      endpoint,
      endpointPod,
      cost: firstPacketCost(steps),
      outcome: outcome?.kind === 'rejected' ? 'rejected' : outcome?.kind === 'delivered' ? established : 'dropped',
      firstStep,
      lastStep: firstStep + steps.length - 1,
    },
  };
}

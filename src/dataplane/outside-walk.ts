import type { ClusterNode, ExternalClient } from '../cluster/model';
import type { Packet } from '../net/packet';
import { outsideHop } from './outside-delivery';
import { device, stepDraft, type RecordStep } from './step-draft';
import { arriveAtNode, type WalkOutcome } from './walk-packet';
import { kernelOf, type World } from './world';

/**
 * A packet from a client outside the cluster: over its network to the node it is sent
 * to (a node port on that node's IP) or that the network hands it to (an external IP the
 * admin routes there, a load balancer's IP that the cloud's load balancer passes on
 * unchanged, keeping the client's source, as a passthrough load balancer does), then in
 * on the node's eth0 like any packet from the wire.
 */
export function walkFromOutside(world: World, client: ExternalClient, entry: ClusterNode, packet: Packet, record: RecordStep): WalkOutcome {
  const kernel = kernelOf(world, entry.name);
  const hop = outsideHop(client);
  const from = device(client.name, 'eth0');
  const params = { client: client.name, node: entry.name, dst: `${packet.dstIp}:${packet.dstPort}`, via: client.via };
  if (hop) record(stepDraft({ kind: 'wire', node: null, at: from, to: hop, packet, note: { id: `wire.to-${client.via}`, params } }));
  const framed: Packet = { ...packet, srcMac: client.mac, dstMac: entry.eth0Mac };
  record(
    stepDraft({
      kind: 'wire',
      node: null,
      at: hop ?? from,
      to: device(entry.name, 'eth0'),
      packet,
      after: framed,
      note: { id: `wire.from-${client.via}`, params },
    }),
  );
  return arriveAtNode(world, kernel, framed, record);
}

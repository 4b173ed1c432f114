import type { ExternalClient } from '../cluster/model';
import type { Packet } from '../net/packet';
import { device, stepDraft, type RecordStep } from './step-draft';
import type { NodeKernel, World } from './world';

/** Where an outside client's packets pass between it and the nodes: the router or the cloud load balancer, or nothing for a host on the nodes' network. */
export const outsideHop = (client: ExternalClient) => (client.via === 'node-network' ? null : device('outside', client.via));

/**
 * A packet that left a node on eth0 for an address outside the cluster: if a client
 * outside has that address, the packet reaches it (through its router or load balancer,
 * the way it came in) and the client is returned; otherwise null, and the caller says
 * the network had no route. The node's default route sends it out.
 */
export function deliverOutside(world: World, kernel: NodeKernel, packet: Packet, record: RecordStep): ExternalClient | null {
  const client = world.cluster.externalClients.find((c) => c.ip === packet.dstIp);
  if (!client) return null;
  const node = kernel.node;
  const hop = outsideHop(client);
  const framed: Packet = { ...packet, srcMac: node.eth0Mac, dstMac: client.mac };
  const params = { node: node.name, client: client.name, dst: packet.dstIp, via: client.via };
  const from = device(node.name, 'eth0');
  if (hop) {
    record(
      stepDraft({ kind: 'wire', node: null, at: from, to: hop, packet, after: framed, note: { id: `wire.out-to-${client.via}`, params } }),
    );
  }
  record(
    stepDraft({
      kind: 'wire',
      node: null,
      at: hop ?? from,
      to: device(client.name, 'eth0'),
      packet: hop ? framed : packet,
      after: framed,
      note: { id: 'wire.reach-client', params },
    }),
  );
  return client;
}

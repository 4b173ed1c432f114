import type { NodeName } from '../net/ids';
import type { Packet } from '../net/packet';
import { walkFromOutside } from './outside-walk';
import { device, type RecordStep } from './step-draft';
import { walkFromHost, walkFromPod, type Peer, type WalkOutcome } from './walk-packet';
import type { World } from './world';

/** Walks a packet from whoever sends it: a pod, a node's own process, or a client outside the cluster. */
export function walkFrom(world: World, sender: Peer, packet: Packet, record: RecordStep): WalkOutcome {
  if (sender.kind === 'pod') return walkFromPod(world, sender.pod, packet, record);
  if (sender.kind === 'host') return walkFromHost(world, sender.node, packet, record);
  return walkFromOutside(world, sender.client, sender.entry, packet, record);
}

/** The sender's name ("pod1", "vm1", "laptop"). */
export function peerName(peer: Peer): string {
  return peer.kind === 'pod' ? peer.pod.name : peer.kind === 'host' ? peer.node.name : peer.client.name;
}

/** Where a sender's packet starts (its own device) and the node that takes it first. */
export function senderPlace(peer: Peer): { readonly at: ReturnType<typeof device>; readonly node: NodeName } {
  if (peer.kind === 'pod') return { at: device(peer.pod.name, 'eth0'), node: peer.pod.node };
  if (peer.kind === 'host') return { at: device(peer.node.name, 'host'), node: peer.node.name };
  return { at: device(peer.client.name, 'eth0'), node: peer.entry.name };
}

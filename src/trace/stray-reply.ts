import { stepDraft, type StepDraft } from '../dataplane/step-draft';
import type { WalkOutcome } from '../dataplane/walk-packet';
import { senderPlace } from '../dataplane/walk-from';
import type { Packet } from '../net/packet';

/**
 * A reply that reached the client from an address its connection is not to: the
 * client's stack has no socket for it and discards it (a real host answers with a
 * reset). This is what kube-proxy's IPVS mode does with externalTrafficPolicy Local on
 * a node without a local endpoint: the virtual server falls back to every endpoint
 * (kubernetes#97081), the client's address is kept, and the pod's node sends the reply
 * straight back with the pod's own address. Null when the reply answers the connection
 * (or was not delivered to the client).
 *
 * @example strayReply(opening, delivered) // { draft: { kind: 'drop', ... }, outcome: { kind: 'dropped', ... } }
 */
export function strayReply(opening: Packet, outcome: WalkOutcome): { readonly draft: StepDraft; readonly outcome: WalkOutcome } | null {
  if (outcome.kind !== 'delivered' || outcome.peer.kind !== 'external') return null;
  const reply = outcome.packet;
  if (reply.srcIp === opening.dstIp && reply.srcPort === opening.dstPort) return null;
  const client = outcome.peer.client.name;
  const from = `${reply.srcIp}:${reply.srcPort}`;
  const expected = `${opening.dstIp}:${opening.dstPort}`;
  const at = senderPlace(outcome.peer).at;
  const draft = stepDraft({
    kind: 'drop',
    node: null,
    at,
    to: at,
    packet: reply,
    note: { id: 'drop.stray-reply', params: { client, from, expected } },
  });
  return { draft, outcome: { kind: 'dropped', node: null, reason: `${client} has no connection with ${from}` } };
}

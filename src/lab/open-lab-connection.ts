import type { ClusterService } from '../cluster/model';
import type { StepDraft } from '../dataplane/step-draft';
import { walkFrom } from '../dataplane/walk-from';
import type { Peer } from '../dataplane/walk-packet';
import type { World } from '../dataplane/world';
import type { Packet, Protocol } from '../net/packet';
import { pickEphemeralPort } from '../trace/ephemeral-port';
import { openingPacket, PACKET_GAP, packetFor, REQUEST_REPLY, TCP_HANDSHAKE, type Client, type Delivered } from '../trace/run-connection';

/** Where a lab connection's first packet was sent: "ip:port", or null when it reached no endpoint. */
export interface LabConnection {
  readonly endpoint: string | null;
  /** The source port connect() picked: taken while the connection is open. */
  readonly sourcePort: number;
}

function walk(world: World, sender: Peer, packet: Packet, drafts: StepDraft[]) {
  const record = (draft: StepDraft) => drafts.push(draft);
  return walkFrom(world, sender, packet, record);
}

/**
 * Opens one new connection from `client` to a Service port exactly as a trace's
 * connection runs (`runConnection`): connect() draws a source port, then the TCP
 * handshake (or a UDP request and its reply) is walked hop by hop through the
 * kernels, so the nat rules (with their `statistic` draws and `recent` lists) or
 * IPVS (scheduler, connection counters, persistence) decide the endpoint and keep
 * their state. Only the step-by-step tables a trace records are not kept.
 * `taken`: the source ports of the client's connections still open.
 */
export function openLabConnection(
  world: World,
  client: Client,
  service: ClusterService,
  port: number,
  protocol: Protocol,
  taken: (port: number) => boolean,
): LabConnection {
  const opening = openingPacket(client, service.clusterIP, protocol, port)(pickEphemeralPort(world.rng, taken, world.localPortRange));
  let server: Delivered | null = null;
  let endpoint: string | null = null;
  for (const [index, plan] of (protocol === 'tcp' ? TCP_HANDSHAKE : REQUEST_REPLY).entries()) {
    const drafts: StepDraft[] = [];
    const sender = plan.direction === 'original' ? client.peer : server!.peer;
    const outcome = walk(world, sender, packetFor(plan, opening, server), drafts);
    world.now += PACKET_GAP;
    if (index === 0) {
      // The client's node decides: KUBE-SERVICES' DNAT, or IPVS's rewrite at INPUT.
      const dnat = drafts.find((d) => d.kind === 'dnat' && d.node === client.node);
      endpoint = dnat && outcome.kind === 'delivered' ? `${dnat.after.dstIp}:${dnat.after.dstPort}` : null;
    }
    if (outcome.kind !== 'delivered') break;
    if (plan.direction === 'original') server = { peer: outcome.peer, packet: outcome.packet };
  }
  return { endpoint, sourcePort: opening.srcPort };
}

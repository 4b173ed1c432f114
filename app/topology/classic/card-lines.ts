import type { StepPacket, Topology } from '../../../src/index';

/** One line of the header card: `src: pod1`, struck through once a rewrite replaced it. */
export interface CardLine {
  readonly text: string;
  readonly struck: boolean;
}

/**
 * The name the article's card gives an address: the pod or the Service that owns
 * it in the trace's topology ("pod4", "svc1"), the node for a node IP, else the IP.
 */
export function addressName(topology: Topology, ip: string): string {
  return (
    topology.pods.find((p) => p.ip === ip)?.name ??
    topology.services.find((s) => s.clusterIP === ip)?.name ??
    topology.nodes.find((n) => n.ip === ip)?.name ??
    ip
  );
}

/**
 * The card for a packet: its source and destination as names. A field that
 * differs from the figure's first picture is the rewrite: the old line is
 * struck and the new one goes directly under it (seed-gifs.md: DNAT appends
 * `dst: pod4` under ~~`dst: svc1`~~; the reply's reverse NAT inserts
 * `src: svc1` under ~~`src: pod4`~~, above `dst`).
 */
export function cardLines(topology: Topology, original: StepPacket, current: StepPacket): readonly CardLine[] {
  const lines: CardLine[] = [];
  for (const [field, was, now] of [
    ['src', original.srcIp, current.srcIp],
    ['dst', original.dstIp, current.dstIp],
  ] as const) {
    const before = `${field}: ${addressName(topology, was)}`;
    const after = `${field}: ${addressName(topology, now)}`;
    if (before === after) lines.push({ text: before, struck: false });
    else lines.push({ text: before, struck: true }, { text: after, struck: false });
  }
  return lines;
}

import { isPacketStep, topologyAt, type Figure, type PacketStep, type Trace } from '../../../src/index';
import { cardLines, addressName, type CardLine } from './card-lines';
import { classicSteps } from './classic-steps';
import { PLACES, type Place, type Point } from './geometry';
import { placeOf } from './place';

/** A pod namespace as the figure labels it: the pod's name and its veth in the root netns. */
export interface PicturePod {
  readonly name: string;
  readonly veth: string;
}

/** The rewrite iptables made, when the picture shows one. */
export interface Rewrite {
  readonly field: 'src' | 'dst';
  readonly from: string;
  readonly to: string;
}

/** Everything one of the nine pictures draws, read from the trace. */
export interface ClassicPicture {
  readonly figure: Figure;
  readonly n: number;
  readonly step: PacketStep;
  readonly place: Place;
  readonly dot: Point;
  /** The bridge hands the packet to the default route over a direct cbr0 - eth0 link. */
  readonly directLink: boolean;
  /** The iptables box between eth0 and cbr0, with its two links. */
  readonly iptables: boolean;
  /** What the box says: "iptables", "IPVS" for a trace in IPVS mode, where IPVS makes the rewrite, or "nftables". */
  readonly boxLabel: 'iptables' | 'IPVS' | 'nftables';
  /** The arrow from iptables to the card: shown from the rewrite on. */
  readonly arrow: boolean;
  readonly card: readonly CardLine[];
  readonly rewrite: Rewrite | null;
  /** "VM 1": the client's node in the article's style. */
  readonly nodeLabel: string;
  readonly client: PicturePod;
  /** The other pod on the client's node, drawn on the right; null when it has none. */
  readonly neighbour: PicturePod | null;
  /** The pod the Service sent the connection to: off the picture, beyond the cloud. */
  readonly endpoint: string;
}

/** `vm1` -> "VM 1", the article's way of naming nodes (`node2` -> "Node 2"); other names stay as they are. */
export function nodeLabel(name: string): string {
  const m = /^([a-z]+)-?(\d+)$/i.exec(name);
  if (!m) return name;
  const word = m[1]!.toLowerCase() === 'vm' ? 'VM' : m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
  return `${word} ${m[2]}`;
}

/**
 * The picture of `figure` at step `n` (1-based), or null when the trace does not
 * fit the article's figure (see classicSteps) or n is out of range.
 */
export function classicPicture(trace: Trace, figure: Figure, n: number): ClassicPicture | null {
  const pictures = classicSteps(trace);
  const at = pictures?.find((p) => p.figure === figure && p.n === n);
  const first = pictures?.find((p) => p.figure === figure && p.n === 1);
  const opening = pictures?.find((p) => p.figure === 'pod-to-service' && p.n === 1);
  const packetStepAt = (index: number | undefined) => {
    const s = index === undefined ? undefined : trace.steps[index];
    return s && isPacketStep(s) ? s : undefined;
  };
  const step = packetStepAt(at?.stepIndex);
  const firstStep = packetStepAt(first?.stepIndex);
  const openingStep = packetStepAt(opening?.stepIndex);
  if (!step || !firstStep || !openingStep) return null;

  // Names as they were when the connection opened (a pod re-created later has another IP).
  const topology = topologyAt(trace, openingStep.index);
  // The card compares the packet as the step leaves it with the figure's first packet.
  const original = firstStep.before;
  const current = step.after;
  const card = cardLines(topology, original, current);
  const rewrite: Rewrite | null =
    original.dstIp !== current.dstIp
      ? { field: 'dst', from: addressName(topology, original.dstIp), to: addressName(topology, current.dstIp) }
      : original.srcIp !== current.srcIp
        ? { field: 'src', from: addressName(topology, original.srcIp), to: addressName(topology, current.srcIp) }
        : null;

  const clientPod = topology.pods.find((p) => p.ip === openingStep.before.srcIp);
  if (!clientPod) return null;
  const neighbourPod = topology.pods.find((p) => p.node === clientPod.node && p.name !== clientPod.name);
  const place = placeOf(step.kind, figure, n);
  // The GIFs add iptables once it has rewritten the request, and keep it in the
  // whole reply figure, where conntrack's reverse NAT is already set up.
  const iptables = figure === 'service-to-pod' || rewrite !== null;
  return {
    figure,
    n,
    step,
    place,
    dot: PLACES[place],
    directLink: !iptables && step.kind === 'bridge-miss',
    iptables,
    boxLabel: trace.mode === 'ipvs' ? 'IPVS' : trace.mode,
    arrow: rewrite !== null,
    card,
    rewrite,
    nodeLabel: nodeLabel(clientPod.node),
    client: { name: clientPod.name, veth: clientPod.veth },
    neighbour: neighbourPod ? { name: neighbourPod.name, veth: neighbourPod.veth } : null,
    endpoint: trace.connections[0]?.endpointPod ?? addressName(topology, current.dstIp),
  };
}

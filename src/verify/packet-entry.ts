import type { StepPacket } from '../net/packet';
import { isPacketStep } from '../trace/is-packet-step';
import type { PacketStep, Trace } from '../trace/types';

/**
 * How a packet came into the root namespace of the node a step happens on:
 * up from a pod through cbr0, in from the network on eth0, or made by the node
 * itself (a process on the node, an ICMP error it sends). `packet` is the
 * packet as it was then, before any rewrite on that node: what raw PREROUTING
 * (or raw OUTPUT, for a locally made packet) sees, so a TRACE rule can match it.
 */
export interface PacketEntry {
  readonly chain: 'PREROUTING' | 'OUTPUT';
  /** The device it came in on, for `ip route get ... iif`; null for a locally made packet. */
  readonly iif: 'cbr0' | 'eth0' | null;
  readonly packet: StepPacket;
}

const FROM_POD = new Set(['leave-pod', 'veth', 'bridge', 'bridge-miss']);

/** The earliest step of the same packet on the same node, back from `step`. */
function firstStepOnNode(trace: Trace, step: PacketStep): PacketStep {
  let first = step;
  for (let i = step.index - 1; i >= 0; i--) {
    const s = trace.steps[i];
    if (!s || !isPacketStep(s) || s.connection !== step.connection || s.packet !== step.packet || s.label !== step.label) break;
    if (s.node === step.node) first = s;
    else break;
  }
  return first;
}

export function packetEntry(trace: Trace, step: PacketStep): PacketEntry {
  const first = firstStepOnNode(trace, step);
  if (FROM_POD.has(first.kind)) return { chain: 'PREROUTING', iif: 'cbr0', packet: first.before };
  if (first.kind === 'arrive-node') return { chain: 'PREROUTING', iif: 'eth0', packet: first.before };
  return { chain: 'OUTPUT', iif: null, packet: first.before };
}

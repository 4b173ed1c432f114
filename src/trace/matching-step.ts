import { isPacketStep } from './is-packet-step';
import type { Trace } from './types';

/**
 * The step of `after` that shows what step `index` of `before` showed, for the same
 * scenario simulated another way (another kube-proxy mode or IPVS scheduler): the same
 * packet of the same connection, at the same place and kind of step when it has one,
 * else at its first step there, else as many steps into that packet's walk. The walks differ in length
 * between modes (IPVS adds kube-ipvs0, INPUT and OUTPUT), so the index alone would
 * land on another packet. A control-plane step, or a packet the other trace never
 * sends, keeps the index (clamped).
 *
 * @example matchingStep(iptablesTrace, 12, ipvsTrace) // the same SYN-ACK's step in IPVS mode
 */
export function matchingStep(before: Trace, index: number, after: Trace): number {
  const clamped = Math.max(0, Math.min(index, after.steps.length - 1));
  const step = before.steps[index];
  if (step === undefined || !isPacketStep(step)) return clamped;
  const same = (i: number) => {
    const s = after.steps[i]!;
    return isPacketStep(s) && s.connection === step.connection && s.packet === step.packet;
  };
  const candidates = after.steps.map((_, i) => i).filter(same);
  if (candidates.length === 0) return clamped;
  const at = (i: number) => after.steps[i]!.at === step.at;
  // No such place in the other walk (iptables mode's FORWARD for a SYN IPVS takes through INPUT):
  // as far into the packet's walk as the step was.
  const first = before.steps.findIndex((s) => isPacketStep(s) && s.connection === step.connection && s.packet === step.packet);
  const along = candidates[Math.min(index - first, candidates.length - 1)]!;
  return candidates.find((i) => at(i) && after.steps[i]!.kind === step.kind) ?? candidates.find(at) ?? along;
}

import type { ControlPlaneStep, PacketStep, Step } from './types';

/**
 * Whether a step moves a packet (a hop or decision of a connection's walk)
 * rather than being a control-plane event (`api-event`, `kube-proxy-sync`).
 * Only a packet step has a packet, rules, a connection and an article stage.
 *
 * @example trace.steps.filter(isPacketStep).map((s) => s.after.dstIp)
 */
export function isPacketStep(step: Step): step is PacketStep {
  return step.kind !== 'api-event' && step.kind !== 'kube-proxy-sync';
}

/**
 * Whether a step is a control-plane event: the API server recording a change,
 * or kube-proxy on one node resyncing its rules after it.
 *
 * @example trace.steps.filter(isControlPlaneStep).map((s) => s.rulesDiff)
 */
export function isControlPlaneStep(step: Step): step is ControlPlaneStep {
  return !isPacketStep(step);
}

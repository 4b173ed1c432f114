import { isPacketStep, type Step } from '../../../src/index';

/**
 * The devices the step touches, to highlight: where the packet is and where the
 * step takes it, plus the routing decision for a `route` step and the network
 * for a `wire` step (drawn between, not named by, `at` and `to`).
 */
export function activeDevices(step: Step | undefined): ReadonlySet<string> {
  if (!step) return new Set();
  const ids = new Set<string>([step.at, step.to]);
  if (step.kind === 'route' && step.node) ids.add(`${step.node}/routing`);
  if (step.kind === 'wire') ids.add('net');
  return ids;
}

/** The netfilter hook whose rules run at this step (`vm1/PREROUTING`), or null. */
export function runningHook(step: Step | undefined): string | null {
  return step && isPacketStep(step) && step.hook && step.node ? `${step.node}/${step.hook}` : null;
}

import { isPacketStep, type Step } from '../../../src/index';

/**
 * The devices the step touches, to highlight: where the packet is and where the
 * step takes it, plus the routing decision for a `route` step and the network
 * for a `wire` step (drawn between, not named by, `at` and `to`), but not for the
 * wire between a client on the internet and the router or load balancer it comes
 * in through (`outsideClients`: their device ids), which is not on the nodes' network.
 */
export function activeDevices(step: Step | undefined, outsideClients: ReadonlySet<string> = new Set()): ReadonlySet<string> {
  if (!step) return new Set();
  const ids = new Set<string>([step.at, step.to]);
  if (step.kind === 'route' && step.node) ids.add(`${step.node}/routing`);
  const ends = [step.at, step.to];
  const internet = ends.some((id) => id.startsWith('outside/')) && ends.some((id) => outsideClients.has(id));
  if (step.kind === 'wire' && !internet) ids.add('net');
  return ids;
}

/** The netfilter hook whose rules run at this step (`vm1/PREROUTING`), or null. */
export function runningHook(step: Step | undefined): string | null {
  return step && isPacketStep(step) && step.hook && step.node ? `${step.node}/${step.hook}` : null;
}

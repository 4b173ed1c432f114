import type { Figure, StepKind } from '../../../src/index';
import type { Place } from './geometry';

/**
 * Where the dot stands for a trace step, by what the step did. The GIFs put it
 * on the pod's link when the packet leaves or reaches the pod, on the cbr0
 * elbow while it crosses the veth and the bridge, halfway up the direct
 * cbr0 - eth0 link when the bridge misses, inside iptables for the rewrite, and
 * between eth0 and the cloud on the wire (seed-gifs.md, the per-step tables).
 */
const BY_KIND: Partial<Record<StepKind, Place>> = {
  'leave-pod': 'podLink',
  deliver: 'podLink',
  veth: 'bridgeElbow',
  bridge: 'bridgeElbow',
  'bridge-miss': 'bridgeUplink',
  hook: 'iptables',
  dnat: 'iptables',
  snat: 'iptables',
  'reverse-nat': 'iptables',
  'conntrack-new': 'iptables',
  'conntrack-hit': 'iptables',
  route: 'iptables',
  wire: 'uplink',
  'arrive-node': 'uplink',
};

/** The GIFs' own order, for a step kind the table does not place. */
const BY_PICTURE: Readonly<Record<Figure, readonly Place[]>> = {
  'pod-to-service': ['podLink', 'bridgeElbow', 'bridgeUplink', 'iptables', 'uplink'],
  'service-to-pod': ['uplink', 'iptables', 'bridgeElbow', 'podLink'],
};

export function placeOf(kind: StepKind, figure: Figure, n: number): Place {
  return BY_KIND[kind] ?? BY_PICTURE[figure][n - 1] ?? 'uplink';
}

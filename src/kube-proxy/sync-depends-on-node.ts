import type { EndpointSliceInput } from './endpoint-slice';
import type { ProxierConfig } from './proxier-config';
import type { ServiceInput } from './service';

/**
 * Whether `syncProxyRules` can write different rules on two nodes given the same
 * Services and EndpointSlices. The node reaches the rules only through its name
 * (which endpoints are local, for a Local traffic policy; node hints), its zone
 * (zone hints) and its IP (a KUBE-FW chain's allowFromNode; --nodeport-addresses).
 * Conservative: true as soon as any of those features is in use. When false, every
 * node of the cluster writes the same text, so a simulation syncs once for all of them.
 *
 * @example syncDependsOnNode(TEST_PROXIER_CONFIG, [{ namespace: 'ns', name: 's', ports: [], internalTrafficPolicy: 'Local' }], []) // true
 */
export function syncDependsOnNode(
  config: ProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
): boolean {
  if ((config.nodePortAddresses?.length ?? 0) > 0) return true;
  for (const s of services) {
    if (s.internalTrafficPolicy === 'Local' || s.externalTrafficPolicy === 'Local') return true;
    if ((s.loadBalancerSourceRanges?.length ?? 0) > 0) return true;
  }
  for (const slice of endpointSlices) for (const ep of slice.endpoints) if (ep.hints !== undefined && ep.hints !== null) return true;
  return false;
}

import type { TopologyOptions } from '../categorize-endpoints';
import type { EndpointInfo } from '../endpoints-map';
import { planServicePort, type ServicePortPlan } from '../service-port-plan';
import type { ServicePortInfo } from '../service-port';
import { nftEndpointNames, nftServicePortChains, type NftEndpointNames, type NftServicePortChains } from './chain-name';

/**
 * What the nftables syncProxyRules decides for one service port before writing anything:
 * the same endpoint categories as the iptables proxier (CategorizeEndpoints is shared), its
 * own chain names, and the verdicts the no-endpoint maps give.
 */
export interface NftServicePortPlan {
  readonly sp: ServicePortInfo;
  readonly base: ServicePortPlan;
  readonly chains: NftServicePortChains;
  /** service- or local-, by internalTrafficPolicy. */
  readonly internalChain: string;
  /** service- or local-, by externalTrafficPolicy. */
  readonly externalPolicyChain: string;
  /** What no-endpoint-services says for the ClusterIP: `goto reject-chain` without any endpoint, `drop` without a local one. */
  readonly internalVerdict: string;
  /** The same for external IPs, load-balancer IPs and the NodePort. */
  readonly externalVerdict: string;
  /** A firewall- chain: load-balancer IPs restricted by loadBalancerSourceRanges (endpoints or not). */
  readonly usesFW: boolean;
  readonly endpointNames: (ep: EndpointInfo) => NftEndpointNames;
}

export function planNftServicePort(sp: ServicePortInfo, endpoints: readonly EndpointInfo[], topology: TopologyOptions): NftServicePortPlan {
  const base = planServicePort(sp, endpoints, topology);
  const portName = sp.portName;
  const chains = nftServicePortChains(sp.serviceKey, sp.protocol, portName);
  const names = new Map<string, NftEndpointNames>();
  const refusal = (reachable: boolean): string => (!base.hasAnyEndpoints ? 'goto reject-chain' : reachable ? '' : 'drop');
  return {
    sp,
    base,
    chains,
    internalChain: sp.internalPolicyLocal ? chains.localPolicy : chains.clusterPolicy,
    externalPolicyChain: sp.externalPolicyLocal ? chains.localPolicy : chains.clusterPolicy,
    internalVerdict: refusal(base.hasInternal),
    externalVerdict: refusal(base.hasExternal),
    usesFW: sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0,
    endpointNames: (ep) => {
      let n = names.get(ep.text);
      if (n === undefined) {
        n = nftEndpointNames(sp.serviceKey, sp.protocol, portName, ep.text);
        names.set(ep.text, n);
      }
      return n;
    },
  };
}

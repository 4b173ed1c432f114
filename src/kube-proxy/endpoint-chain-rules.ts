import { endpointChainName } from './chain-name';
import type { EndpointInfo } from './endpoints-map';
import { declareServiceChain, type ServiceChainOutput } from './service-chain-output';
import type { ServicePortInfo } from './service-port';

/** The KUBE-SEP chain name of each endpoint of a service port, hashed once per endpoint. */
export function endpointChainNamer(servicePortName: string, protocol: string): (ep: EndpointInfo) => string {
  const names = new Map<string, string>();
  return (ep) => {
    let chain = names.get(ep.text);
    if (chain === undefined) {
      chain = endpointChainName(servicePortName, protocol, ep.text);
      names.set(ep.text, chain);
    }
    return chain;
  };
}

/**
 * One KUBE-SEP chain per reachable endpoint (proxier.go, "Generate the per-endpoint
 * chains"): masquerade the endpoint's own traffic, then DNAT to it, recording the
 * client in the `recent` list named after the chain when the Service has ClientIP affinity.
 */
export function writeEndpointChainRules(
  out: ServiceChainOutput,
  sp: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
  sepOf: (ep: EndpointInfo) => string,
  protoMatch: string,
  largeClusterMode: boolean,
): void {
  const comment = largeClusterMode ? '' : ` -m comment --comment ${sp.name}`;
  for (const ep of endpoints) {
    const sep = sepOf(ep);
    const nat = declareServiceChain(out, sep);
    if (nat === null) continue;
    // Hairpin: an endpoint reaching itself through the VIP must be SNATed.
    nat.push(`-A ${sep}${comment} -s ${ep.ip} -j KUBE-MARK-MASQ`);
    const affinity = sp.stickyMaxAgeSeconds > 0 ? ` -m recent --name ${sep} --set` : '';
    nat.push(`-A ${sep}${comment}${affinity} ${protoMatch} -j DNAT --to-destination ${ep.text}`);
  }
}

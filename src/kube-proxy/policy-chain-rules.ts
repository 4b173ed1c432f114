import type { EndpointInfo } from './endpoints-map';
import { computeProbability } from './probability';
import { declareServiceChain, type ServiceChainOutput } from './service-chain-output';
import type { ServicePortInfo } from './service-port';
import type { ServicePortPlan } from './service-port-plan';

/**
 * The first rule of the internal policy chain (proxier.go, "Set up internal traffic
 * handling"): cluster-IP traffic from outside the pod network (or all of it, with
 * --masquerade-all) is marked for masquerade, so the reply comes back through this node.
 */
export function writeInternalMasqueradeRule(
  nat: string[],
  sp: ServicePortInfo,
  plan: ServicePortPlan,
  ctx: { readonly masqueradeAll: boolean; readonly localDetectorCidr: string | null },
): void {
  const args = `-m comment --comment "${sp.name} cluster IP" ${plan.protoMatch} -d ${sp.clusterIP} --dport ${sp.port}`;
  if (ctx.masqueradeAll) nat.push(`-A ${plan.internalChain} ${args} -j KUBE-MARK-MASQ`);
  else if (ctx.localDetectorCidr !== null) nat.push(`-A ${plan.internalChain} ${args} ! -s ${ctx.localDetectorCidr} -j KUBE-MARK-MASQ`);
}

/**
 * A policy chain, KUBE-SVC (Cluster) or KUBE-SVL (Local), and its jumps to the
 * endpoints (proxier.go, writeServiceToEndpointRules): affinity checks first, then one
 * statistic rule per endpoint, so that each of n endpoints is picked with chance 1/n.
 */
export function writePolicyChainRules(
  out: ServiceChainOutput,
  sp: ServicePortInfo,
  chain: string,
  endpoints: readonly EndpointInfo[],
  sepOf: (ep: EndpointInfo) => string,
  largeClusterMode: boolean,
): void {
  const nat = declareServiceChain(out, chain);
  if (nat === null) return;
  const commentOf = (ep: EndpointInfo): string => (largeClusterMode ? '' : ` -m comment --comment "${sp.name} -> ${ep.text}"`);
  if (sp.stickyMaxAgeSeconds > 0) {
    for (const ep of endpoints) {
      const sep = sepOf(ep);
      nat.push(`-A ${chain}${commentOf(ep)} -m recent --name ${sep} --rcheck --seconds ${sp.stickyMaxAgeSeconds} --reap -j ${sep}`);
    }
  }
  const n = endpoints.length;
  for (let i = 0; i < n; i++) {
    const ep = endpoints[i] as EndpointInfo;
    const stat = i < n - 1 ? ` -m statistic --mode random --probability ${computeProbability(n - i)}` : '';
    nat.push(`-A ${chain}${commentOf(ep)}${stat} -j ${sepOf(ep)}`);
  }
}

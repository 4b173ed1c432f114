import type { EndpointInfo } from '../endpoints-map';
import { cidrContainsIp, parseIpCidr, type IpAddress } from '../ip-address';
import type { FamilyWords } from './family-words';
import type { NftServicePortPlan } from './service-port-plan';
import type { NftTableBuilder } from './table-builder';

/** What the per-service chains need from the proxier. */
export interface ServiceChainContext {
  readonly w: FamilyWords;
  readonly masqueradeAll: boolean;
  /** The LocalTrafficDetector's pod CIDR, or null without one. */
  readonly localCidr: string | null;
  readonly nodeIP: IpAddress | null;
}

const MASQ = 'jump mark-for-masquerade';

/**
 * A service port's own chains (the bottom half of the service loop in syncProxyRules): the
 * masquerade rule for ClusterIP traffic, external-, firewall-, the ClientIP affinity sets,
 * the policy chains that pick an endpoint, and one endpoint- chain per reachable endpoint.
 */
export function writeServicePortChains(tx: NftTableBuilder, p: NftServicePortPlan, ctx: ServiceChainContext): void {
  const { sp, base, chains } = p;
  for (const ep of base.allReachableEndpoints) tx.addChain(p.endpointNames(ep).chain);
  if (base.usesClusterPolicyChain) tx.addChain(chains.clusterPolicy);
  if (base.usesLocalPolicyChain) tx.addChain(chains.localPolicy);
  if (base.usesExtChain) tx.addChain(chains.external);
  if (p.usesFW) tx.addChain(chains.firewall);

  const { ipX } = ctx.w;
  if (base.hasInternal) {
    // Off-cluster clients reaching a ClusterIP through a route to this node may bounce to
    // another node: masquerade them (all of them with --masquerade-all).
    if (ctx.masqueradeAll) tx.addRule(p.internalChain, `${ipX} daddr ${sp.clusterIP} ${MASQ}`);
    else if (ctx.localCidr !== null) tx.addRule(p.internalChain, `${ipX} daddr ${sp.clusterIP} ${ipX} saddr != ${ctx.localCidr} ${MASQ}`);
  }
  if (base.usesExtChain) writeExternalChain(tx, p, ctx);
  if (p.usesFW) writeFirewallChain(tx, p, ctx);
  if (sp.stickyMaxAgeSeconds > 0) {
    for (const ep of base.allReachableEndpoints) {
      const flags = ['dynamic', 'timeout'];
      tx.addSet({
        kind: 'set',
        name: p.endpointNames(ep).affinitySet,
        keyType: [ctx.w.addrType],
        flags,
        timeoutSeconds: sp.stickyMaxAgeSeconds,
      });
    }
  }
  if (base.usesClusterPolicyChain) writePolicyChain(tx, p, chains.clusterPolicy, base.clusterEndpoints, ipX);
  if (base.usesLocalPolicyChain) writePolicyChain(tx, p, chains.localPolicy, base.localEndpoints, ipX);
  for (const ep of base.allReachableEndpoints) writeEndpointChain(tx, p, ep, ipX);
}

/**
 * external-: Cluster policy masquerades everything (the endpoint may be on another node);
 * Local policy keeps the client's address, except that pods and the node itself are sent
 * to every endpoint, as if they had gone out to the load balancer and come back.
 */
function writeExternalChain(tx: NftTableBuilder, p: NftServicePortPlan, ctx: ServiceChainContext): void {
  const ext = p.chains.external;
  if (!p.sp.externalPolicyLocal) tx.addRule(ext, MASQ);
  else {
    if (ctx.localCidr !== null)
      tx.addRule(ext, `${ctx.w.ipX} saddr ${ctx.localCidr} goto ${p.chains.clusterPolicy}`, 'short-circuit pod traffic');
    tx.addRule(ext, `fib saddr type local ${MASQ}`, 'masquerade local traffic');
    tx.addRule(ext, `fib saddr type local goto ${p.chains.clusterPolicy}`, 'short-circuit local traffic');
  }
  if (p.base.hasExternal) tx.addRule(ext, `goto ${p.externalPolicyChain}`);
}

/** firewall-: drop sources outside loadBalancerSourceRanges; the LB IPs count as allowed when a range holds the node's IP (VIP traffic from the node loops back from the VIP). */
function writeFirewallChain(tx: NftTableBuilder, p: NftServicePortPlan, ctx: ServiceChainContext): void {
  const sources = [...p.sp.loadBalancerSourceRanges];
  const nodeIP = ctx.nodeIP;
  const allowFromNode =
    nodeIP !== null &&
    sources.some((s) => {
      const cidr = parseIpCidr(s);
      return cidr !== null && cidrContainsIp(cidr, nodeIP);
    });
  if (allowFromNode) sources.push(...p.sp.loadBalancerVIPs);
  tx.addRule(p.chains.firewall, `${ctx.w.ipX} saddr != { ${sources.join(' , ')} } drop`);
}

/** A policy chain: a client with affinity goes back to its endpoint, any other picks one at random. */
function writePolicyChain(
  tx: NftTableBuilder,
  p: NftServicePortPlan,
  chain: string,
  endpoints: readonly EndpointInfo[],
  ipX: string,
): void {
  if (p.sp.stickyMaxAgeSeconds > 0) {
    for (const ep of endpoints) {
      const names = p.endpointNames(ep);
      tx.addRule(chain, `${ipX} saddr @${names.affinitySet} goto ${names.chain}`);
    }
  }
  const entries = endpoints.map((ep, i) => `${i} : goto ${p.endpointNames(ep).chain}`);
  tx.addRule(chain, `numgen random mod ${endpoints.length} vmap { ${entries.join(' , ')} }`);
}

/** endpoint-: hairpin traffic (the endpoint reaching itself) is masqueraded, the client recorded for affinity, then DNAT. */
function writeEndpointChain(tx: NftTableBuilder, p: NftServicePortPlan, ep: EndpointInfo, ipX: string): void {
  const names = p.endpointNames(ep);
  tx.addRule(names.chain, `${ipX} saddr ${ep.ip} ${MASQ}`);
  if (p.sp.stickyMaxAgeSeconds > 0) tx.addRule(names.chain, `update @${names.affinitySet} { ${ipX} saddr }`);
  tx.addRule(names.chain, `meta l4proto ${p.sp.protocol} dnat to ${ep.text}`);
}

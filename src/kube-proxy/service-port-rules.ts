import { categorizeEndpoints, type TopologyOptions } from './categorize-endpoints';
import { endpointChainName } from './chain-name';
import type { EndpointInfo } from './endpoints-map';
import { cidrContainsIp, type IpAddress } from './ip-address';
import { computeProbability } from './probability';
import type { RuleBuffers } from './rule-buffers';
import { isExternallyAccessible, usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './service-port';
import { parseIpCidr } from './ip-address';

/** What the per-service-port writer needs from the proxier. */
export interface ServicePortContext {
  readonly topology: TopologyOptions;
  readonly isIPv6: boolean;
  readonly masqueradeAll: boolean;
  /** `-s <podCIDR>` / `! -s <podCIDR>`, or null without a LocalTrafficDetector. */
  readonly localDetectorCidr: string | null;
  readonly localhostNodePortsNfacct: boolean;
  readonly largeClusterMode: boolean;
  readonly nodeIP: IpAddress | null;
  /** False in a partial sync for a service that did not change: its nat chains are not written. */
  readonly writeServiceChains: boolean;
  readonly activeNatChains: Set<string>;
}

/**
 * Everything syncProxyRules writes for one service port (pkg/proxy/iptables/proxier.go,
 * the body of the `for svcName, svc := range proxier.svcPortMap` loop), in its order.
 */
export function writeServicePortRules(
  buf: RuleBuffers,
  sp: ServicePortInfo,
  allEndpoints: readonly EndpointInfo[],
  ctx: ServicePortContext,
): void {
  const { name, protocol: proto } = sp;
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints } = categorizeEndpoints(
    allEndpoints,
    sp,
    ctx.topology,
  );
  const extAccessible = isExternallyAccessible(sp);
  const svcChain = sp.chains.clusterPolicy;
  const svlChain = sp.chains.localPolicy;
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(sp);
  const internalChain = sp.internalPolicyLocal ? svlChain : svcChain;
  const hasInternal = hasAnyEndpoints && (!sp.internalPolicyLocal || localEndpoints.length > 0);
  const externalPolicyChain = sp.externalPolicyLocal ? svlChain : svcChain;
  const hasExternal = hasAnyEndpoints && (!sp.externalPolicyLocal || localEndpoints.length > 0);
  const extChain = sp.chains.external;
  // The EXT chain exists even without external endpoints: it holds the short-circuit rules.
  const usesExtChain = hasAnyEndpoints && extAccessible;
  const usesFW = hasAnyEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFW ? sp.chains.firewall : extChain;

  let internalTarget = '';
  let internalComment = '';
  let externalTarget = '';
  let externalComment = '';
  if (!hasAnyEndpoints) {
    internalTarget = externalTarget = 'REJECT';
    internalComment = externalComment = `"${name} has no endpoints"`;
  } else {
    if (!hasInternal) {
      internalTarget = 'DROP';
      internalComment = `"${name} has no local endpoints"`;
    }
    if (!hasExternal) {
      externalTarget = 'DROP';
      externalComment = `"${name} has no local endpoints"`;
    }
  }
  const m = `-m ${proto} -p ${proto}`;
  const port = sp.port;
  const { filterRules, natRules } = buf;

  // ClusterIP.
  if (hasInternal) {
    natRules.push(`-A KUBE-SERVICES -m comment --comment "${name} cluster IP" ${m} -d ${sp.clusterIP} --dport ${port} -j ${internalChain}`);
  } else {
    filterRules.push(`-A KUBE-SERVICES -m comment --comment ${internalComment} ${m} -d ${sp.clusterIP} --dport ${port} -j ${internalTarget}`);
  }
  // externalIPs.
  for (const eip of sp.externalIPs) {
    if (hasAnyEndpoints) {
      natRules.push(`-A KUBE-SERVICES -m comment --comment "${name} external IP" ${m} -d ${eip} --dport ${port} -j ${extChain}`);
    }
    if (!hasExternal) {
      filterRules.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment ${externalComment} ${m} -d ${eip} --dport ${port} -j ${externalTarget}`);
    }
  }
  // LoadBalancer ingress IPs.
  for (const lbip of sp.loadBalancerVIPs) {
    if (hasAnyEndpoints) {
      natRules.push(`-A KUBE-SERVICES -m comment --comment "${name} loadbalancer IP" ${m} -d ${lbip} --dport ${port} -j ${lbChain}`);
    }
    if (usesFW) {
      filterRules.push(
        `-A KUBE-PROXY-FIREWALL -m comment --comment "${name} traffic not accepted by ${sp.chains.firewall}" ${m} -d ${lbip} --dport ${port} -j DROP`,
      );
    }
  }
  if (!hasExternal) {
    for (const lbip of sp.loadBalancerVIPs) {
      filterRules.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment ${externalComment} ${m} -d ${lbip} --dport ${port} -j ${externalTarget}`);
    }
  }
  // NodePort. NodePorts are not subject to loadBalancerSourceRanges.
  if (sp.nodePort !== 0) {
    if (hasAnyEndpoints) {
      if (ctx.localhostNodePortsNfacct) {
        natRules.push(
          `-A KUBE-NODEPORTS -m comment --comment ${name} ${m} -d 127.0.0.0/8 --dport ${sp.nodePort} -m nfacct --nfacct-name localhost_nps_accepted_pkts -j ${extChain}`,
        );
      }
      natRules.push(`-A KUBE-NODEPORTS -m comment --comment ${name} ${m} --dport ${sp.nodePort} -j ${extChain}`);
    }
    if (!hasExternal) {
      filterRules.push(
        `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${externalComment} -m addrtype --dst-type LOCAL ${m} --dport ${sp.nodePort} -j ${externalTarget}`,
      );
    }
  }
  // healthCheckNodePort: accepted whether or not this node has endpoints.
  if (sp.healthCheckNodePort !== 0) {
    filterRules.push(
      `-A KUBE-NODEPORTS -m comment --comment "${name} health check node port" -m tcp -p tcp --dport ${sp.healthCheckNodePort} -j ACCEPT`,
    );
  }

  // From here on, a partial sync skips services that did not change (their chains stay
  // as they are in the kernel), but the chains still count as active.
  const active = ctx.activeNatChains;
  const write = ctx.writeServiceChains;
  const natChains = write ? buf.natChains : null;
  const nat = write ? natRules : null;

  if (hasInternal && nat) {
    const args = `-m comment --comment "${name} cluster IP" ${m} -d ${sp.clusterIP} --dport ${port}`;
    if (ctx.masqueradeAll) nat.push(`-A ${internalChain} ${args} -j KUBE-MARK-MASQ`);
    else if (ctx.localDetectorCidr !== null) nat.push(`-A ${internalChain} ${args} ! -s ${ctx.localDetectorCidr} -j KUBE-MARK-MASQ`);
  }

  if (usesExtChain) {
    active.add(extChain);
    if (natChains && nat) {
      natChains.push(extChain);
      if (!sp.externalPolicyLocal) {
        nat.push(`-A ${extChain} -m comment --comment "masquerade traffic for ${name} external destinations" -j KUBE-MARK-MASQ`);
      } else {
        // Pod traffic to an external destination is treated as if it went out to the LB
        // and came back: neither traffic policy applies.
        if (ctx.localDetectorCidr !== null) {
          nat.push(`-A ${extChain} -m comment --comment "pod traffic for ${name} external destinations" -s ${ctx.localDetectorCidr} -j ${svcChain}`);
        }
        nat.push(`-A ${extChain} -m comment --comment "masquerade LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
        nat.push(`-A ${extChain} -m comment --comment "route LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j ${svcChain}`);
      }
      if (hasExternal) nat.push(`-A ${extChain} -j ${externalPolicyChain}`);
    }
  }

  if (usesFW) {
    const fw = sp.chains.firewall;
    active.add(fw);
    if (natChains && nat) {
      natChains.push(fw);
      const args = `-A ${fw} -m comment --comment "${name} loadbalancer IP"`;
      let allowFromNode = false;
      for (const cidr of sp.loadBalancerSourceRanges) {
        nat.push(`${args} -s ${cidr} -j ${extChain}`);
        const parsed = parseIpCidr(cidr);
        if (parsed !== null && ctx.nodeIP !== null && cidrContainsIp(parsed, ctx.nodeIP)) allowFromNode = true;
      }
      // A VIP-style LB address is often local, so node->VIP traffic loops back with the VIP as source.
      if (allowFromNode) for (const lbip of sp.loadBalancerVIPs) nat.push(`${args} -s ${lbip} -j ${extChain}`);
      nat.push(`-A ${fw} -m comment --comment "other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`);
    }
  }

  // Chain names of the reachable endpoints, hashed once each.
  const sepNames = new Map<string, string>();
  const sepOf = (ep: EndpointInfo): string => {
    let c = sepNames.get(ep.text);
    if (c === undefined) {
      c = endpointChainName(name, proto, ep.text);
      sepNames.set(ep.text, c);
    }
    return c;
  };

  if (usesClusterPolicyChain) {
    active.add(svcChain);
    if (natChains && nat) {
      natChains.push(svcChain);
      writeServiceToEndpointRules(nat, sp, svcChain, clusterEndpoints, sepOf, ctx.largeClusterMode);
    }
  }
  if (usesLocalPolicyChain) {
    active.add(svlChain);
    if (natChains && nat) {
      natChains.push(svlChain);
      writeServiceToEndpointRules(nat, sp, svlChain, localEndpoints, sepOf, ctx.largeClusterMode);
    }
  }

  const comment = ctx.largeClusterMode ? '' : ` -m comment --comment ${name}`;
  for (const ep of allReachableEndpoints) {
    const sep = sepOf(ep);
    active.add(sep);
    if (!natChains || !nat) continue;
    natChains.push(sep);
    // Hairpin: an endpoint reaching itself through the VIP must be SNATed.
    nat.push(`-A ${sep}${comment} -s ${ep.ip} -j KUBE-MARK-MASQ`);
    const affinity = sp.stickyMaxAgeSeconds > 0 ? ` -m recent --name ${sep} --set` : '';
    nat.push(`-A ${sep}${comment}${affinity} ${m} -j DNAT --to-destination ${ep.text}`);
  }
}

/** writeServiceToEndpointRules: affinity checks first, then one statistic rule per endpoint. */
function writeServiceToEndpointRules(
  nat: string[],
  sp: ServicePortInfo,
  chain: string,
  endpoints: readonly EndpointInfo[],
  sepOf: (ep: EndpointInfo) => string,
  largeClusterMode: boolean,
): void {
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

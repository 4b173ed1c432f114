import { cidrContainsIp, parseIpCidr, type IpAddress } from './ip-address';
import { declareServiceChain, type ServiceChainOutput } from './service-chain-output';
import type { ServicePortInfo } from './service-port';

/**
 * KUBE-FW: a load-balancer IP with loadBalancerSourceRanges (proxier.go, "Set up
 * firewall chain, if needed"). Each allowed source range jumps on to KUBE-EXT; what
 * falls off the end is dropped by KUBE-PROXY-FIREWALL in the filter table.
 */
export function writeFirewallChainRules(out: ServiceChainOutput, sp: ServicePortInfo, nodeIP: IpAddress | null): void {
  const fw = sp.chains.firewall;
  const nat = declareServiceChain(out, fw);
  if (nat === null) return;
  const ext = sp.chains.external;
  const args = `-A ${fw} -m comment --comment "${sp.name} loadbalancer IP"`;
  let allowFromNode = false;
  for (const cidr of sp.loadBalancerSourceRanges) {
    nat.push(`${args} -s ${cidr} -j ${ext}`);
    const parsed = parseIpCidr(cidr);
    if (parsed !== null && nodeIP !== null && cidrContainsIp(parsed, nodeIP)) allowFromNode = true;
  }
  // A VIP-style LB address is often local, so node->VIP traffic loops back with the VIP as source.
  if (allowFromNode) for (const lbip of sp.loadBalancerVIPs) nat.push(`${args} -s ${lbip} -j ${ext}`);
  nat.push(`-A ${fw} -m comment --comment "other traffic to ${sp.name} will be dropped by KUBE-PROXY-FIREWALL"`);
}

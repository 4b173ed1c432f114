import { cidrContainsIp, isLoopback, parseIp, parseIpCidr, type IpCidr } from './ip-address';
import type { ProxierConfig } from './proxier-config';

const COMMENT = '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain"';

/**
 * The last rules of nat KUBE-SERVICES, jumping to KUBE-NODEPORTS (proxier.go, after the
 * service loop; pkg/proxy/util/nodeport_addresses.go). Without --nodeport-addresses (or
 * with 0.0.0.0/0 / ::/0, or no CIDR of this family) one `--dst-type LOCAL` rule; otherwise
 * one `-d <ip>` rule per matching node address, leaving out loopback where localhost
 * NodePorts do not work (IPv6 always, IPv4 with --iptables-localhost-nodeports=false).
 */
export function nodePortsJumpRules(config: ProxierConfig): string[] {
  const isIPv6 = config.ipFamily === 'IPv6';
  const cidrs = nodePortCidrs(config);
  if (cidrs === null) {
    let dest = '-m addrtype --dst-type LOCAL';
    if (isIPv6) dest += ' ! -d ::1/128';
    else if (!config.localhostNodePorts) dest += ' ! -d 127.0.0.0/8';
    return [`-A KUBE-SERVICES ${COMMENT} ${dest} -j KUBE-NODEPORTS`];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of config.interfaceAddresses ?? [config.nodeIP]) {
    const ip = parseIp(text.split('/')[0] ?? '');
    if (ip === null || seen.has(ip.text) || !cidrs.some((c) => cidrContainsIp(c, ip))) continue;
    seen.add(ip.text);
    if (isLoopback(ip) && (isIPv6 || !config.localhostNodePorts)) continue;
    out.push(`-A KUBE-SERVICES ${COMMENT} -d ${ip.text} -j KUBE-NODEPORTS`);
  }
  return out;
}

/**
 * The --nodeport-addresses CIDRs of this family, or null for "match every address"
 * (NodePortAddresses.MatchAll); the nftables proxier reads them the same way.
 */
export function nodePortCidrs(config: Pick<ProxierConfig, 'ipFamily' | 'nodeIP' | 'nodePortAddresses'>): IpCidr[] | null {
  const list = config.nodePortAddresses ?? [];
  const cidrs: IpCidr[] = [];
  for (const entry of list) {
    if (entry === 'primary') {
      const ip = parseIp(config.nodeIP);
      if (ip !== null) cidrs.push({ family: ip.family, network: ip.value, prefix: ip.family === 'IPv4' ? 32 : 128, text: ip.text });
      continue;
    }
    const cidr = parseIpCidr(entry.trim());
    if (cidr !== null && cidr.family === config.ipFamily) cidrs.push(cidr);
  }
  if (cidrs.length === 0 || cidrs.some((c) => c.prefix === 0)) return null;
  return cidrs;
}

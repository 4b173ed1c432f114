import { cidrContainsIp, isLoopback, parseIp } from '../ip-address';
import { nodePortCidrs } from '../node-ports-jump';
import type { NftablesProxierConfig } from './config';

/**
 * The nodeport-ips set (setupNFTables; NodePortAddresses.GetNodeIPs): the node's addresses
 * inside --nodeport-addresses, each once, loopback left out (localhost NodePorts do not work
 * in nftables mode). null when every local address takes NodePorts: then there is no set,
 * and rules match `fib daddr type local` instead.
 */
export function nodePortIPs(config: NftablesProxierConfig): readonly string[] | null {
  const cidrs = nodePortCidrs(config);
  if (cidrs === null) return null;
  const out: string[] = [];
  for (const text of config.interfaceAddresses ?? [config.nodeIP]) {
    const ip = parseIp(text.split('/')[0] ?? '');
    if (ip === null || out.includes(ip.text) || isLoopback(ip) || !cidrs.some((c) => cidrContainsIp(c, ip))) continue;
    out.push(ip.text);
  }
  return out;
}

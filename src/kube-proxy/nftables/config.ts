import type { ProxierConfig } from '../proxier-config';

/**
 * What the nftables Proxier is built with (NewProxier in pkg/proxy/nftables/proxier.go):
 * the iptables proxier's settings it shares, plus the Service CIDRs that cluster-ips-check
 * drops unallocated addresses of.
 */
export interface NftablesProxierConfig extends Pick<
  ProxierConfig,
  | 'ipFamily'
  | 'nodeName'
  | 'nodeIP'
  | 'localDetector'
  | 'masqueradeAll'
  | 'masqueradeMark'
  | 'nodePortAddresses'
  | 'interfaceAddresses'
  | 'nodeZone'
> {
  /** ServiceCIDRs of this family ("172.30.0.0/16"); none: no drop rule for unallocated ClusterIPs. */
  readonly serviceCIDRs: readonly string[];
}

/** The configuration kube-proxy's nftables tests use (NewFakeProxier in pkg/proxy/nftables/proxier_test.go). */
export const TEST_NFTABLES_PROXIER_CONFIG: NftablesProxierConfig = {
  ipFamily: 'IPv4',
  nodeName: 'test-node',
  nodeIP: '192.168.0.2',
  localDetector: { mode: 'ClusterCIDR', cidr: '10.0.0.0/8' },
  masqueradeAll: false,
  masqueradeMark: '0x4000',
  nodePortAddresses: ['192.168.0.2/32', '2001:db8::1/128'],
  serviceCIDRs: ['172.30.0.0/16'],
  interfaceAddresses: [
    '127.0.0.1/8',
    '::1/128',
    '192.168.0.2/24',
    '192.168.1.2/24',
    '192.168.99.11/24',
    '2001:db8::1/64',
    '2001:db8:1::2/64',
  ],
};

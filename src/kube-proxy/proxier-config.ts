import type { IpFamily } from './ip-address';

/**
 * detect-local-mode=ClusterCIDR (pkg/proxy/util/localdetector.go): traffic from the
 * pod CIDR is "local"; rules use `-s <cidr>` / `! -s <cidr>`.
 */
export interface ClusterCidrDetector {
  readonly mode: 'ClusterCIDR';
  readonly cidr: string;
}

/** The nfacct counters kube-proxy uses when the kernel has them (pkg/proxy/metrics). */
export const NFACCT_INVALID_DROPPED = 'ct_state_invalid_dropped_pkts';
export const NFACCT_LOCALHOST_NODEPORTS = 'localhost_nps_accepted_pkts';

/** What the iptables Proxier is constructed with (NewProxier in pkg/proxy/iptables/proxier.go). */
export interface ProxierConfig {
  readonly ipFamily: IpFamily;
  readonly nodeName: string;
  /** The node's primary IP of this family (FW chain "allowFromNode", --nodeport-addresses=primary). */
  readonly nodeIP: string;
  /** null: no LocalTrafficDetector (detect-local-mode unset). */
  readonly localDetector: ClusterCidrDetector | null;
  readonly masqueradeAll: boolean;
  /** Injected as text, as the tests do ("0x4000"); real kube-proxy prints %#08x ("0x00004000"). */
  readonly masqueradeMark: string;
  readonly localhostNodePorts: boolean;
  /** --nodeport-addresses: CIDRs or ["primary"]; null/empty means every local address. */
  readonly nodePortAddresses: readonly string[] | null;
  /** Which nfacct counters exist (name -> present). */
  readonly nfacctCounters: Readonly<Record<string, boolean>>;
  /** net.netfilter.nf_conntrack_tcp_be_liberal != 0: no INVALID drop rule. */
  readonly conntrackTCPLiberal: boolean;
  /** Whether the iptables binary supports MASQUERADE --random-fully. */
  readonly hasRandomFully: boolean;
  /** More endpoints than this in total turns on large-cluster mode (1000 upstream). */
  readonly largeClusterEndpointsThreshold: number;
  /** The node's interface addresses, used to resolve --nodeport-addresses; defaults to [nodeIP]. */
  readonly interfaceAddresses?: readonly string[];
  /** The node's topology.kubernetes.io/zone label, for topology hints. */
  readonly nodeZone?: string;
}

/** The configuration kube-proxy's own tests use (NewFakeProxier in proxier_test.go). */
export const TEST_PROXIER_CONFIG: ProxierConfig = {
  ipFamily: 'IPv4',
  nodeName: 'test-node',
  nodeIP: '192.168.0.2',
  localDetector: { mode: 'ClusterCIDR', cidr: '10.0.0.0/8' },
  masqueradeAll: false,
  masqueradeMark: '0x4000',
  localhostNodePorts: true,
  nodePortAddresses: null,
  nfacctCounters: { [NFACCT_INVALID_DROPPED]: true, [NFACCT_LOCALHOST_NODEPORTS]: true },
  conntrackTCPLiberal: false,
  hasRandomFully: false,
  largeClusterEndpointsThreshold: 1000,
};

import { isServiceChainName } from './chain-name';
import type { EndpointSliceInput } from './endpoint-slice';
import { buildEndpointsMap, servicePortKey, type EndpointInfo } from './endpoints-map';
import { nodePortsJumpRules } from './node-ports-jump';
import { parseIp, parseIpCidr } from './ip-address';
import { NFACCT_INVALID_DROPPED, NFACCT_LOCALHOST_NODEPORTS, type ProxierConfig } from './proxier-config';
import { emptyBuffers, restoreText, type TableRules } from './rule-buffers';
import type { ServiceInput } from './service';
import { writeServicePortRules } from './service-port-rules';
import { servicePortsOf, type ServicePortInfo } from './service-port';

/** How this sync relates to the previous ones (kube-proxy's proxier state). */
export interface SyncOptions {
  /** The nat chains that exist before this sync; unused service chains among them are deleted (`-X`). */
  readonly existingNatChains?: Iterable<string>;
  /**
   * A partial sync: only services in this set ("ns/name") get their SVC/SVL/EXT/FW/SEP
   * chains written. Omit for a full sync.
   */
  readonly changedServices?: ReadonlySet<string>;
  /**
   * Large-cluster mode deletes stale chains at most once per syncPeriod; false means the
   * period has not elapsed yet. Ignored outside large-cluster mode. Default true.
   */
  readonly staleChainCleanupDue?: boolean;
}

export interface SyncResult {
  readonly filter: TableRules;
  readonly nat: TableRules;
  /** The iptables-restore input kube-proxy writes (`*filter` ... `COMMIT` `*nat` ... `COMMIT`). */
  readonly restore: string;
  /** More endpoints than the threshold: SEP and SVC->SEP comments are left out. */
  readonly largeClusterMode: boolean;
  /** Every nat service chain this sync uses, written or (in a partial sync) kept. */
  readonly activeNatChains: readonly string[];
  /** The stale chains this sync flushed and deleted. */
  readonly deletedNatChains: readonly string[];
}

/**
 * kube-proxy's iptables-mode sync (pkg/proxy/iptables/proxier.go, syncProxyRules): turns
 * Services and EndpointSlices into the iptables-restore input for the filter and nat
 * tables. Pure: the same inputs give the same text; service ports are visited in sorted
 * order (kube-proxy's map order is random; its tests compare after sortIptablesRules).
 */
export function syncProxyRules(
  config: ProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
  options: SyncOptions = {},
): SyncResult {
  const isIPv6 = config.ipFamily === 'IPv6';
  const buf = emptyBuffers();
  buf.filterChains.push('KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL');
  buf.natChains.push('KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ');
  const mark = config.masqueradeMark;
  buf.natRules.push(
    `-A KUBE-POSTROUTING -m mark ! --mark ${mark}/${mark} -j RETURN`,
    // Clear the mark so a packet that re-traverses the stack is not masqueraded twice.
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${mark}`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${config.hasRandomFully ? ' --random-fully' : ''}`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${mark}`,
  );
  if (!isIPv6 && config.localhostNodePorts) {
    // route_localnet opens a hole (https://issue.k8s.io/90259); kubelet writes the same rule.
    buf.filterChains.push('KUBE-FIREWALL');
    buf.filterRules.push(
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    );
  }

  const servicePorts: ServicePortInfo[] = [];
  for (const svc of services) for (const sp of servicePortsOf(svc, config.ipFamily)) servicePorts.push(sp);
  servicePorts.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0,
  );
  const endpointsMap = buildEndpointsMap(endpointSlices, config.ipFamily, config.nodeName);
  const endpointsOf = (sp: ServicePortInfo): EndpointInfo[] =>
    endpointsMap.get(servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol)) ?? [];

  // Only endpoints of existing service ports count towards the threshold.
  let totalEndpoints = 0;
  for (const sp of servicePorts) totalEndpoints += endpointsOf(sp).length;
  const largeClusterMode = totalEndpoints > config.largeClusterEndpointsThreshold;

  const detector = config.localDetector ? parseIpCidr(config.localDetector.cidr.trim()) : null;
  const activeNatChains = new Set<string>();
  const ctxBase = {
    topology: { nodeName: config.nodeName, ...(config.nodeZone !== undefined ? { zone: config.nodeZone } : {}) },
    isIPv6,
    masqueradeAll: config.masqueradeAll,
    localDetectorCidr: detector ? detector.text : null,
    localhostNodePortsNfacct: !isIPv6 && config.localhostNodePorts && config.nfacctCounters[NFACCT_LOCALHOST_NODEPORTS] === true,
    largeClusterMode,
    nodeIP: parseIp(config.nodeIP),
    activeNatChains,
  };
  // Two contexts built once, not one spread copy per service port (a spread is a slow object build).
  const writes = { ...ctxBase, writeServiceChains: true };
  const keeps = { ...ctxBase, writeServiceChains: false };
  const changed = options.changedServices;
  for (const sp of servicePorts) {
    const writeServiceChains = changed === undefined || changed.has(sp.serviceKey);
    writeServicePortRules(buf, sp, endpointsOf(sp), writeServiceChains ? writes : keeps);
  }

  // Delete chains no longer in use (large clusters only do this once per syncPeriod).
  const deletedNatChains: string[] = [];
  if (!largeClusterMode || options.staleChainCleanupDue !== false) {
    for (const chain of options.existingNatChains ?? []) {
      if (activeNatChains.has(chain) || !isServiceChainName(chain)) continue;
      buf.natChains.push(chain);
      buf.natRules.push(`-X ${chain}`);
      deletedNatChains.push(chain);
    }
  }

  // The tail call to KUBE-NODEPORTS must come after every other service portal rule.
  buf.natRules.push(...nodePortsJumpRules(config));

  if (!config.conntrackTCPLiberal) {
    // Out-of-window TCP packets would reach pods un-NATed and cause RSTs (issues #74839, #117924).
    const nfacct = config.nfacctCounters[NFACCT_INVALID_DROPPED] === true ? ` -m nfacct --nfacct-name ${NFACCT_INVALID_DROPPED}` : '';
    buf.filterRules.push(`-A KUBE-FORWARD -m conntrack --ctstate INVALID${nfacct} -j DROP`);
  }
  buf.filterRules.push(
    `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark}/${mark} -j ACCEPT`,
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  );

  const filter: TableRules = { chains: buf.filterChains, rules: buf.filterRules };
  const nat: TableRules = { chains: buf.natChains, rules: buf.natRules };
  return {
    filter,
    nat,
    restore: restoreText(filter, nat),
    largeClusterMode,
    activeNatChains: [...activeNatChains],
    deletedNatChains,
  };
}

import type { NftablesProxierConfig } from './config';
import type { FamilyWords } from './family-words';
import type { NftTableBuilder } from './table-builder';
import type { NftBaseChainSpec } from './table';

/*
 * The part of the table that does not depend on Services (setupNFTables in
 * pkg/proxy/nftables/proxier.go, as kube-proxy v1.33-v1.35 and its tests' baseRules have it).
 */

/**
 * Base chains, named "${type}-${hook}". The filter checks that must see the pre-DNAT
 * destination run just before DNAT (dstnat - 10); the rest run at the standard priorities.
 */
const BASE_CHAINS: readonly (readonly [string, NftBaseChainSpec])[] = [
  ['filter-prerouting-pre-dnat', { type: 'filter', hook: 'prerouting', priority: -110 }],
  ['filter-output-pre-dnat', { type: 'filter', hook: 'output', priority: -110 }],
  ['filter-input', { type: 'filter', hook: 'input', priority: 0 }],
  ['filter-forward', { type: 'filter', hook: 'forward', priority: 0 }],
  ['filter-output', { type: 'filter', hook: 'output', priority: 0 }],
  ['nat-prerouting', { type: 'nat', hook: 'prerouting', priority: -100 }],
  ['nat-output', { type: 'nat', hook: 'output', priority: -100 }],
  ['nat-postrouting', { type: 'nat', hook: 'postrouting', priority: 100 }],
];

/**
 * [destination chain, base chain, leading match]: the jumps from the base chains, in the
 * order the tests expect them within each chain. The endpoint checks REJECT, which old
 * kernels allow only at input, forward and output; the firewall check must come before DNAT.
 */
const JUMPS: readonly (readonly [string, string, string])[] = [
  ['nodeport-endpoints-check', 'filter-input', 'ct state new '],
  ['service-endpoints-check', 'filter-input', 'ct state new '],
  ['service-endpoints-check', 'filter-forward', 'ct state new '],
  ['service-endpoints-check', 'filter-output', 'ct state new '],
  ['firewall-check', 'filter-prerouting-pre-dnat', 'ct state new '],
  ['firewall-check', 'filter-output-pre-dnat', 'ct state new '],
  ['services', 'nat-output', ''],
  ['services', 'nat-prerouting', ''],
  ['masquerading', 'nat-postrouting', ''],
  ['cluster-ips-check', 'filter-forward', 'ct state new '],
  ['cluster-ips-check', 'filter-output', 'ct state new '],
];

/** Maps keyed by destination address, protocol and port, or by protocol and port (NodePorts). */
const VMAP_TYPE = (addr: string): string[] => [addr, 'inet_proto', 'inet_service'];
const PORT_VMAP_TYPE = ['inet_proto', 'inet_service'];

function addVerdictMap(tx: NftTableBuilder, name: string, keyType: readonly string[], comment: string): void {
  tx.addSet({ kind: 'map', name, keyType, valueType: 'verdict', comment });
}

/** Writes the table's fixed chains, sets and maps; `nodePortIPs` null means NodePorts on every local address. */
export function setupTable(
  tx: NftTableBuilder,
  config: NftablesProxierConfig,
  w: FamilyWords,
  nodePortIPs: readonly string[] | null,
): void {
  for (const [name, base] of BASE_CHAINS) tx.addChain(name, { base });
  for (const [dst, src, match] of JUMPS) {
    tx.addChain(dst);
    tx.addRule(src, `${match}jump ${dst}`);
  }
  for (const chain of ['services', 'cluster-ips-check', 'masquerading', 'mark-for-masquerade']) tx.addChain(chain);
  writeMasquerading(tx, config.masqueradeMark);

  tx.addSet({ kind: 'set', name: 'cluster-ips', keyType: [w.addrType], comment: 'Active ClusterIPs' });
  tx.addRule('cluster-ips-check', `${w.ipX} daddr @cluster-ips reject`, 'Reject traffic to invalid ports of ClusterIPs');
  if (config.serviceCIDRs.length > 0) {
    tx.addRule('cluster-ips-check', `${w.ipX} daddr { ${config.serviceCIDRs.join(',')} } drop`, 'Drop traffic to unallocated ClusterIPs');
  }
  if (nodePortIPs !== null) {
    tx.addSet({ kind: 'set', name: 'nodeport-ips', keyType: [w.addrType], comment: 'IPs that accept NodePort traffic' });
    for (const ip of nodePortIPs) tx.addElement('nodeport-ips', { key: [ip] });
  }
  writeNoEndpointHandling(tx, w, nodePortIPs !== null);

  addVerdictMap(tx, 'firewall-ips', VMAP_TYPE(w.addrType), 'destinations that are subject to LoadBalancerSourceRanges');
  tx.addRule('firewall-check', `${w.ipX} daddr . meta l4proto . th dport vmap @firewall-ips`);

  addVerdictMap(tx, 'service-ips', VMAP_TYPE(w.addrType), 'ClusterIP, ExternalIP and LoadBalancer IP traffic');
  addVerdictMap(tx, 'service-nodeports', PORT_VMAP_TYPE, 'NodePort traffic');
  tx.addRule('services', `${w.ipX} daddr . meta l4proto . th dport vmap @service-ips`);
  const nodePortMatch = nodePortIPs === null ? `fib daddr type local ${w.noLocalhost}` : `${w.ipX} daddr @nodeport-ips`;
  tx.addRule('services', `${nodePortMatch} meta l4proto . th dport vmap @service-nodeports`);
}

/**
 * mark-for-masquerade sets the mark; masquerading (at postrouting) clears it again so a
 * packet that goes round the stack twice is not masqueraded twice, then masquerades.
 */
function writeMasquerading(tx: NftTableBuilder, mark: string): void {
  tx.addRule('mark-for-masquerade', `mark set mark or ${mark}`);
  tx.addRule('masquerading', `mark and ${mark} == 0 return`);
  tx.addRule('masquerading', `mark set mark xor ${mark}`);
  tx.addRule('masquerading', 'masquerade fully-random');
}

/** The maps that drop or reject traffic to service ports without endpoints, and the chains that consult them. */
function writeNoEndpointHandling(tx: NftTableBuilder, w: FamilyWords, hasNodePortIPs: boolean): void {
  addVerdictMap(tx, 'no-endpoint-services', VMAP_TYPE(w.addrType), 'vmap to drop or reject packets to services with no endpoints');
  addVerdictMap(tx, 'no-endpoint-nodeports', PORT_VMAP_TYPE, 'vmap to drop or reject packets to service nodeports with no endpoints');
  tx.addChain('reject-chain', { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });
  tx.addRule('reject-chain', 'reject');
  tx.addRule('service-endpoints-check', `${w.ipX} daddr . meta l4proto . th dport vmap @no-endpoint-services`);
  const match = hasNodePortIPs ? `${w.ipX} daddr @nodeport-ips` : w.noLocalhost;
  tx.addRule('nodeport-endpoints-check', `${match} meta l4proto . th dport vmap @no-endpoint-nodeports`);
}

import type { EndpointSliceInput } from '../endpoint-slice';
import { buildEndpointsMap, servicePortKey } from '../endpoints-map';
import { parseIp, parseIpCidr } from '../ip-address';
import type { ServiceInput } from '../service';
import { servicePortsOf, type ServicePortInfo } from '../service-port';
import type { NftablesProxierConfig } from './config';
import { familyWords } from './family-words';
import { nodePortIPs } from './node-port-ips';
import { writeServicePortChains, type ServiceChainContext } from './service-port-chains';
import { writeServicePortElements } from './service-port-elements';
import { planNftServicePort } from './service-port-plan';
import { setupTable } from './setup-table';
import { NftTableBuilder } from './table-builder';
import type { NftTable } from './table';

/**
 * kube-proxy's nftables-mode full sync (pkg/proxy/nftables/proxier.go, setupNFTables and
 * syncProxyRules, in the layout of v1.29-v1.35: one endpoint- chain per endpoint, picked by
 * `numgen random mod N vmap`): Services and EndpointSlices, the same inputs the iptables
 * proxier takes, in; the `table ip kube-proxy` the kernel then holds, out. Pure: service
 * ports are visited in sorted order (kube-proxy's map order is random; its tests sort).
 *
 * @example syncNftablesRules(TEST_NFTABLES_PROXIER_CONFIG, services, slices).chains.map((c) => c.name)
 */
export function syncNftablesRules(
  config: NftablesProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
): NftTable {
  const w = familyWords(config.ipFamily);
  const tx = new NftTableBuilder(w.family, 'kube-proxy', 'rules for kube-proxy');
  setupTable(tx, config, w, nodePortIPs(config));

  const servicePorts: ServicePortInfo[] = [];
  for (const svc of services) servicePorts.push(...servicePortsOf(svc, config.ipFamily));
  servicePorts.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0,
  );
  const endpointsMap = buildEndpointsMap(endpointSlices, config.ipFamily, config.nodeName);
  const topology = { nodeName: config.nodeName, ...(config.nodeZone !== undefined ? { zone: config.nodeZone } : {}) };
  const detector = config.localDetector ? parseIpCidr(config.localDetector.cidr.trim()) : null;
  const ctx: ServiceChainContext = {
    w,
    masqueradeAll: config.masqueradeAll,
    localCidr: detector ? detector.text : null,
    nodeIP: parseIp(config.nodeIP),
  };
  for (const sp of servicePorts) {
    const endpoints = endpointsMap.get(servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol)) ?? [];
    const plan = planNftServicePort(sp, endpoints, topology);
    writeServicePortElements(tx, plan);
    writeServicePortChains(tx, plan, ctx);
  }
  return tx.build();
}

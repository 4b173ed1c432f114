import type { NftServicePortPlan } from './service-port-plan';
import type { NftTableBuilder } from './table-builder';

/**
 * The elements one service port puts in the shared sets and maps (the top half of the
 * service loop in syncProxyRules): its ClusterIP in cluster-ips, each of its addresses in
 * service-ips when traffic has somewhere to go and in no-endpoint-services when it has not,
 * its NodePort likewise, and its load-balancer IPs in firewall-ips when source ranges apply.
 */
export function writeServicePortElements(tx: NftTableBuilder, p: NftServicePortPlan): void {
  const { sp, base } = p;
  const port = String(sp.port);
  const comment = sp.name;
  const external = `goto ${p.chains.external}`;
  tx.addElement('cluster-ips', { key: [sp.clusterIP] });
  if (base.hasInternal) tx.addElement('service-ips', { key: [sp.clusterIP, sp.protocol, port], value: `goto ${p.internalChain}` });
  else tx.addElement('no-endpoint-services', { key: [sp.clusterIP, sp.protocol, port], value: p.internalVerdict, comment });

  for (const ip of sp.externalIPs) {
    if (base.hasAnyEndpoints) tx.addElement('service-ips', { key: [ip, sp.protocol, port], value: external });
    if (!base.hasExternal) tx.addElement('no-endpoint-services', { key: [ip, sp.protocol, port], value: p.externalVerdict, comment });
  }
  for (const ip of sp.loadBalancerVIPs) {
    if (base.hasAnyEndpoints) tx.addElement('service-ips', { key: [ip, sp.protocol, port], value: external });
    if (p.usesFW) tx.addElement('firewall-ips', { key: [ip, sp.protocol, port], value: `goto ${p.chains.firewall}` });
  }
  if (!base.hasExternal) {
    for (const ip of sp.loadBalancerVIPs) {
      tx.addElement('no-endpoint-services', { key: [ip, sp.protocol, port], value: p.externalVerdict, comment });
    }
  }
  if (sp.nodePort !== 0) {
    const key = [sp.protocol, String(sp.nodePort)];
    if (base.hasAnyEndpoints) tx.addElement('service-nodeports', { key, value: external });
    if (!base.hasExternal) tx.addElement('no-endpoint-nodeports', { key, value: p.externalVerdict, comment });
  }
}

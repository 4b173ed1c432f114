import { cidrContains, nthAddress, type Cidr } from '../net/cidr';
import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import type { Scenario } from '../scenario/schema';
import type { ClusterChecks } from './cluster-checks';
import { toClusterService } from './cluster-objects';
import { firstIndexes } from './first-indexes';
import { nextServiceAddress } from './ipam';
import type { ClusterService } from './model';
import { fixedNodePorts, resolveExposure } from './service-exposure';

type ScenarioService = Scenario['cluster']['services'][number];

/**
 * The Services with their cluster IPs: a Service keeps the cluster IP it is given;
 * the others get the next free address of the service CIDR. Node ports likewise:
 * those a Service fixes are set aside first, the others are taken in order (see
 * `takeNodePort`). Reports Services and ports declared twice, unnamed ports of a
 * multi-port Service, cluster IPs outside the service CIDR or given twice, and node
 * ports out of range or held by another Service.
 */
export function allocateServices(
  cluster: Scenario['cluster'],
  serviceCidr: Cidr | undefined,
  checks: ClusterChecks,
): { readonly services: ClusterService[]; readonly lastServiceIp: number } {
  const { fail } = checks;
  const usedVips = new Set<number>();
  const givenVips = cluster.services.map((s, i) => {
    if (s.clusterIP === undefined) return undefined;
    const vip = checks.ip(s.clusterIP, `cluster.services[${i}].clusterIP`);
    if (vip && serviceCidr && !cidrContains(serviceCidr, vip))
      fail(`cluster.services[${i}].clusterIP`, `${vip} is outside the service CIDR ${cluster.serviceCIDR}`);
    if (vip) usedVips.add(ipv4ToNumber(vip));
    return vip;
  });
  const services: ClusterService[] = [];
  // The API server reserves the service CIDR's first address for "kubernetes";
  // others are handed out from the tenth on, in declaration order (deterministic,
  // where the real allocator picks at random).
  let lastVip = 9;
  // Where each name and each given cluster IP first appears: one pass, not a search per Service.
  const firstByName = firstIndexes(cluster.services.map((s) => `${s.namespace}/${s.name}`));
  const firstByVip = firstIndexes(givenVips);
  const usedNodePorts = reserveNodePorts(cluster, checks);
  cluster.services.forEach((s, i) => {
    const path = `cluster.services[${i}]`;
    if (firstByName.get(`${s.namespace}/${s.name}`) !== i) fail(`${path}.name`, `service "${s.name}" is declared twice`);
    checkServicePorts(s, path, checks);
    let vip: Ipv4 | undefined = givenVips[i];
    if (s.clusterIP !== undefined && vip && firstByVip.get(vip) !== i)
      fail(`${path}.clusterIP`, `${vip} is already another Service's cluster IP`);
    if (s.clusterIP === undefined && serviceCidr) {
      const n = nextServiceAddress(serviceCidr, lastVip, usedVips);
      if (n === null) return fail(`${path}`, `the service CIDR ${cluster.serviceCIDR} has no free address left`);
      vip = nthAddress(serviceCidr, n);
      usedVips.add(ipv4ToNumber(vip));
      lastVip = n;
    }
    const exposure = resolveExposure(s, path, checks, usedNodePorts);
    if (!vip) return;
    services.push(toClusterService(s, vip, exposure));
  });
  return { services, lastServiceIp: lastVip };
}

/** A port (number and protocol) declared twice; in a Service with several ports, one without a name. */
function checkServicePorts(s: ScenarioService, path: string, checks: ClusterChecks): void {
  s.ports.forEach((port, j) => {
    const dup = s.ports.findIndex((q) => q.port === port.port && q.protocol === port.protocol);
    if (dup !== j) checks.fail(`${path}.ports[${j}]`, `port ${port.port}/${port.protocol} is declared twice`);
    if (s.ports.length > 1 && port.name === '')
      checks.fail(`${path}.ports[${j}].name`, 'a Service with several ports must name each of them');
  });
}

/** Every node port a Service fixes, set aside before any is allocated; one another Service (or port) already holds is reported. */
function reserveNodePorts(cluster: Scenario['cluster'], checks: ClusterChecks): Set<number> {
  const holder = new Map<number, string>();
  cluster.services.forEach((s, i) => {
    for (const { port, path } of fixedNodePorts(s, `cluster.services[${i}]`, checks)) {
      const other = holder.get(port);
      if (other !== undefined) checks.fail(path, `node port ${port} is already used by ${other}`);
      else holder.set(port, `Service "${s.name}" (${path})`);
    }
  });
  return new Set(holder.keys());
}

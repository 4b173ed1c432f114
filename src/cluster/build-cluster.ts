import { cidrContains, nthAddress, parseCidr, type Cidr } from '../net/cidr';
import { nodeName } from '../net/ids';
import { ipv4ToNumber, parseIpv4, type Ipv4 } from '../net/ipv4';
import type { Scenario } from '../scenario/schema';
import { deriveEndpointSlices } from './endpoint-slices';
import { toClusterPod, toClusterService } from './cluster-objects';
import { macForIp, nodeMac } from './mac';
import { nextPodAddress, nextServiceAddress, type ClusterAllocation } from './ipam';
import type { Cluster, ClusterNode, ClusterPod, ClusterService, ClusterState } from './model';
import { validateTimeline } from './timeline';

export interface ClusterError {
  readonly path: string;
  readonly message: string;
}

export type ClusterResult =
  | { readonly ok: true; readonly cluster: Cluster; readonly allocation: ClusterAllocation }
  | { readonly ok: false; readonly errors: readonly ClusterError[] };

/**
 * Resolves a validated scenario into a cluster: parses every address, allocates
 * pod IPs from each node's pod CIDR (the bridge takes the first address, pods
 * follow in declaration order, skipping addresses already given) and cluster
 * IPs from the service CIDR, numbers each node's veths, and derives the
 * EndpointSlices. Cross-field mistakes come back as errors with their path,
 * including traffic and events that name a pod or Service which does not exist
 * at their time (see `validateTimeline`). The allocators' positions come back
 * with the cluster, so events can allocate from where the start left off.
 */
export function buildCluster(scenario: Scenario): ClusterResult {
  const errors: ClusterError[] = [];
  const fail = (path: string, message: string) => void errors.push({ path, message });
  const cidr = (text: string, path: string): Cidr | undefined => {
    const parsed = parseCidr(text);
    if (!parsed.ok) fail(path, parsed.error);
    return parsed.ok ? parsed.value : undefined;
  };
  const ip = (text: string, path: string): Ipv4 | undefined => {
    const parsed = parseIpv4(text);
    if (!parsed.ok) fail(path, parsed.error);
    return parsed.ok ? parsed.value : undefined;
  };
  const { cluster } = scenario;
  const clusterCidr = cidr(cluster.clusterCIDR, 'cluster.clusterCIDR');
  const serviceCidr = cidr(cluster.serviceCIDR, 'cluster.serviceCIDR');

  const nodes: ClusterNode[] = [];
  cluster.nodes.forEach((n, i) => {
    const path = `cluster.nodes[${i}]`;
    if (cluster.nodes.findIndex((m) => m.name === n.name) !== i) fail(`${path}.name`, `node "${n.name}" is declared twice`);
    const nodeIp = ip(n.ip, `${path}.ip`);
    const podCidr = cidr(n.podCIDR, `${path}.podCIDR`);
    if (!nodeIp || !podCidr) return;
    const sameIp = nodes.find((m) => m.ip === nodeIp);
    if (sameIp) fail(`${path}.ip`, `${nodeIp} is already node "${sameIp.name}"'s address`);
    if (clusterCidr && !cidrContains(clusterCidr, podCidr.network)) fail(`${path}.podCIDR`, `${n.podCIDR} is outside the cluster CIDR ${cluster.clusterCIDR}`);
    if (podCidr.prefix > 30) fail(`${path}.podCIDR`, `${n.podCIDR} is too small for a bridge and pods`);
    const overlap = nodes.find((m) => cidrContains(m.podCidr, podCidr.network) || cidrContains(podCidr, m.podCidr.network));
    if (overlap) fail(`${path}.podCIDR`, `${n.podCIDR} overlaps node "${overlap.name}"'s pod CIDR`);
    const bridgeIp = nthAddress(podCidr, 1);
    nodes.push({ name: nodeName(n.name), ip: nodeIp, podCidr, bridgeIp, eth0Mac: nodeMac(nodeIp), bridgeMac: macForIp(bridgeIp) });
  });

  const pods: ClusterPod[] = [];
  const taken = new Set<number>();
  const given = cluster.pods.map((p, i) => (p.ip === undefined ? undefined : ip(p.ip, `cluster.pods[${i}].ip`)));
  given.forEach((g, i) => {
    const first = g === undefined ? -1 : given.indexOf(g);
    if (g !== undefined && first !== i) fail(`cluster.pods[${i}].ip`, `${g} is already pod "${cluster.pods[first]!.name}"'s address`);
  });
  for (const g of given) if (g) taken.add(ipv4ToNumber(g));
  const lastPodIp: Record<string, number> = Object.fromEntries(nodes.map((n) => [n.name, 1]));
  const nextVeth: Record<string, number> = Object.fromEntries(nodes.map((n) => [n.name, 0]));
  const vethOf: Record<string, string> = {};
  cluster.pods.forEach((p, i) => {
    const path = `cluster.pods[${i}]`;
    if (cluster.pods.findIndex((q) => q.name === p.name && q.namespace === p.namespace) !== i) fail(`${path}.name`, `pod "${p.name}" is declared twice`);
    const node = nodes.find((n) => n.name === p.node);
    if (!node) return fail(`${path}.node`, `no node named "${p.node}"`);
    let podIp = given[i];
    if (p.ip !== undefined && podIp && !cidrContains(node.podCidr, podIp)) return fail(`${path}.ip`, `${podIp} is outside node "${node.name}"'s pod CIDR`);
    if (p.ip !== undefined && podIp && (podIp === node.bridgeIp)) return fail(`${path}.ip`, `${podIp} is the bridge's address on node "${node.name}"`);
    if (p.ip !== undefined && !podIp) return;
    if (!podIp) {
      const n = nextPodAddress(node.podCidr, lastPodIp[node.name] ?? 1, taken);
      if (n === null) return fail(`${path}`, `node "${node.name}"'s pod CIDR has no free address left`);
      podIp = nthAddress(node.podCidr, n);
      taken.add(ipv4ToNumber(podIp));
      lastPodIp[node.name] = n;
    }
    const veth = nextVeth[node.name] ?? 0;
    nextVeth[node.name] = veth + 1;
    vethOf[`${node.name}/${p.namespace}/${p.name}`] = `veth${veth}`;
    pods.push(toClusterPod(p, node, podIp, `veth${veth}`));
  });

  const services: ClusterService[] = [];
  const usedVips = new Set<number>();
  const givenVips = cluster.services.map((s, i) => {
    if (s.clusterIP === undefined) return undefined;
    const vip = ip(s.clusterIP, `cluster.services[${i}].clusterIP`);
    if (vip && serviceCidr && !cidrContains(serviceCidr, vip)) fail(`cluster.services[${i}].clusterIP`, `${vip} is outside the service CIDR ${cluster.serviceCIDR}`);
    if (vip) usedVips.add(ipv4ToNumber(vip));
    return vip;
  });
  // The API server reserves the service CIDR's first address for "kubernetes";
  // others are handed out from the tenth on, in declaration order (deterministic,
  // where the real allocator picks at random).
  let lastVip = 9;
  cluster.services.forEach((s, i) => {
    const path = `cluster.services[${i}]`;
    if (cluster.services.findIndex((t) => t.name === s.name && t.namespace === s.namespace) !== i) fail(`${path}.name`, `service "${s.name}" is declared twice`);
    s.ports.forEach((port, j) => {
      const dup = s.ports.findIndex((q) => q.port === port.port && q.protocol === port.protocol);
      if (dup !== j) fail(`${path}.ports[${j}]`, `port ${port.port}/${port.protocol} is declared twice`);
      if (s.ports.length > 1 && port.name === '') fail(`${path}.ports[${j}].name`, 'a Service with several ports must name each of them');
    });
    let vip = givenVips[i];
    if (s.clusterIP !== undefined && vip && givenVips.findIndex((g) => g === vip) !== i) fail(`${path}.clusterIP`, `${vip} is already another Service's cluster IP`);
    if (s.clusterIP === undefined && serviceCidr) {
      const n = nextServiceAddress(serviceCidr, lastVip, usedVips);
      if (n === null) return fail(`${path}`, `the service CIDR ${cluster.serviceCIDR} has no free address left`);
      vip = nthAddress(serviceCidr, n);
      usedVips.add(ipv4ToNumber(vip));
      lastVip = n;
    }
    if (!vip) return;
    services.push(toClusterService(s, vip));
  });

  if (errors.length > 0 || !clusterCidr || !serviceCidr) return { ok: false, errors };
  const endpointSlices = services.flatMap((s) => deriveEndpointSlices(s, pods));
  const state: ClusterState = {
    cluster: { clusterCidr, serviceCidr, nodes, pods, services, endpointSlices },
    allocation: { lastPodIp, nextVeth, vethOf, lastServiceIp: lastVip },
  };
  // Traffic and events are checked against the cluster as it stands at their time.
  const timelineErrors = validateTimeline(scenario, state);
  if (timelineErrors.length > 0) return { ok: false, errors: timelineErrors };
  return { ok: true, ...state };
}

export { findService } from './timeline';

import { cidrContains, nthAddress, type Cidr } from '../net/cidr';
import { nodeName } from '../net/ids';
import type { Scenario } from '../scenario/schema';
import type { ClusterChecks } from './cluster-checks';
import { macForIp, nodeMac } from './mac';
import type { ClusterNode } from './model';

/**
 * The scenario's nodes with their addresses parsed; cbr0 takes the first address of
 * the node's pod CIDR. Reports names declared twice, addresses another node has, and
 * pod CIDRs outside the cluster CIDR, too small for a bridge and a pod, or overlapping
 * another node's. A node whose address or pod CIDR does not parse is left out.
 */
export function resolveNodes(cluster: Scenario['cluster'], clusterCidr: Cidr | undefined, checks: ClusterChecks): ClusterNode[] {
  const { fail } = checks;
  const nodes: ClusterNode[] = [];
  cluster.nodes.forEach((n, i) => {
    const path = `cluster.nodes[${i}]`;
    if (cluster.nodes.findIndex((m) => m.name === n.name) !== i) fail(`${path}.name`, `node "${n.name}" is declared twice`);
    const nodeIp = checks.ip(n.ip, `${path}.ip`);
    const podCidr = checks.cidr(n.podCIDR, `${path}.podCIDR`);
    if (!nodeIp || !podCidr) return;
    const sameIp = nodes.find((m) => m.ip === nodeIp);
    if (sameIp) fail(`${path}.ip`, `${nodeIp} is already node "${sameIp.name}"'s address`);
    if (clusterCidr && !cidrContains(clusterCidr, podCidr.network))
      fail(`${path}.podCIDR`, `${n.podCIDR} is outside the cluster CIDR ${cluster.clusterCIDR}`);
    if (podCidr.prefix > 30) fail(`${path}.podCIDR`, `${n.podCIDR} is too small for a bridge and pods`);
    const overlap = nodes.find((m) => cidrContains(m.podCidr, podCidr.network) || cidrContains(podCidr, m.podCidr.network));
    if (overlap) fail(`${path}.podCIDR`, `${n.podCIDR} overlaps node "${overlap.name}"'s pod CIDR`);
    const bridgeIp = nthAddress(podCidr, 1);
    nodes.push({ name: nodeName(n.name), ip: nodeIp, podCidr, bridgeIp, eth0Mac: nodeMac(nodeIp), bridgeMac: macForIp(bridgeIp) });
  });
  return nodes;
}

import { cidrContains, nthAddress } from '../net/cidr';
import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import type { Scenario } from '../scenario/schema';
import type { ClusterChecks } from './cluster-checks';
import { toClusterPod } from './cluster-objects';
import { nextPodAddress, type ClusterAllocation } from './ipam';
import type { ClusterNode, ClusterPod } from './model';
import { firstIndexes } from './first-indexes';

/** The pods on their nodes, and where the pod allocators stand afterwards. */
export interface PlacedPods extends Pick<ClusterAllocation, 'lastPodIp' | 'nextVeth' | 'vethOf'> {
  readonly pods: ClusterPod[];
}

/**
 * Puts each pod on its node, in declaration order: a pod keeps the address it is
 * given; the others get the next free address of their node's pod CIDR, skipping
 * every given one (host-local IPAM). Each pod on a node gets the next veth number.
 * Pods on a node that does not exist, or whose address cannot be theirs, are
 * reported and left out.
 */
export function placePods(cluster: Scenario['cluster'], nodes: readonly ClusterNode[], checks: ClusterChecks): PlacedPods {
  const { fail } = checks;
  const given = givenPodIps(cluster, checks);
  const taken = new Set<number>();
  for (const g of given) if (g) taken.add(ipv4ToNumber(g));
  const pods: ClusterPod[] = [];
  const lastPodIp: Record<string, number> = Object.fromEntries(nodes.map((n) => [n.name, 1]));
  const nextVeth: Record<string, number> = Object.fromEntries(nodes.map((n) => [n.name, 0]));
  const vethOf: Record<string, string> = {};
  const firstByName = firstIndexes(cluster.pods.map((p) => `${p.namespace}/${p.name}`));
  cluster.pods.forEach((p, i) => {
    const path = `cluster.pods[${i}]`;
    if (firstByName.get(`${p.namespace}/${p.name}`) !== i) fail(`${path}.name`, `pod "${p.name}" is declared twice`);
    const node = nodes.find((n) => n.name === p.node);
    if (!node) return fail(`${path}.node`, `no node named "${p.node}"`);
    let podIp = given[i];
    if (p.ip !== undefined && podIp && !cidrContains(node.podCidr, podIp))
      return fail(`${path}.ip`, `${podIp} is outside node "${node.name}"'s pod CIDR`);
    if (p.ip !== undefined && podIp && podIp === node.bridgeIp)
      return fail(`${path}.ip`, `${podIp} is the bridge's address on node "${node.name}"`);
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
  return { pods, lastPodIp, nextVeth, vethOf };
}

/** The addresses the scenario gives its pods (undefined where none is given or it does not parse); two pods given one address are reported. */
function givenPodIps(cluster: Scenario['cluster'], checks: ClusterChecks): (Ipv4 | undefined)[] {
  const given = cluster.pods.map((p, i) => (p.ip === undefined ? undefined : checks.ip(p.ip, `cluster.pods[${i}].ip`)));
  given.forEach((g, i) => {
    const first = g === undefined ? -1 : given.indexOf(g);
    if (g !== undefined && first !== i)
      checks.fail(`cluster.pods[${i}].ip`, `${g} is already pod "${cluster.pods[first]!.name}"'s address`);
  });
  return given;
}

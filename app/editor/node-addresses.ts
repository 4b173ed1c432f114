import type { ScenarioInput } from '../../src/index';

type Cluster = ScenarioInput['cluster'];

const octets = (text: string): number[] | null => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/\d{1,2})?$/.exec(text.trim());
  return m ? m.slice(1).map(Number) : null;
};

/**
 * Addresses for a new node, chosen deterministically: the node IP after the
 * highest one in the first node's /24 (192.168.0.13 after .11 and .12), and the
 * first free /24 of the cluster CIDR as its pod CIDR (10.244.3.0/24 after .1
 * and .2), as kubeadm's node IPAM hands out one /24 per node. The scenario's
 * validation still checks them.
 */
export function nextNodeAddresses(cluster: Cluster): { ip: string; podCIDR: string } {
  const first = octets(cluster.nodes[0]?.ip ?? '') ?? [192, 168, 0, 10];
  const sameNet = cluster.nodes
    .map((n) => octets(n.ip))
    .filter((o): o is number[] => o !== null && o.slice(0, 3).join('.') === first.slice(0, 3).join('.'));
  const lastOctet = Math.min(254, Math.max(first[3]!, ...sameNet.map((o) => o[3]!)) + 1);
  const base = octets(cluster.clusterCIDR ?? '10.244.0.0/16') ?? [10, 244, 0, 0];
  const used = new Set(
    cluster.nodes
      .map((n) => octets(n.podCIDR))
      .filter((o): o is number[] => o !== null && o[0] === base[0] && o[1] === base[1])
      .map((o) => o[2]!),
  );
  let third = 1;
  while (used.has(third) && third < 255) third++;
  return { ip: `${first.slice(0, 3).join('.')}.${lastOctet}`, podCIDR: `${base[0]}.${base[1]}.${third}.0/24` };
}

import type { Packet } from '../net/packet';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import { jumpedChain } from '../netfilter/rule-detail';
import type { Note } from '../trace/types';

/** The sets that say a packet is for a Service's node port, load balancer IP or external IP. */
const EXTERNAL_SET = /^KUBE-(NODE-PORT|LOAD-BALANCER|EXTERNAL-IP)/;

/**
 * The note of nat PREROUTING in IPVS mode for a connection's first packet, which no rule
 * DNATs: for a node port, a load balancer IP or an external IP, the ipsets that matched
 * (KUBE-NODE-PORT-TCP, KUBE-LOAD-BALANCER-LOCAL, ...) and whether KUBE-MARK-MASQ marked
 * the packet (policy Cluster) or the client's address is kept (policy Local); for a
 * ClusterIP, KUBE-CLUSTER-IP's accept; otherwise that no Service rule matched.
 *
 * @example ipvsPreroutingNote(evaluated, packet, 'vm1', true).id // 'prerouting.ipvs-external-masq'
 */
export function ipvsPreroutingNote(evaluated: readonly EvaluatedRule[], packet: Packet, node: string, onKubeIpvs0: boolean): Note {
  const vip = { node, vip: `${packet.dstIp}:${packet.dstPort}` };
  const sets: string[] = [];
  // The chains the decision was made in: where an external set matched, or KUBE-MARK-MASQ was jumped to.
  const chains: string[] = ['KUBE-SERVICES'];
  let masq = false;
  for (const r of evaluated) {
    if (r.verdict === 'no-match') continue;
    const set = /--match-set (\S+)/.exec(r.text)?.[1];
    const external = set !== undefined && EXTERNAL_SET.test(set);
    if (external && !sets.includes(set)) sets.push(set);
    const marks = r.verdict === 'jump' && jumpedChain(r.detail) === 'KUBE-MARK-MASQ';
    masq ||= marks;
    if ((external || marks) && !chains.includes(r.chain)) chains.push(r.chain);
  }
  if (sets.length === 0) return { id: onKubeIpvs0 ? 'prerouting.ipvs-accept' : 'prerouting.no-service', params: vip };
  return {
    id: `prerouting.ipvs-external-${masq ? 'masq' : 'keep'}`,
    params: { ...vip, sets, chains, client: packet.srcIp },
  };
}

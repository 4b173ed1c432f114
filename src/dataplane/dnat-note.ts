import type { Cluster } from '../cluster/model';
import type { Packet } from '../net/packet';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import { jumpedChain } from '../netfilter/rule-detail';
import type { EvaluatedNftRule } from '../nftables';
import { modeEngine } from './mode-engines';
import type { RecentLists } from '../netfilter/recent-lists';
import type { Note } from '../trace/types';
import { formatSeconds, serviceChoice } from './service-choice';
import type { NodeKernel } from './world';

/** What the nat table's DNAT of a connection's first packet looked like: the rules, the packet before and after, the node's state before. */
export interface DnatFacts {
  readonly evaluated: readonly EvaluatedRule[];
  /** nftables mode: the rules of `table ip kube-proxy` evaluated with them. */
  readonly nftRules: readonly EvaluatedNftRule[];
  readonly before: Packet;
  readonly after: Packet;
  /** The node's recent lists before the evaluation: the session-affinity window is read from them. */
  readonly recentBefore: RecentLists;
  readonly now: number;
}

/**
 * The note of a DNAT step (nat PREROUTING for a pod's packet, nat OUTPUT for
 * the node's own), written from what decided it: `<hook>.dnat.statistic`,
 * `.statistic-later` (a statistic rule after others missed), `.affinity`,
 * `.last`, `.only`, or `.rule` for a DNAT no KUBE-SVC chain chose; in nftables
 * mode `nftDnatNote`'s, from the map lookups and numgen's draw.
 * Its parameters name the Service address, the new destination and its pod,
 * the chains and the deciding match's numbers.
 *
 * @example dnatNote('prerouting.dnat', kernel, cluster, facts).id // 'prerouting.dnat.statistic'
 */
export function dnatNote(prefix: 'prerouting.dnat' | 'output.dnat', kernel: NodeKernel, cluster: Cluster, facts: DnatFacts): Note {
  const { before, after } = facts;
  const base = {
    node: kernel.node.name,
    client: before.srcIp,
    vip: `${before.dstIp}:${before.dstPort}`,
    endpoint: `${after.dstIp}:${after.dstPort}`,
    pod: cluster.pods.find((p) => p.ip === after.dstIp)?.name ?? after.dstIp,
  };
  if (kernel.nft) return modeEngine('nftables').notes.dnat(prefix === 'prerouting.dnat' ? 'prerouting' : 'output', base, facts.nftRules);
  const external = prefix === 'prerouting.dnat' ? externalNote(facts.evaluated, base) : null;
  if (external) return external;
  const choice = serviceChoice(facts.evaluated, kernel.ruleset, facts.recentBefore, facts.now, before.srcIp);
  if (choice === null) return { id: `${prefix}.rule`, params: base };
  const chains = { ...base, svcChain: choice.svcChain, sepChain: choice.sepChain, seconds: choice.affinitySeconds ?? 0 };
  // A Service with session affinity whose client had no live record: say so, and that this connection starts one.
  const fresh = choice.affinitySeconds !== null ? '.no-affinity-yet' : '';
  switch (choice.kind) {
    case 'statistic':
      return {
        id: `${prefix}.${choice.passed === 0 ? 'statistic' : 'statistic-later'}${fresh}`,
        params: { ...chains, probability: choice.probability, share: choice.share, endpoints: choice.endpoints },
      };
    case 'affinity':
      return {
        id: `${prefix}.affinity`,
        params: { ...chains, ago: formatSeconds(choice.ago), left: formatSeconds(choice.left) },
      };
    case 'last':
      return { id: `${prefix}.last${fresh}`, params: { ...chains, endpoints: choice.endpoints, share: choice.share } };
    case 'only':
      return { id: `${prefix}.only${fresh}`, params: chains };
  }
}

/**
 * A DNAT reached through a Service's external chain (a node port, a load balancer's IP
 * or an external IP: KUBE-NODEPORTS, KUBE-FW-…, KUBE-EXT-…): the chains the packet
 * jumped through, and whether KUBE-MARK-MASQ marked it for masquerade (policy Cluster)
 * or the source is kept (policy Local, or a pod's own traffic). Null for any other DNAT.
 */
function externalNote(evaluated: readonly EvaluatedRule[], base: Record<string, string>): Note | null {
  const jumps = evaluated.filter((r) => r.verdict === 'jump' || r.verdict === 'goto').flatMap((r) => jumpedChain(r.detail) ?? []);
  const ext = jumps.find((c) => c.startsWith('KUBE-EXT-'));
  if (!ext) return null;
  const masq = jumps.includes('KUBE-MARK-MASQ');
  const chains = jumps.filter((c) => c !== 'KUBE-MARK-MASQ');
  return { id: `prerouting.dnat.external-${masq ? 'masq' : 'keep'}`, params: { ...base, chains, extChain: ext } };
}

import type { ClusterService } from '../cluster/model';
import type { NodeKernel } from '../dataplane/world';
import { compareRealServers, findVirtualServer, realServerKey, type IpvsScheduler } from '../ipvs';
import { ipv4ToNumber } from '../net/ipv4';
import type { Protocol } from '../net/packet';
import { formatSavedProbability } from '../netfilter/format-rule-save';
import type { RecentMatch, StatisticMatch } from '../netfilter/match-types';
import { chainOf, findTable, type Rule, type Table } from '../netfilter/ruleset';
import type { LbLabRules, LbStatisticRule } from './lb-lab-types';
import { nftServiceRules } from './nft-service-rules';

const jumpOf = (rule: Rule, prefix: string) =>
  rule.target.kind === 'jump' && rule.target.chain.startsWith(prefix) ? rule.target.chain : null;
const recentOf = (rule: Rule) => rule.matches.find((m): m is RecentMatch => m.kind === 'recent');
const statisticOf = (rule: Rule) => rule.matches.find((m): m is StatisticMatch => m.kind === 'statistic');

/** KUBE-SERVICES' rule for the ClusterIP and port: `-d 10.96.0.10/32 -p tcp --dport 80 -j KUBE-SVC-...`. */
function serviceChainOf(nat: Table, service: ClusterService, port: number, protocol: Protocol): string | null {
  const services = chainOf(nat, 'KUBE-SERVICES');
  const vip = ipv4ToNumber(service.clusterIP);
  for (const rule of services?.rules ?? []) {
    const chain = jumpOf(rule, 'KUBE-SVC-');
    if (!chain || rule.destination?.network !== vip || rule.destination.prefix !== 32) continue;
    if (rule.protocol?.name !== protocol) continue;
    const dport = rule.matches.find((m) => m.kind === 'ports')?.dport;
    if (dport && dport.from <= port && port <= dport.to) return chain;
  }
  return null;
}

/** The endpoint a KUBE-SEP chain DNATs to ("10.244.2.2:8080"). */
function sepEndpoint(nat: Table, sepChain: string): string {
  const dnat = chainOf(nat, sepChain)?.rules.find((r) => r.target.kind === 'dnat')?.target;
  return dnat?.kind === 'dnat' ? `${dnat.ip}${dnat.port === null ? '' : `:${dnat.port}`}` : sepChain;
}

/**
 * The Service chain's endpoint rules in order, each with the share it gives: a rule
 * is reached only when every rule before it missed, so its share is
 * reach x probability, and kube-proxy's 1/n, 1/(n-1), ..., 1/2, (none) makes every
 * share 1/n (pkg/proxy/iptables/proxier.go writeServiceToEndpointRules).
 */
function statisticRules(nat: Table, svcChain: string): { rules: LbStatisticRule[]; affinitySeconds: number | null } {
  const chain = chainOf(nat, svcChain);
  const all = chain?.rules ?? [];
  const affinitySeconds = all.map(recentOf).find((m) => m?.mode === 'rcheck')?.seconds ?? null;
  let reach = 1;
  const rules = all
    .filter((r) => jumpOf(r, 'KUBE-SEP-') !== null && !recentOf(r))
    .map((r) => {
      const statistic = statisticOf(r);
      const p = statistic ? statistic.threshold / 0x80000000 : 1;
      const rule = {
        sepChain: jumpOf(r, 'KUBE-SEP-')!,
        endpoint: sepEndpoint(nat, jumpOf(r, 'KUBE-SEP-')!),
        probability: statistic ? formatSavedProbability(statistic.threshold) : null,
        p,
        reach,
        share: reach * p,
      };
      reach *= 1 - p;
      return rule;
    });
  return { rules, affinitySeconds };
}

/**
 * What the client's node has for a Service port, read from its kernel: in iptables mode
 * the KUBE-SVC chain's endpoint rules and their probabilities; in nftables mode the
 * Service chain's numgen vmap (nftServiceRules); in IPVS mode the virtual
 * server's real servers, weights and scheduler. `none` when the node has no such rules
 * (no ready endpoint: kube-proxy writes a REJECT instead).
 *
 * @example serviceRules(kernel, svc1, 80, 'tcp').kind // 'statistic'
 */
export function serviceRules(kernel: NodeKernel, service: ClusterService, port: number, protocol: Protocol): LbLabRules {
  if (kernel.ipvs) {
    const vs = findVirtualServer(kernel.ipvs, protocol, service.clusterIP, port);
    if (!vs || vs.realServers.length === 0) return { kind: 'none' };
    const weights = [...vs.realServers].sort(compareRealServers).map((r) => ({ endpoint: realServerKey(r), weight: r.weight }));
    const scheduler: IpvsScheduler = vs.scheduler;
    return { kind: 'ipvs', scheduler, virtualServer: `${vs.ip}:${vs.port}`, weights, persistentSeconds: vs.persistent?.timeout ?? null };
  }
  if (kernel.nft) return nftServiceRules(kernel.nft.table, service, port, protocol);
  const nat = findTable(kernel.ruleset, 'nat');
  const svcChain = nat ? serviceChainOf(nat, service, port, protocol) : null;
  if (!nat || !svcChain) return { kind: 'none' };
  const { rules, affinitySeconds } = statisticRules(nat, svcChain);
  return rules.length === 0 ? { kind: 'none' } : { kind: 'statistic', svcChain, rules, affinitySeconds };
}

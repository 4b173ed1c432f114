import type { Ipset } from '../../ipvs/ipset';
import type { ProxierConfig } from '../proxier-config';

const q = (s: string) => `"${s}"`;

/**
 * proxier.go `iptablesJumpChain`, in insertion order. Each is an "ensure rule, prepend",
 * so on the node the last one inserted into a chain comes first in it.
 */
export const IPVS_JUMP_CHAINS: readonly {
  readonly table: 'nat' | 'filter';
  readonly from: string;
  readonly to: string;
  readonly comment: string;
}[] = [
  { table: 'nat', from: 'OUTPUT', to: 'KUBE-SERVICES', comment: 'kubernetes service portals' },
  { table: 'nat', from: 'PREROUTING', to: 'KUBE-SERVICES', comment: 'kubernetes service portals' },
  { table: 'nat', from: 'POSTROUTING', to: 'KUBE-POSTROUTING', comment: 'kubernetes postrouting rules' },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-FORWARD', comment: 'kubernetes forwarding rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-NODE-PORT', comment: 'kubernetes health check rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-PROXY-FIREWALL', comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-PROXY-FIREWALL', comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-IPVS-FILTER', comment: 'kubernetes ipvs access filter' },
  { table: 'filter', from: 'OUTPUT', to: 'KUBE-IPVS-OUT-FILTER', comment: 'kubernetes ipvs access filter' },
];

/** proxier.go `iptablesChains`: the chains `createAndLinkKubeChain` declares, per table. */
const CHAINS = {
  nat: ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'],
  filter: [
    'KUBE-FORWARD',
    'KUBE-NODE-PORT',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SOURCE-RANGES-FIREWALL',
    'KUBE-IPVS-FILTER',
    'KUBE-IPVS-OUT-FILTER',
  ],
} as const;

const BUILTIN = { nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], filter: ['INPUT', 'FORWARD', 'OUTPUT'] } as const;

function builtinJumps(table: 'nat' | 'filter'): string[] {
  const out: string[] = [];
  for (const chain of BUILTIN[table]) {
    const jumps = IPVS_JUMP_CHAINS.filter((j) => j.table === table && j.from === chain);
    for (let i = jumps.length - 1; i >= 0; i--) {
      const j = jumps[i];
      if (j !== undefined) out.push(`-A ${chain} -m comment --comment ${q(j.comment)} -j ${j.to}`);
    }
  }
  return out;
}

/**
 * The nat and filter rules kube-proxy's IPVS proxier restores (proxier.go
 * `writeIptablesRules` + `acceptIPVSTraffic`), for ClusterIP services: rules that depend
 * on an empty set are left out, as kube-proxy does. Only the `ipsetWithIptablesChain`
 * entries a ClusterIP-only cluster can fill (KUBE-LOOP-BACK) are written; the NodePort,
 * LoadBalancer and externalIP rules are not simulated yet.
 */
export function ipvsProxierRules(config: ProxierConfig, sets: readonly Ipset[]): { nat: string[]; filter: string[] } {
  const nonEmpty = (name: string) => (sets.find((s) => s.name === name)?.members.length ?? 0) > 0;
  const comment = (name: string) => q(sets.find((s) => s.name === name)?.comment ?? '');
  const mark = config.masqueradeMark;
  const nat: string[] = ['-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN'];
  if (nonEmpty('KUBE-LOOP-BACK')) {
    nat.push(
      `-A KUBE-POSTROUTING -m comment --comment ${comment('KUBE-LOOP-BACK')} -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE`,
    );
  }
  if (nonEmpty('KUBE-CLUSTER-IP')) {
    const base = `-A KUBE-SERVICES -m comment --comment ${comment('KUBE-CLUSTER-IP')} -m set --match-set KUBE-CLUSTER-IP`;
    if (config.masqueradeAll) nat.push(`${base} dst,dst -j KUBE-MARK-MASQ`);
    else if (config.localDetector !== null) nat.push(`${base} dst,dst ! -s ${config.localDetector.cidr} -j KUBE-MARK-MASQ`);
    else nat.push(`${base} src,dst -j KUBE-MARK-MASQ`);
  }
  nat.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  nat.push('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
  if (nonEmpty('KUBE-CLUSTER-IP')) nat.push('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
  nat.push(
    `-A KUBE-POSTROUTING -m mark ! --mark ${mark}/${mark} -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${mark}`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${config.hasRandomFully ? ' --random-fully' : ''}`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${mark}`,
  );
  const filter: string[] = [
    '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
    `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark}/${mark} -j ACCEPT`,
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    `-A KUBE-NODE-PORT -m comment --comment ${comment('KUBE-HEALTH-CHECK-NODE-PORT')} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
    '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
    '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
    '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
    '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
    '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
    '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT',
  ];
  return { nat, filter };
}

/**
 * One iptables-restore text per node: kube-proxy's restore input (nat chains + rules,
 * then filter chains + rules, each table ending in COMMIT) with the built-in chains
 * declared and holding kube-proxy's jump rules in their final order, so it parses with
 * `parseIptablesRestore` and a tracer can start at the kernel's hooks.
 */
export function formatIpvsIptablesRestore(config: ProxierConfig, sets: readonly Ipset[]): string {
  const { nat, filter } = ipvsProxierRules(config, sets);
  const table = (name: 'nat' | 'filter', rules: readonly string[]) => [
    `*${name}`,
    ...BUILTIN[name].map((c) => `:${c} ACCEPT [0:0]`),
    ...CHAINS[name].map((c) => `:${c} - [0:0]`),
    ...builtinJumps(name),
    ...rules,
    'COMMIT',
  ];
  return [...table('nat', nat), ...table('filter', filter), ''].join('\n');
}

/** How many rules of the restore text match against each set (ipset's `References:`). */
export function countSetReferences(restore: string, name: string): number {
  return restore.split('\n').filter((l) => l.includes(`--match-set ${name} `)).length;
}

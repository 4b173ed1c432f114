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
 * proxier.go `ipsetWithIptablesChain`: a rule per non-empty set, written first, in this
 * order (a node port's -LOCAL set before its plain one, so Local returns unmarked).
 */
const SET_RULES: readonly {
  readonly set: string;
  readonly table: 'nat' | 'filter';
  readonly from: string;
  readonly to: string;
  readonly flags: string;
  readonly protocol: string;
}[] = [
  { set: 'KUBE-LOOP-BACK', table: 'nat', from: 'KUBE-POSTROUTING', to: 'MASQUERADE', flags: 'dst,dst,src', protocol: '' },
  { set: 'KUBE-LOAD-BALANCER', table: 'nat', from: 'KUBE-SERVICES', to: 'KUBE-LOAD-BALANCER', flags: 'dst,dst', protocol: '' },
  { set: 'KUBE-LOAD-BALANCER-LOCAL', table: 'nat', from: 'KUBE-LOAD-BALANCER', to: 'RETURN', flags: 'dst,dst', protocol: '' },
  { set: 'KUBE-NODE-PORT-LOCAL-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', flags: 'dst', protocol: 'tcp' },
  { set: 'KUBE-NODE-PORT-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', flags: 'dst', protocol: 'tcp' },
  { set: 'KUBE-NODE-PORT-LOCAL-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', flags: 'dst', protocol: 'udp' },
  { set: 'KUBE-NODE-PORT-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', flags: 'dst', protocol: 'udp' },
  { set: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', flags: 'dst,dst', protocol: 'sctp' },
  { set: 'KUBE-NODE-PORT-SCTP-HASH', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', flags: 'dst,dst', protocol: 'sctp' },
  {
    set: 'KUBE-LOAD-BALANCER-FW',
    table: 'filter',
    from: 'KUBE-PROXY-FIREWALL',
    to: 'KUBE-SOURCE-RANGES-FIREWALL',
    flags: 'dst,dst',
    protocol: '',
  },
  {
    set: 'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    table: 'filter',
    from: 'KUBE-SOURCE-RANGES-FIREWALL',
    to: 'RETURN',
    flags: 'dst,dst,src',
    protocol: '',
  },
  {
    set: 'KUBE-LOAD-BALANCER-SOURCE-IP',
    table: 'filter',
    from: 'KUBE-SOURCE-RANGES-FIREWALL',
    to: 'RETURN',
    flags: 'dst,dst,src',
    protocol: '',
  },
];

/**
 * proxier.go `externalIPRules`: an external IP's packet is accepted at once when it comes
 * off the wire (not in through a bridge port, not from the node itself), or when the
 * address is the node's own.
 */
function externalIpAccepts(base: string): string[] {
  return [
    `${base} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`,
    `${base} -m addrtype --dst-type LOCAL -j ACCEPT`,
  ];
}

/**
 * The nat and filter rules kube-proxy's IPVS proxier restores (proxier.go
 * `writeIptablesRules` + `acceptIPVSTraffic`): rules that depend on an empty set are left
 * out, as kube-proxy does. The `ipsetWithIptablesChain` rules come first (loop-back
 * masquerade, load balancer IPs, node ports, the source-range firewall), then the
 * ClusterIP and external IP rules, the jump to KUBE-NODE-PORT, and the fixed rules.
 */
export function ipvsProxierRules(config: ProxierConfig, sets: readonly Ipset[]): { nat: string[]; filter: string[] } {
  const nonEmpty = (name: string) => (sets.find((s) => s.name === name)?.members.length ?? 0) > 0;
  const comment = (name: string) => q(sets.find((s) => s.name === name)?.comment ?? '');
  const mark = config.masqueradeMark;
  const nat: string[] = ['-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN'];
  const setFilter: string[] = [];
  for (const r of SET_RULES) {
    if (!nonEmpty(r.set)) continue;
    const proto = r.protocol === '' ? '' : ` -p ${r.protocol}`;
    const rule = `-A ${r.from}${proto} -m comment --comment ${comment(r.set)} -m set --match-set ${r.set} ${r.flags} -j ${r.to}`;
    (r.table === 'nat' ? nat : setFilter).push(rule);
  }
  if (nonEmpty('KUBE-CLUSTER-IP')) {
    const base = `-A KUBE-SERVICES -m comment --comment ${comment('KUBE-CLUSTER-IP')} -m set --match-set KUBE-CLUSTER-IP`;
    if (config.masqueradeAll) nat.push(`${base} dst,dst -j KUBE-MARK-MASQ`);
    else if (config.localDetector !== null) nat.push(`${base} dst,dst ! -s ${config.localDetector.cidr} -j KUBE-MARK-MASQ`);
    else nat.push(`${base} src,dst -j KUBE-MARK-MASQ`);
  }
  for (const set of ['KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    if (!nonEmpty(set)) continue;
    const base = `-A KUBE-SERVICES -m comment --comment ${comment(set)} -m set --match-set ${set} dst,dst`;
    // Policy Cluster: an external IP's traffic is masqueraded; Local keeps the client's address.
    if (set === 'KUBE-EXTERNAL-IP') nat.push(`${base} -j KUBE-MARK-MASQ`);
    nat.push(...externalIpAccepts(base));
  }
  nat.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  nat.push('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
  for (const set of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER'])
    if (nonEmpty(set)) nat.push(`-A KUBE-SERVICES -m set --match-set ${set} dst,dst -j ACCEPT`);
  nat.push(
    `-A KUBE-POSTROUTING -m mark ! --mark ${mark}/${mark} -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${mark}`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${config.hasRandomFully ? ' --random-fully' : ''}`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${mark}`,
  );
  const filter: string[] = [
    ...setFilter,
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

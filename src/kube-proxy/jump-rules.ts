/**
 * The jumps kube-proxy keeps in the built-in chains with "ensure rule, prepend" on every
 * full sync (proxier.go, iptablesJumpChains + iptablesKubeletJumpChains). They are not part
 * of the iptables-restore input. Listed in insertion order: since each is prepended, on a
 * real node the last one inserted into a chain ends up first in it.
 */
export interface JumpRule {
  readonly table: 'filter' | 'nat';
  /** The built-in chain the rule lives in. */
  readonly chain: string;
  /** The user chain it jumps to. */
  readonly target: string;
  /** The rule arguments after `-A <chain>`, as iptables-restore text. */
  readonly args: string;
}

const EXT = '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES';
const SVC_NEW = '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES';
const FW = '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL';

export const KUBE_PROXY_JUMP_RULES: readonly JumpRule[] = [
  { table: 'filter', chain: 'INPUT', target: 'KUBE-EXTERNAL-SERVICES', args: EXT },
  { table: 'filter', chain: 'FORWARD', target: 'KUBE-EXTERNAL-SERVICES', args: EXT },
  {
    table: 'filter',
    chain: 'INPUT',
    target: 'KUBE-NODEPORTS',
    args: '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
  },
  { table: 'filter', chain: 'FORWARD', target: 'KUBE-SERVICES', args: SVC_NEW },
  { table: 'filter', chain: 'OUTPUT', target: 'KUBE-SERVICES', args: SVC_NEW },
  { table: 'filter', chain: 'FORWARD', target: 'KUBE-FORWARD', args: '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD' },
  { table: 'filter', chain: 'INPUT', target: 'KUBE-PROXY-FIREWALL', args: FW },
  { table: 'filter', chain: 'OUTPUT', target: 'KUBE-PROXY-FIREWALL', args: FW },
  { table: 'filter', chain: 'FORWARD', target: 'KUBE-PROXY-FIREWALL', args: FW },
  { table: 'nat', chain: 'OUTPUT', target: 'KUBE-SERVICES', args: '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES' },
  {
    table: 'nat',
    chain: 'PREROUTING',
    target: 'KUBE-SERVICES',
    args: '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  },
  {
    table: 'nat',
    chain: 'POSTROUTING',
    target: 'KUBE-POSTROUTING',
    args: '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  },
  { table: 'filter', chain: 'INPUT', target: 'KUBE-FIREWALL', args: '-j KUBE-FIREWALL' },
  { table: 'filter', chain: 'OUTPUT', target: 'KUBE-FIREWALL', args: '-j KUBE-FIREWALL' },
];

const BUILTIN: Readonly<Record<'filter' | 'nat', readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/**
 * The `-A` lines a node's built-in chains hold after kube-proxy's ensure-prepend calls,
 * in final chain order (last prepended first). `includeKubeletFirewall` is false when
 * KUBE-FIREWALL is not written (IPv6, or localhost NodePorts off).
 */
export function builtinChainRules(table: 'filter' | 'nat', includeKubeletFirewall = true): string[] {
  const out: string[] = [];
  for (const chain of BUILTIN[table]) {
    const rules = KUBE_PROXY_JUMP_RULES.filter(
      (j) => j.table === table && j.chain === chain && (includeKubeletFirewall || j.target !== 'KUBE-FIREWALL'),
    );
    for (let i = rules.length - 1; i >= 0; i--) out.push(`-A ${chain} ${rules[i]?.args ?? ''}`);
  }
  return out;
}

/**
 * A restore text with each table's built-in chains declared and their kube-proxy jumps
 * added, so that a whole-table tracer can start at nat PREROUTING like the kernel does.
 */
export function withBuiltinChains(restore: string): string {
  const lines = restore.split('\n');
  const out: string[] = [];
  let table: 'filter' | 'nat' | null = null;
  const hasFirewall = restore.includes(':KUBE-FIREWALL ');
  let pendingJumps: string[] = [];
  for (const line of lines) {
    if (line === '*filter' || line === '*nat') {
      table = line === '*filter' ? 'filter' : 'nat';
      out.push(line, ...BUILTIN[table].map((c) => `:${c} ACCEPT [0:0]`));
      pendingJumps = builtinChainRules(table, hasFirewall);
      continue;
    }
    if (table !== null && pendingJumps.length > 0 && !line.startsWith(':')) {
      out.push(...pendingJumps);
      pendingJumps = [];
    }
    if (line === 'COMMIT') table = null;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * The filter and nat tables of a node whose kube-proxy writes no iptables rule (nftables
 * mode): only the built-in chains, empty, policy ACCEPT, as iptables-save prints them there.
 */
export function emptyBuiltinTables(): string {
  const table = (name: 'filter' | 'nat') => [`*${name}`, ...BUILTIN[name].map((c) => `:${c} ACCEPT [0:0]`), 'COMMIT'];
  return [...table('filter'), ...table('nat'), ''].join('\n');
}

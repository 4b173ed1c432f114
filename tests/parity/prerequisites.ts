import { existsSync } from 'node:fs';
import { run } from './shell';

/**
 * Why this machine cannot run the parity suite, or null when it can: root (network
 * namespaces and netfilter need CAP_NET_ADMIN), `ip netns`, and the tools a node uses.
 */
export function missingPrerequisite(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root: network namespaces and netfilter need CAP_NET_ADMIN';
  if (!run('ip', ['netns', 'list']).ok) return 'no `ip netns` (iproute2 missing or network namespaces unsupported)';
  // Root in a container may still be refused a namespace: try one of our own, and remove it by name.
  const probe = `pwpar-probe-${process.pid}`;
  const created = run('ip', ['netns', 'add', probe]);
  if (created.ok) run('ip', ['netns', 'delete', probe]);
  else return 'this root may not create network namespaces (a container without CAP_SYS_ADMIN?)';
  // bridge-nf-call-iptables lives here; loading br_netfilter would change the root namespace.
  if (!existsSync('/proc/sys/net/bridge')) return 'br_netfilter is not loaded (this suite loads no kernel module)';
  const tools: readonly (readonly [string, readonly string[]])[] = [
    ['iptables-restore', ['--version']],
    ['iptables-save', ['--version']],
    ['conntrack', ['--version']],
    ['nfacct', ['version']],
    ['bridge', ['-V']],
  ];
  for (const [tool, args] of tools) {
    if (!run(tool, args).ok) return `no ${tool} (install iptables, conntrack, nfacct and iproute2)`;
  }
  return null;
}

import { KUBE_PROXY_TIMEOUTS } from '../../src/conntrack/timeouts';
import type { ParityRun } from './namespaces';

/** The accounting objects a rule set's `-m nfacct --nfacct-name NAME` matches need (one or two spaces). */
export function nfacctNames(rules: string): string[] {
  return [...new Set([...rules.matchAll(/--nfacct-name\s+(\S+)/g)].map((m) => m[1]!))];
}

/**
 * Makes a node namespace what kube-proxy makes a node: its conntrack timeouts (the engine's
 * KUBE_PROXY_TIMEOUTS, which it also simulates with), its nfacct objects (created first:
 * a rule naming a missing one does not load), then its rules with `iptables-restore`.
 */
export function loadNodeRules(run: ParityRun, ns: string, rules: string): void {
  const tcp = KUBE_PROXY_TIMEOUTS.tcp;
  run.exec(ns, 'sysctl', [
    '-qw',
    `net.netfilter.nf_conntrack_tcp_timeout_established=${tcp.ESTABLISHED}`,
    `net.netfilter.nf_conntrack_tcp_timeout_close_wait=${tcp.CLOSE_WAIT}`,
  ]);
  for (const name of nfacctNames(rules)) run.exec(ns, 'nfacct', ['add', name]);
  restoreRules(run, ns, rules);
}

/** A kube-proxy sync: the node's nat and filter tables replaced at once (iptables-restore is all-or-nothing per table). */
export function restoreRules(run: ParityRun, ns: string, rules: string): void {
  run.exec(ns, 'iptables-restore', [], rules);
}

/** What `iptables-save` prints in a node namespace now; with `counters`, each rule's [packets:bytes] too. */
export function saveNodeRules(run: ParityRun, ns: string, counters = false): string {
  return run.exec(ns, 'iptables-save', counters ? ['-c'] : []);
}

import type { ParityRun } from './namespaces';

/** The TTLs counted on arrival: a pod starts at 64, each routed hop takes one. */
const TTLS = Array.from({ length: 16 }, (_, i) => 64 - i);

/**
 * Node's dgram socket cannot read a datagram's TTL (no IP_RECVTTL), so each server pod
 * counts arrivals per TTL with `-m ttl --ttl-eq N` rules of its own (in the pod's namespace,
 * no conntrack needed); the rule whose counter moved tells the TTL.
 */
export function installTtlCounters(run: ParityRun, podNs: string, port: number): void {
  const rules = TTLS.map((ttl) => `-A INPUT -p udp -m udp --dport ${port} -m ttl --ttl-eq ${ttl}`);
  run.exec(podNs, 'iptables-restore', [], `*filter\n:INPUT ACCEPT [0:0]\n${rules.join('\n')}\nCOMMIT\n`);
}

/** The TTLs of the datagrams that reached the pod so far. */
export function arrivedTtls(run: ParityRun, podNs: string): number[] {
  const save = run.exec(podNs, 'iptables-save', ['-c', '-t', 'filter']);
  return [...save.matchAll(/^\[(\d+):\d+\] -A INPUT .*--ttl-eq (\d+)/gm)].filter((m) => Number(m[1]) > 0).map((m) => Number(m[2]));
}

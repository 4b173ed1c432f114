import { lookupConntrack } from '../conntrack';
import type { NodeKernel } from '../dataplane/world';
import { modeEngine } from '../dataplane/mode-engines';
import type { Packet } from '../net/packet';
import type { Rng } from '../net/rng';

/** Linux's default ephemeral port range, net.ipv4.ip_local_port_range. */
export const EPHEMERAL_PORT_RANGE: readonly [low: number, high: number] = [32768, 60999];

/**
 * Picks a new connection's source port as connect() does
 * (__inet_hash_connect): from a random start in ip_local_port_range, probe
 * port after port, wrapping at the top, until the connection's tuple is free.
 * Exactly one draw from `rng`, and a port is only skipped when `taken` says
 * so: a free first draw gives the port it always gave. (Linux probes every
 * other port first, leaving the rest for bind(); the uniqueness is the same.)
 * Throws when every port is taken, where connect() fails with EADDRNOTAVAIL.
 *
 * @example pickEphemeralPort(createRng(1), (port) => port === 40000) // never 40000
 */
export function pickEphemeralPort(
  rng: Rng,
  taken: (port: number) => boolean,
  range: readonly [low: number, high: number] = EPHEMERAL_PORT_RANGE,
): number {
  const [low, high] = range;
  const size = high - low + 1;
  const start = rng.nextInt(low, high);
  for (let i = 0; i < size; i++) {
    const port = low + ((start - low + i) % size);
    if (!taken(port)) return port;
  }
  throw new Error(`every port of ${low}-${high} is in use for this destination: connect() fails with EADDRNOTAVAIL`);
}

/**
 * Whether a new connection's first packet would belong to a connection the
 * client's node already tracks: a live conntrack entry, by its original or its
 * reply tuple, or (IPVS mode) an IPVS connection. Linux keeps a socket's tuple
 * unique among the host's sockets; every live connection of a client here has
 * an entry on its node, so checking the entries keeps it unique too, and a
 * new SYN never lands on an old connection.
 */
export function tupleInUse(kernel: NodeKernel, packet: Packet, now: number): boolean {
  if (lookupConntrack(kernel.conntrack, packet, now) !== null) return true;
  return kernel.ipvs !== null && modeEngine('ipvs').lookupConn(kernel.ipvs, packet, 'original') !== null;
}

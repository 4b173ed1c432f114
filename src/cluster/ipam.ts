import { cidrSize, nthAddress, type Cidr } from '../net/cidr';
import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';

/**
 * Where each allocator stands, carried from the scenario's start through its
 * events so that an address freed by a deletion is not handed out again at once.
 */
export interface ClusterAllocation {
  /** Per node: the index in its pod CIDR of the last address host-local handed out (1 = cbr0's, before any pod). */
  readonly lastPodIp: Readonly<Record<string, number>>;
  /** Per node: the number the next new pod's veth gets. */
  readonly nextVeth: Readonly<Record<string, number>>;
  /**
   * "node/namespace/pod" -> the veth that pod had. The CNI plugin names host veths at
   * random; "veth0", "veth1"... stand in for those names, and a pod created again with
   * the same name on the same node is drawn with the same one, so the drawing keeps one
   * place per pod name. Other pods never get a number that was used before.
   */
  readonly vethOf: Readonly<Record<string, string>>;
  /** The index in the service CIDR of the last cluster IP handed out. */
  readonly lastServiceIp: number;
}

/**
 * The CNI host-local IPAM plugin's allocation (plugins/ipam/host-local/backend/allocator,
 * `GetIter`), which kubenet and the bridge CNI use for cbr0: it starts at the address
 * after the last one it reserved (kept on disk as last_reserved_ip), skips addresses in
 * use and the gateway, and wraps round to the start of the range. So a pod created right
 * after another was deleted gets the next address, not the freed one. Returns the index
 * in the CIDR, or null when every address is in use.
 */
export function nextPodAddress(cidr: Cidr, last: number, taken: ReadonlySet<number>): number | null {
  // Index 0 is the network, 1 the gateway (cbr0), the last one the broadcast address.
  const first = 2;
  const end = cidrSize(cidr) - 1;
  const start = last + 1 >= first && last + 1 < end ? last + 1 : first;
  for (let i = 0; i < end - first; i++) {
    const n = first + ((start - first + i) % (end - first));
    if (!taken.has(ipv4ToNumber(nthAddress(cidr, n)))) return n;
  }
  return null;
}

/**
 * The API server's ClusterIP allocation. The real allocator picks a random free address
 * (from the upper part of the range first since KEP-3070); to stay deterministic, this one
 * hands them out in order from the CIDR's tenth address on (the first is "kubernetes"'s),
 * continuing after the last one given and skipping addresses in use. Either way a Service
 * deleted and created again gets a different address unless its spec fixes `clusterIP`.
 */
export function nextServiceAddress(cidr: Cidr, last: number, used: ReadonlySet<number>): number | null {
  const first = 10;
  const end = cidrSize(cidr) - 1;
  if (end <= first) return null;
  const start = last + 1 >= first && last + 1 < end ? last + 1 : first;
  for (let i = 0; i < end - first; i++) {
    const n = first + ((start - first + i) % (end - first));
    if (!used.has(ipv4ToNumber(nthAddress(cidr, n)))) return n;
  }
  return null;
}

/** The address at an index, for callers that keep indices. */
export const addressAt = (cidr: Cidr, n: number): Ipv4 => nthAddress(cidr, n);

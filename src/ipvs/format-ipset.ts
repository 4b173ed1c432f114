import type { Ipset, IpsetType } from './ipset';

/**
 * The type revisions of a kernel 6.x (ip_set_<type>.c IPSET_TYPE_REV_MAX): hash:ip 6 and
 * hash:ip,port 7 (bitmask support), hash:ip,port,ip 6 and hash:ip,port,net 8 (bucketsize,
 * initval), bitmap:port 3 (skbinfo). hash:ip,port 7 matches the reference's lab capture.
 */
const REVISION: Readonly<Record<IpsetType, number>> = {
  'hash:ip': 6,
  'hash:ip,port': 7,
  'hash:ip,port,ip': 6,
  'hash:ip,port,net': 8,
  'bitmap:port': 3,
};

/**
 * `initval` is random in the kernel (get_random_u32 at create time); here it is a fixed
 * FNV-1a hash of the set name, so a given set always prints the same value.
 */
export function ipsetInitval(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `0x${h.toString(16).padStart(8, '0')}`;
}

/**
 * "Size in memory" is not modelled: hash sets print the reference's lab value (408,
 * KUBE-CLUSTER-IP with 4 members), bitmap:port sets the 8 KiB port bitmap plus a header.
 */
function sizeInMemory(type: IpsetType): number {
  return type === 'bitmap:port' ? 8264 : 408;
}

/** Members in a stable order: address (numeric), then port, then protocol (tcp, udp, sctp). */
function sortMembers(members: readonly string[]): string[] {
  const key = (m: string): [number, number, string, string] => {
    const [ip = '', protoPort = '', rest = ''] = m.split(',');
    const octets = ip.split('.').map(Number);
    const ipNum = octets.length === 4 ? octets.reduce((n, o) => n * 256 + o, 0) : Number(ip);
    const [proto = '', port = '0'] = protoPort.split(':');
    return [ipNum, Number(port), proto === 'tcp' ? 'a' : proto === 'udp' ? 'b' : 'c', rest];
  };
  return [...members].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2].localeCompare(kb[2]) || ka[3].localeCompare(kb[3]);
  });
}

/**
 * `ipset list`, as ipset 7.x prints it (lib/print.c): Name, Type, Revision, Header
 * (`family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x…` for hash sets as
 * kube-proxy creates them, `range 0-65535` for bitmap:port), Size in memory, References,
 * Number of entries, Members; a blank line between sets. The kernel lists hash members
 * in hash order; we sort them (see `sortMembers`), which reproduces the lab capture.
 *
 * @example formatIpsetList([clusterIpSet])[0] // "Name: KUBE-CLUSTER-IP"
 */
export function formatIpsetList(sets: readonly Ipset[]): string[] {
  const lines: string[] = [];
  sets.forEach((set, i) => {
    if (i > 0) lines.push('');
    const header =
      set.type === 'bitmap:port'
        ? 'range 0-65535'
        : `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval ${ipsetInitval(set.name)}`;
    lines.push(
      `Name: ${set.name}`,
      `Type: ${set.type}`,
      `Revision: ${REVISION[set.type]}`,
      `Header: ${header}`,
      `Size in memory: ${sizeInMemory(set.type)}`,
      `References: ${set.references}`,
      `Number of entries: ${set.members.length}`,
      'Members:',
      ...sortMembers(set.members),
    );
  });
  return lines;
}

import { ipsetMatches, type IpsetType } from '../ipvs/ipset';
import { cidrContains, parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';
import { ipv6CidrContains, ipv6Mask, looksLikeIpv6, readIpv6Value, type Ipv6Cidr } from '../net/ipv6';
import type { StepPacket } from '../net/packet';

/** One set of `ipset save`: its type as written and its members' first word ("10.96.0.10,tcp:53"). */
export interface SavedIpset {
  readonly name: string;
  readonly type: string;
  readonly members: readonly string[];
}

const KUBE_TYPES: readonly string[] = ['hash:ip', 'hash:ip,port', 'hash:ip,port,ip', 'hash:ip,port,net', 'bitmap:port'];

/**
 * Reads `ipset save` output (`create NAME TYPE [options]`, `add NAME MEMBER [options]`);
 * other lines are ignored, as `ipset restore` would refuse them. Members are matched by the
 * packet's family: an IPv6 member (`family inet6`) never matches an IPv4 packet.
 *
 * @example parseIpsetSave('create KUBE-CLUSTER-IP hash:ip,port family inet\nadd KUBE-CLUSTER-IP 10.96.0.10,tcp:53\n')
 */
export function parseIpsetSave(text: string): SavedIpset[] {
  const sets = new Map<string, { name: string; type: string; members: string[] }>();
  for (const raw of text.split('\n')) {
    const [verb, name, value] = raw.trim().split(/\s+/);
    if (name === undefined || value === undefined) continue;
    if (verb === 'create') sets.set(name, { name, type: value, members: [] });
    else if (verb === 'add') sets.get(name)?.members.push(value);
  }
  return [...sets.values()];
}

/**
 * `-m set --match-set NAME FLAGS` against saved sets: kube-proxy's types as the IPVS
 * simulation matches them, and hash:net (Calico's pools, Docker's networks) by prefix on the
 * first flag's address. Undefined when the node has no such set; false for a type not modelled.
 */
export function savedIpsetMatches(sets: readonly SavedIpset[], name: string, flags: string, packet: StepPacket): boolean | undefined {
  const set = sets.find((s) => s.name === name);
  if (set === undefined) return undefined;
  if (KUBE_TYPES.includes(set.type)) {
    return ipsetMatches({ name, type: set.type as IpsetType, comment: '', members: set.members, references: 0 }, packet, flags);
  }
  if (set.type !== 'hash:net') return false;
  const dir = flags.split(',')[0];
  const ip = dir === 'src' ? packet.srcIp : packet.dstIp;
  if (looksLikeIpv6(ip)) {
    const value = readIpv6Value(ip);
    return value.ok && set.members.some((m) => hostBitsCleared(m).some((c) => ipv6CidrContains(c, value.value)));
  }
  return set.members.some((m) => {
    const cidr = parseCidr(m.includes('/') ? m : `${m}/32`);
    return cidr.ok && parseIpv4(ip).ok && cidrContains(cidr.value, ip);
  });
}

/** An IPv6 hash:net member ("fd00:10:244::/48", a bare address is /128) as ipset stores it (host bits cleared); none when it is not IPv6. */
function hostBitsCleared(member: string): Ipv6Cidr[] {
  const [addr = '', len] = member.split('/');
  const value = readIpv6Value(addr);
  const prefix = len === undefined ? 128 : Number(len);
  if (!value.ok || !Number.isInteger(prefix) || prefix < 0 || prefix > 128) return [];
  return [{ network: value.value & ipv6Mask(prefix), prefix }];
}

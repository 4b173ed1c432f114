import { ipsetMatches, type IpsetType } from '../ipvs/ipset';
import { cidrContains, parseCidr } from '../net/cidr';
import { parseIpv4 } from '../net/ipv4';
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
 * other lines are ignored, as `ipset restore` would refuse them. Sets of an IPv6 family
 * (`family inet6`) are kept but never match an IPv4 packet.
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
  return set.members.some((m) => {
    const cidr = parseCidr(m.includes('/') ? m : `${m}/32`);
    return cidr.ok && parseIpv4(ip).ok && cidrContains(cidr.value, ip);
  });
}

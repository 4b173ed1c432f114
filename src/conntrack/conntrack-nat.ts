import type { Packet } from '../net/packet';
import type { NetfilterHook } from '../trace/types';
import type { ConntrackDirection, ConntrackEntry } from './conntrack-entry';

/**
 * One NAT rewrite conntrack applies to a packet of a tracked connection:
 * 'dnat' and 'snat' on original-direction packets, their inverses on replies.
 */
export type NatManip = 'dnat' | 'snat' | 'un-dnat' | 'un-snat';

/**
 * nf_nat hooks come in two kinds (HOOK2MANIP in nf_nat.h): PREROUTING and
 * OUTPUT change destinations (priority -100), POSTROUTING and INPUT change
 * sources (priority 100). FORWARD has no NAT.
 */
function manipTypeOf(hook: NetfilterHook): 'dst' | 'src' | null {
  if (hook === 'PREROUTING' || hook === 'OUTPUT') return 'dst';
  if (hook === 'POSTROUTING' || hook === 'INPUT') return 'src';
  return null;
}

/**
 * Which rewrite conntrack applies at a hook, for the entry's NAT and the
 * packet's direction. nf_nat_packet() in net/netfilter/nf_nat_core.c flips the
 * status bit it tests for replies (`if (dir == IP_CT_DIR_REPLY) statusbit ^=
 * IPS_NAT_MASK`), so a reply is un-DNATed (source back to the Service IP) at
 * the source-changing hook POSTROUTING/INPUT, and de-masqueraded (destination
 * back to the client) at the destination-changing hook PREROUTING/OUTPUT. No
 * iptables rule is evaluated for any of these: only the entry is consulted.
 * Returns an empty list or a single manip.
 */
export function natManipsAt(entry: ConntrackEntry, direction: ConntrackDirection, hook: NetfilterHook): readonly NatManip[] {
  const type = manipTypeOf(hook);
  if (type === 'dst') {
    if (direction === 'original' && entry.dnat) return ['dnat'];
    if (direction === 'reply' && entry.snat) return ['un-snat'];
  }
  if (type === 'src') {
    if (direction === 'original' && entry.snat) return ['snat'];
    if (direction === 'reply' && entry.dnat) return ['un-dnat'];
  }
  return [];
}

/**
 * Applies one manip. The target is always the inverse of the other
 * direction's tuple (nf_nat_manip_pkt with the inverted tuple): original
 * packets take their new destination/source from the reply tuple, replies
 * take theirs from the original tuple.
 */
export function applyNatManip(entry: ConntrackEntry, packet: Packet, manip: NatManip): Packet {
  switch (manip) {
    case 'dnat':
      return { ...packet, dstIp: entry.reply.src, dstPort: entry.reply.sport };
    case 'snat':
      return { ...packet, srcIp: entry.reply.dst, srcPort: entry.reply.dport };
    case 'un-dnat':
      return { ...packet, srcIp: entry.orig.dst, srcPort: entry.orig.dport };
    case 'un-snat':
      return { ...packet, dstIp: entry.orig.src, dstPort: entry.orig.sport };
  }
}

/** The packet after the rewrite conntrack does at this hook (unchanged when there is none). */
export function applyNatAtHook(entry: ConntrackEntry, packet: Packet, direction: ConntrackDirection, hook: NetfilterHook): Packet {
  return natManipsAt(entry, direction, hook).reduce((p, manip) => applyNatManip(entry, p, manip), packet);
}

/**
 * The packet after all of the entry's NAT for its direction, as it leaves the
 * node: original packets get DNAT (destination = the backend in the reply
 * source) and SNAT (source = the masquerade address in the reply
 * destination); replies get the inverse, so the backend's answer leaves with
 * the Service IP:port as its source and the client's own address as its
 * destination.
 */
export function translatePacket(entry: ConntrackEntry, packet: Packet, direction: ConntrackDirection): Packet {
  const manips: readonly NatManip[] =
    direction === 'original'
      ? [...(entry.dnat ? (['dnat'] as const) : []), ...(entry.snat ? (['snat'] as const) : [])]
      : [...(entry.snat ? (['un-snat'] as const) : []), ...(entry.dnat ? (['un-dnat'] as const) : [])];
  return manips.reduce((p, manip) => applyNatManip(entry, p, manip), packet);
}

import type { Ipv4 } from '../net/ipv4';
import type { Packet, Protocol } from '../net/packet';

/**
 * One direction of a connection as conntrack stores it: the layer-3/4 5-tuple
 * (struct nf_conntrack_tuple in include/net/netfilter/nf_conntrack_tuple.h).
 */
export interface Tuple {
  readonly src: Ipv4;
  readonly dst: Ipv4;
  readonly sport: number;
  readonly dport: number;
  readonly protocol: Protocol;
}

/** The tuple a packet has on the wire right now (nf_ct_get_tuple). */
export function tupleOfPacket(packet: Packet): Tuple {
  return {
    src: packet.srcIp,
    dst: packet.dstIp,
    sport: packet.srcPort,
    dport: packet.dstPort,
    protocol: packet.protocol,
  };
}

/**
 * Swaps source and destination: what an un-NATed answer looks like
 * (nf_ct_invert_tuple; tcp/udp_invert_tuple swap the ports too).
 */
export function invertTuple(tuple: Tuple): Tuple {
  return { src: tuple.dst, dst: tuple.src, sport: tuple.dport, dport: tuple.sport, protocol: tuple.protocol };
}

/** True when both tuples name the same 5-tuple (nf_ct_tuple_equal). */
export function tupleEquals(a: Tuple, b: Tuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport && a.protocol === b.protocol;
}

/** True when the packet, as it is on the wire, carries exactly this tuple. */
export function packetMatchesTuple(packet: Packet, tuple: Tuple): boolean {
  return tupleEquals(tupleOfPacket(packet), tuple);
}

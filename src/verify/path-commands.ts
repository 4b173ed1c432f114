import type { PacketStep } from '../trace/types';
import type { PacketEntry } from './packet-entry';
import type { VerifyCommand } from './types';

/**
 * `tcpdump` on a device, filtered on the server side of the connection (the
 * Service or pod the client called: its address and port stay put while the
 * client's port is its own), so both directions of the connection show.
 */
export function tcpdumpCommand(step: PacketStep, device: string, wrap: (c: string) => string = (c) => c): VerifyCommand {
  const p = step.after;
  const filter =
    p.protocol === 'icmp'
      ? 'icmp'
      : step.direction === 'original'
        ? `host ${p.dstIp} and ${p.protocol} port ${p.dstPort}`
        : `host ${p.srcIp} and ${p.protocol} port ${p.srcPort}`;
  return { id: 'tcpdump', params: { device }, command: wrap(`tcpdump -ni ${device} ${filter}`), expected: null };
}

/**
 * The routing decision as the kernel takes it: for a packet that came in on a
 * device, an input route lookup from its source (`from ... iif`); for one the
 * node made, an output lookup (`from` must then be a local address, so it is left out).
 */
export function routeCommand(step: PacketStep, entry: PacketEntry): VerifyCommand {
  const { dstIp, srcIp } = step.after;
  const command = entry.iif === null ? `ip route get ${dstIp}` : `ip route get ${dstIp} from ${srcIp} iif ${entry.iif}`;
  return { id: 'route-get', params: { dst: dstIp }, command, expected: null };
}

/** The bridge's forwarding database: which port each MAC address was learned on (and cbr0's own, marked permanent). */
export function bridgeFdbCommand(mac: string): VerifyCommand {
  return { id: 'bridge-fdb', params: { mac }, command: 'bridge fdb show br cbr0', expected: null };
}

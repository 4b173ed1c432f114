import type { IpvsState, VirtualServer } from './types';
import { compareRealServers, compareVirtualServers, realServerKey, virtualServerKey } from './virtual-server';

/** `IP_VS_CONN_TAB_SIZE` = 1 << CONFIG_IP_VS_TAB_BITS (12): the "size=" of the banner. */
export const IPVS_CONN_TAB_SIZE = 4096;

const pad = (s: string | number, n: number) => String(s).padEnd(n);

/** ipvsadm.c `print_service_entry`: `%-4s %s` + ` %s` scheduler + ` persistent %u`. */
export function formatServiceLine(vs: VirtualServer): string {
  const persistent = vs.persistent === null ? '' : ` persistent ${vs.persistent.timeout}`;
  return `${virtualServerKey(vs)} ${vs.scheduler}${persistent}`;
}

/**
 * `ipvsadm -Ln`, line by line and byte-exact (ipvsadm 1.31 `ipvsadm.c` format strings):
 * the banner `IP Virtual Server version 1.2.1 (size=4096)`, two header lines, then each
 * service (TCP before UDP, then by numeric address and port) with its dests sorted by
 * address then port, as `"  -> %-28s %-7s %-6d %-10u %-10u"`: trailing spaces kept.
 *
 * @example formatIpvsadmList(state)[3] // "TCP  10.96.0.10:53 rr"
 */
export function formatIpvsadmList(state: IpvsState): string[] {
  const lines = [
    `IP Virtual Server version 1.2.1 (size=${IPVS_CONN_TAB_SIZE})`,
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of [...state.virtualServers].sort(compareVirtualServers)) {
    lines.push(formatServiceLine(vs));
    for (const rs of [...vs.realServers].sort(compareRealServers)) {
      lines.push(
        `  -> ${pad(realServerKey(rs), 28)} ${pad(rs.forward, 7)} ${pad(rs.weight, 6)} ${pad(rs.activeConn, 10)} ${pad(rs.inActConn, 10)}`,
      );
    }
  }
  return lines;
}

import type { IpvsChange, NodeIpvs } from '../trace/types';
import type { VerifyCommand } from './types';

/** ipvsadm's option naming a virtual service of each protocol. */
const SERVICE_OPTION: Readonly<Record<string, string>> = { TCP: '-t', UDP: '-u', SCTP: '--sctp-service' };

/**
 * `ipvsadm -Ln -t VIP:PORT` prints one service: ipvsadm.c `list_service` prints
 * the two header lines and the service with its real servers, without the
 * "IP Virtual Server version" banner `list_all` starts with. Cut from the
 * engine's `ipvsadm -Ln` of the node.
 */
function serviceListing(table: readonly string[], virtualServer: string): readonly string[] | null {
  const start = table.findIndex((l) => l.startsWith(`${virtualServer} `));
  if (start < 0) return null;
  let end = start + 1;
  while (end < table.length && table[end]!.startsWith('  -> ')) end++;
  return [table[1]!, table[2]!, ...table.slice(start, end)];
}

/** The virtual server IPVS used at this step with its real servers, and the connection table holding the choice. */
export function ipvsCommands(change: IpvsChange, ipvs: NodeIpvs | null): VerifyCommand[] {
  const [protocol = 'TCP', address = ''] = change.virtualServer.split(/\s+/);
  const option = SERVICE_OPTION[protocol] ?? '-t';
  const listing = ipvs === null ? null : serviceListing(ipvs.table, change.virtualServer);
  return [
    {
      id: 'ipvs-service',
      params: { service: address, realServer: change.realServer },
      command: `ipvsadm -Ln ${option} ${address}`,
      expected: listing === null ? null : { lines: listing, fidelity: 'ports-and-timers' },
    },
    {
      id: 'ipvs-connections',
      params: { realServer: change.realServer },
      command: 'ipvsadm -Lnc',
      expected: ipvs === null ? null : { lines: ipvs.connections, fidelity: 'ports-and-timers' },
    },
  ];
}

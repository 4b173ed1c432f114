import type { IpvsState } from './types';

const pad = (s: string, n: number) => s.padEnd(n);

/** ipvsadm.c `list_conn`: the seconds left as "%02d:%02d" (minutes may exceed 59: "180:00"). */
export function formatExpire(secondsLeft: number): string {
  const s = Math.max(0, Math.floor(secondsLeft));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * `ipvsadm -Lnc` (reads /proc/net/ip_vs_conn): `IPVS connection entries`, the header,
 * then one `"%-3s %-6s %-11s %-18s %-18s %s"` row per connection: protocol, expire
 * (mm:ss left on the timer), IPVS state, client, virtual and real ip:port. Persistence
 * templates are connections too: state NONE, client port 0 (ip_vs_conn.c
 * `ip_vs_state_name` returns "NONE" for IP_VS_CONN_F_TEMPLATE). The kernel walks its
 * hash table; rows here come in creation order.
 *
 * @example formatIpvsadmConnections(state, 1)[2] // "TCP 14:59  ESTABLISHED 10.244.1.7:45678   10.96.120.7:80     10.244.2.9:8080"
 */
export function formatIpvsadmConnections(state: IpvsState, now: number): string[] {
  const rows = [
    ...state.connections.map((c) => ({
      id: c.id,
      cols: [
        c.protocol.toUpperCase(),
        formatExpire(c.expiresAt - now),
        c.state,
        `${c.clientIp}:${c.clientPort}`,
        `${c.virtualIp}:${c.virtualPort}`,
        `${c.realIp}:${c.realPort}`,
      ],
    })),
    ...state.templates.map((t) => ({
      id: t.id,
      cols: [
        t.protocol.toUpperCase(),
        formatExpire(t.expiresAt - now),
        'NONE',
        `${t.clientIp}:0`,
        `${t.virtualIp}:${t.virtualPort}`,
        `${t.realIp}:${t.realPort}`,
      ],
    })),
  ].sort((a, b) => a.id - b.id);
  return [
    'IPVS connection entries',
    `pro expire ${pad('state', 11)} ${pad('source', 18)} ${pad('virtual', 18)} destination`,
    ...rows.map(
      ({ cols: [p = '', e = '', st = '', src = '', vip = '', dst = ''] }) =>
        `${pad(p, 3)} ${pad(e, 6)} ${pad(st, 11)} ${pad(src, 18)} ${pad(vip, 18)} ${dst}`,
    ),
  ];
}

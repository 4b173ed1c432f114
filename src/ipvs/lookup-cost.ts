/** Where an IPVS hook function runs (ip_vs_core.c `ip_vs_ops4`). */
export interface IpvsHookVisit {
  readonly hook: 'LOCAL_IN' | 'LOCAL_OUT' | 'FORWARD';
  readonly priority: number;
  readonly fn: 'ip_vs_out_hook' | 'ip_vs_in_hook';
  /** The hash-table lookups this call makes, in order. */
  readonly lookups: readonly ('conn_out_get' | 'conn_in_get' | 'service_find')[];
}

/** What IPVS costs a packet: the hook calls it makes and their hash lookups. */
export interface IpvsLookupCost {
  readonly visits: readonly IpvsHookVisit[];
  /** Hash lookups in all: each is O(1), however many Services the node has. */
  readonly total: number;
}

/**
 * The hash lookups IPVS makes for one packet of a pod -> ClusterIP connection, to set
 * against iptables mode's linear walk of KUBE-SERVICES. A request enters LOCAL_IN
 * (the VIP sits on kube-ipvs0): `ip_vs_out_hook` (priority 98) first looks for a reply
 * connection (`conn_out_get`, a miss), then `ip_vs_in_hook` (99) looks the connection up
 * (`conn_in_get`) and, for a first packet only, the virtual service (`ip_vs_service_find`)
 * before scheduling. The DNATed packet is re-sent through LOCAL_OUT with ipvs_property
 * set, which both IPVS hooks skip. A reply routed through FORWARD meets only
 * `ip_vs_out_hook` (100), whose `conn_out_get` finds the connection and un-DNATs it.
 * Each lookup is a jhash of the tuple into a table bucket (ip_vs_conn.c, ip_vs_ctl.c).
 *
 * @example countIpvsLookups('first').total // 3
 */
export function countIpvsLookups(packet: 'first' | 'later' | 'reply'): IpvsLookupCost {
  const visits: IpvsHookVisit[] =
    packet === 'reply'
      ? [{ hook: 'FORWARD', priority: 100, fn: 'ip_vs_out_hook', lookups: ['conn_out_get'] }]
      : [
          { hook: 'LOCAL_IN', priority: 98, fn: 'ip_vs_out_hook', lookups: ['conn_out_get'] },
          {
            hook: 'LOCAL_IN',
            priority: 99,
            fn: 'ip_vs_in_hook',
            lookups: packet === 'first' ? ['conn_in_get', 'service_find'] : ['conn_in_get'],
          },
        ];
  return { visits, total: visits.reduce((n, v) => n + v.lookups.length, 0) };
}

import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../net/packet';

/**
 * The IPVS schedulers kube-proxy can be configured with (`ipvs.scheduler`), each with
 * the kernel's own semantics (net/netfilter/ipvs/ip_vs_<name>.c).
 */
export type IpvsScheduler = 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh' | 'dh' | 'sed' | 'nq';
export const IPVS_SCHEDULERS: readonly IpvsScheduler[] = ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq'];

/**
 * IPVS's own TCP states (ip_vs_proto_tcp.c `tcp_state_name_table`), not conntrack's;
 * UDP connections have the single state "UDP" (ip_vs_proto_udp.c), SCTP is shown as
 * UDP-like here (kube-proxy's SCTP state machine is not simulated).
 */
export type IpvsTcpState =
  'NONE' | 'ESTABLISHED' | 'SYN_SENT' | 'SYN_RECV' | 'FIN_WAIT' | 'TIME_WAIT' | 'CLOSE' | 'CLOSE_WAIT' | 'LAST_ACK' | 'LISTEN' | 'SYNACK';
export type IpvsConnState = IpvsTcpState | 'UDP';

/** A destination of a virtual service (struct ip_vs_dest). kube-proxy always uses Masq (NAT). */
export interface RealServer {
  readonly ip: Ipv4;
  readonly port: number;
  /** 1 for a ready endpoint, 0 while a removed endpoint drains (graceful termination). */
  readonly weight: number;
  readonly forward: 'Masq';
  /** Connections counted active (ESTABLISHED and the pre-established TCP states). */
  readonly activeConn: number;
  /** Connections counted inactive (closing TCP states, and every UDP connection). */
  readonly inActConn: number;
}

/** A virtual service (struct ip_vs_service): one (protocol, VIP, port). */
export interface VirtualServer {
  readonly protocol: Protocol;
  readonly ip: Ipv4;
  readonly port: number;
  readonly scheduler: IpvsScheduler;
  /** IP_VS_SVC_F_PERSISTENT with its timeout in seconds (sessionAffinity: ClientIP). */
  readonly persistent: null | { readonly timeout: number };
  /**
   * In the kernel's list order: ip_vs_ctl.c `__ip_vs_update_dest` adds a destination with
   * `list_add_rcu(&dest->n_list, &svc->destinations)`, at the head, so the most recently
   * added comes first. rr, wrr, lc... walk this order; `ipvsadm -Ln` sorts instead.
   */
  readonly realServers: readonly RealServer[];
}

/** One IPVS connection (struct ip_vs_conn), as `/proc/net/ip_vs_conn` shows it. */
export interface IpvsConn {
  readonly id: number;
  readonly protocol: Protocol;
  readonly clientIp: Ipv4;
  readonly clientPort: number;
  readonly virtualIp: Ipv4;
  readonly virtualPort: number;
  readonly realIp: Ipv4;
  readonly realPort: number;
  readonly state: IpvsConnState;
  /** Simulated second at which the connection timer fires. */
  readonly expiresAt: number;
  /** IP_VS_CONN_F_INACTIVE: which counter of the real server holds this connection. */
  readonly inactive: boolean;
  /** The persistence template controlling this connection, if any. */
  readonly templateId: number | null;
}

/**
 * A persistence template (an ip_vs_conn with IP_VS_CONN_F_TEMPLATE, ip_vs_core.c
 * `ip_vs_sched_persist`): client IP (port 0) -> the real server it sticks to.
 */
export interface IpvsTemplate {
  readonly id: number;
  readonly protocol: Protocol;
  readonly clientIp: Ipv4;
  readonly virtualIp: Ipv4;
  readonly virtualPort: number;
  readonly realIp: Ipv4;
  readonly realPort: number;
  readonly expiresAt: number;
}

/** ip_vs_wrr.c `struct ip_vs_wrr_mark`: current dest (null = list head), current/max weight, gcd. */
export interface WrrMark {
  readonly cl: string | null;
  readonly cw: number;
  readonly mw: number;
  readonly di: number;
}

/** Per-service scheduler memory, keyed by `virtualServerKey`. */
export interface SchedulerMemory {
  /** rr: `svc->sched_data`, the last chosen dest ("ip:port"), null = the list head. */
  readonly rr?: string | null;
  readonly wrr?: WrrMark;
}

/** A node's whole IPVS table. Plain data: every function returns a new state. */
export interface IpvsState {
  /** Sorted as ipvsadm sorts them (libipvs.c `ipvs_cmp_services`). */
  readonly virtualServers: readonly VirtualServer[];
  readonly connections: readonly IpvsConn[];
  readonly templates: readonly IpvsTemplate[];
  readonly schedulerState: Readonly<Record<string, SchedulerMemory>>;
  /** The next connection / template id. */
  readonly nextId: number;
}

export const EMPTY_IPVS_STATE: IpvsState = {
  virtualServers: [],
  connections: [],
  templates: [],
  schedulerState: {},
  nextId: 1,
};

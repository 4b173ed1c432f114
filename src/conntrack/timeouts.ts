import type { SctpState } from './sctp-state';
import type { TcpState } from './tcp-state';

/**
 * Conntrack timeouts in seconds, one per state, as the
 * `net.netfilter.nf_conntrack_*_timeout*` sysctls set them.
 */
export interface ConntrackTimeouts {
  readonly tcp: {
    readonly SYN_SENT: number;
    readonly SYN_RECV: number;
    readonly ESTABLISHED: number;
    readonly FIN_WAIT: number;
    readonly CLOSE_WAIT: number;
    readonly LAST_ACK: number;
    readonly TIME_WAIT: number;
    readonly CLOSE: number;
    readonly SYN_SENT2: number;
    /**
     * nf_conntrack_tcp_timeout_unacknowledged: the cap on ESTABLISHED for an
     * entry that never saw a reply (a connection picked up mid-stream).
     */
    readonly UNACKNOWLEDGED: number;
  };
  /** nf_conntrack_udp_timeout (first packets) and nf_conntrack_udp_timeout_stream. */
  readonly udp: { readonly unreplied: number; readonly stream: number };
  readonly sctp: {
    readonly CLOSED: number;
    readonly COOKIE_WAIT: number;
    readonly COOKIE_ECHOED: number;
    readonly ESTABLISHED: number;
  };
}

/**
 * The kernel's compiled-in defaults: tcp_timeouts[] in
 * net/netfilter/nf_conntrack_proto_tcp.c, udp_timeouts[] in
 * nf_conntrack_proto_udp.c (30 s, stream 120 s since Linux 5.x; 180 before) and
 * sctp_timeouts[] in nf_conntrack_proto_sctp.c (ESTABLISHED 210 s since 6.x).
 */
export const KERNEL_DEFAULT_TIMEOUTS: ConntrackTimeouts = {
  tcp: {
    SYN_SENT: 120,
    SYN_RECV: 60,
    ESTABLISHED: 432000,
    FIN_WAIT: 120,
    CLOSE_WAIT: 60,
    LAST_ACK: 30,
    TIME_WAIT: 120,
    CLOSE: 10,
    SYN_SENT2: 120,
    UNACKNOWLEDGED: 300,
  },
  udp: { unreplied: 30, stream: 120 },
  sctp: { CLOSED: 10, COOKIE_WAIT: 3, COOKIE_ECHOED: 3, ESTABLISHED: 210 },
};

/**
 * What kube-proxy writes at start-up (pkg/proxy/apis/config/v1alpha1/defaults.go:
 * tcpEstablishedTimeout 24h, tcpCloseWaitTimeout 1h). Its UDP timeouts default
 * to 0, which means "leave the kernel's value".
 */
export const KUBE_PROXY_TIMEOUTS: ConntrackTimeouts = {
  ...KERNEL_DEFAULT_TIMEOUTS,
  tcp: { ...KERNEL_DEFAULT_TIMEOUTS.tcp, ESTABLISHED: 86400, CLOSE_WAIT: 3600 },
};

/**
 * The timer a TCP state gets. NONE uses SYN_SENT's value, as the kernel's
 * timeouts[0] does ("the 'new' timeout", nf_conntrack_tcp_init_net).
 */
export function tcpTimeout(state: TcpState, timeouts: ConntrackTimeouts): number {
  return state === 'NONE' ? timeouts.tcp.SYN_SENT : timeouts.tcp[state];
}

/** The timer an SCTP state gets (sctp_timeouts[] in nf_conntrack_proto_sctp.c). */
export function sctpTimeout(state: SctpState, timeouts: ConntrackTimeouts): number {
  return timeouts.sctp[state];
}

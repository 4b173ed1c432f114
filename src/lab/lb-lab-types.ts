import type { IpvsScheduler } from '../ipvs';
import type { ProxyMode } from '../trace/types';

/** The fewest and most connections one lab run sends. */
export const LAB_MIN_CONNECTIONS = 10;
export const LAB_MAX_CONNECTIONS = 10_000;

/** What the load-balancing lab sends, and where. */
export interface LbLabOptions {
  /** How many new connections to open, 10..10,000. */
  readonly connections: number;
  /** Overrides the scenario's seed (the `statistic` draws and the source ports). */
  readonly seed?: number;
  readonly mode?: ProxyMode;
  readonly scheduler?: IpvsScheduler;
  /** The Service ("svc1" or "ns/svc1"); the scenario's first connection's by default. */
  readonly service?: string;
  /** The Service port; the scenario's first connection's (or the Service's first port) by default. */
  readonly port?: number;
  readonly protocol?: 'TCP' | 'UDP';
  /** Who opens the connections (pods or nodes), taking turns; the scenario's first client by default. */
  readonly clients?: readonly string[];
  /**
   * Second of the scenario's timeline the lab runs at: its control-plane events at or
   * before it have happened (kube-proxy resynced), the later ones have not. 0 by default.
   */
  readonly at?: number;
  /** IPVS only: a real server's weight by pod name, as `ipvsadm -e ... -w N` would set it. */
  readonly weights?: Readonly<Record<string, number>>;
}

/** One endpoint of the Service as the rules list it, with what the lab saw. */
export interface LbLabEndpoint {
  /** "10.244.2.2:8080" */
  readonly endpoint: string;
  readonly pod: string | null;
  readonly count: number;
  /** The share of new connections the rules give it (0..1): see `LbLabRules`. */
  readonly expectedShare: number;
}

/** One KUBE-SVC rule that jumps to an endpoint, and the share it gives (the conditional-probability chain). */
export interface LbStatisticRule {
  readonly sepChain: string;
  readonly endpoint: string;
  /** As iptables-save prints it ("0.33333333349"), null for the last rule (no statistic match). */
  readonly probability: string | null;
  /** The probability as the kernel compares it (threshold / 2^31); 1 for the last rule. */
  readonly p: number;
  /** The chance a new connection reaches this rule: every rule before it missed. */
  readonly reach: number;
  /** reach x p: the endpoint's share. */
  readonly share: number;
}

/** Why the Service's rules give the shares they give. */
export type LbLabRules =
  | {
      readonly kind: 'statistic';
      readonly svcChain: string;
      readonly rules: readonly LbStatisticRule[];
      /** --seconds of the `-m recent --rcheck` rules (ClientIP affinity), or null. */
      readonly affinitySeconds: number | null;
    }
  | {
      readonly kind: 'ipvs';
      readonly scheduler: IpvsScheduler;
      /** "10.96.0.10:80" */
      readonly virtualServer: string;
      readonly weights: readonly { readonly endpoint: string; readonly weight: number }[];
      /** Persistence timeout (ClientIP affinity), or null. */
      readonly persistentSeconds: number | null;
    }
  | {
      /** nftables mode: the Service chain's `numgen random mod N vmap`, one number per endpoint. */
      readonly kind: 'numgen';
      readonly svcChain: string;
      readonly mod: number;
      readonly endpoints: readonly { readonly value: number; readonly epChain: string; readonly endpoint: string }[];
      /** The affinity set's timeout (ClientIP affinity), or null. */
      readonly affinitySeconds: number | null;
    }
  | { readonly kind: 'none' };

/**
 * How far the counts may be read as random draws. A chi-square test only means
 * something where each connection is an independent draw (iptables `statistic`); rr,
 * wrr, the least-connection schedulers (every connection stays open), the hashing
 * schedulers and session affinity decide each connection from the ones before, so the
 * counts are what the rule gives, not a sample.
 */
export type LbLabDeterminism = 'random' | 'rr' | 'wrr' | 'least-connection' | 'hash' | 'affinity' | 'single' | 'none';

export interface LbLabTest {
  /** Pearson's statistic against the expected shares: sum over endpoints of (count - N*share)^2 / (N*share). */
  readonly statistic: number;
  /** endpoints with a share above 0, minus 1. */
  readonly df: number;
  /** P(chi-square(df) >= statistic), only for random draws; null where the outcome is determined. */
  readonly pValue: number | null;
  readonly determinism: LbLabDeterminism;
}

export interface LbLabResult {
  /** "default/svc1" */
  readonly service: string;
  /** "10.96.0.10:80/TCP" */
  readonly servicePort: string;
  readonly mode: ProxyMode;
  readonly scheduler: IpvsScheduler | null;
  readonly seed: number;
  readonly at: number;
  readonly clients: readonly string[];
  readonly connections: number;
  readonly endpoints: readonly LbLabEndpoint[];
  /** Connections that reached no endpoint: refused (REJECT, IPVS without a real server) or dropped. */
  readonly unanswered: number;
  readonly rules: LbLabRules;
  readonly test: LbLabTest;
  /**
   * Simulated seconds from the first connection to the last. Every connection completes
   * its handshake and stays open (ESTABLISHED) to the end of the run: none is closed,
   * so IPVS counts all of them as active connections.
   */
  readonly seconds: number;
}

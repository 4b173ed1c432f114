import type { TopologyOptions } from './categorize-endpoints';
import type { IpAddress } from './ip-address';

/** What the per-service-port writer needs from the proxier. */
export interface ServicePortContext {
  readonly topology: TopologyOptions;
  readonly isIPv6: boolean;
  readonly masqueradeAll: boolean;
  /** `-s <podCIDR>` / `! -s <podCIDR>`, or null without a LocalTrafficDetector. */
  readonly localDetectorCidr: string | null;
  readonly localhostNodePortsNfacct: boolean;
  readonly largeClusterMode: boolean;
  readonly nodeIP: IpAddress | null;
  /** False in a partial sync for a service that did not change: its nat chains are not written. */
  readonly writeServiceChains: boolean;
  readonly activeNatChains: Set<string>;
}

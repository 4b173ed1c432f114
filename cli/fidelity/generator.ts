import {
  syncProxier,
  syncProxyRules,
  type EndpointSliceInput,
  type ProxierConfig,
  type ProxierState,
  type ProxierSync,
  type ServiceInput,
} from '../../src/kube-proxy';

/**
 * What the fidelity runner checks: the engine's iptables rule generator. It is a parameter
 * so a test can hand the runner a broken generator and watch it fail.
 */
export interface IptablesGenerator {
  /** One full sync of these inputs: the iptables-restore text kube-proxy writes. */
  readonly fullSync: (config: ProxierConfig, services: readonly ServiceInput[], endpointSlices: readonly EndpointSliceInput[]) => string;
  /**
   * One sync of a proxier kept across syncs: full, or partial (only changed services' chains);
   * staleChainCleanupDue false: large-cluster mode's syncPeriod has not elapsed, stale chains stay.
   */
  readonly sync: (state: ProxierState, options: { readonly full?: boolean; readonly staleChainCleanupDue?: boolean }) => ProxierSync;
}

/** The engine's kube-proxy in iptables mode (src/kube-proxy). */
export const KUBE_PROXY_IPTABLES: IptablesGenerator = {
  fullSync: (config, services, endpointSlices) => syncProxyRules(config, services, endpointSlices).restore,
  sync: (state, options) => syncProxier(state, options),
};

import type { EndpointSliceInput } from './endpoint-slice';
import type { ProxierConfig } from './proxier-config';
import { err, ok, type Result } from '../net/result';
import type { ServiceInput } from './service';
import { syncProxyRules, type SyncResult } from './sync-proxy-rules';

/**
 * A proxier across several syncs: the informer caches, the services changed since the
 * last sync, and the nat service chains the kernel holds (what iptables-save would show,
 * used to delete stale chains). Plain data; every function returns a new state.
 */
export interface ProxierState {
  readonly config: ProxierConfig;
  readonly services: readonly ServiceInput[];
  readonly endpointSlices: readonly EndpointSliceInput[];
  /** nat chain -> its `-A` lines, as the kernel holds them after the last successful restore. */
  readonly natTable: Readonly<Record<string, readonly string[]>>;
  readonly changedServices: readonly string[];
  /** The first sync, and any sync after a failed restore, is a full one. */
  readonly needFullSync: boolean;
}

/** An informer event (OnServiceAdd/Update/Delete, OnEndpointSliceAdd/Update/Delete). */
export type ProxierOp =
  | { readonly op: 'addService' | 'updateService'; readonly service: ServiceInput }
  | { readonly op: 'deleteService'; readonly service: ServiceInput | string }
  | { readonly op: 'addEndpointSlice' | 'updateEndpointSlice'; readonly endpointSlice: EndpointSliceInput }
  | { readonly op: 'deleteEndpointSlice'; readonly endpointSlice: EndpointSliceInput | string };

export function newProxierState(config: ProxierConfig): ProxierState {
  return { config, services: [], endpointSlices: [], natTable: {}, changedServices: [], needFullSync: true };
}

const svcKey = (s: ServiceInput | string): string => (typeof s === 'string' ? s : `${s.namespace}/${s.name}`);
const sliceKey = (s: EndpointSliceInput | string): string => (typeof s === 'string' ? s : `${s.namespace}/${s.name}`);

/** Applies one informer event and records which service it touched. */
export function applyProxierOp(state: ProxierState, op: ProxierOp): Result<ProxierState> {
  const touch = (key: string): readonly string[] =>
    state.changedServices.includes(key) ? state.changedServices : [...state.changedServices, key];
  switch (op.op) {
    case 'addService':
    case 'updateService': {
      const key = svcKey(op.service);
      return ok({ ...state, services: [...state.services.filter((s) => svcKey(s) !== key), op.service], changedServices: touch(key) });
    }
    case 'deleteService': {
      const key = svcKey(op.service);
      if (!state.services.some((s) => svcKey(s) === key)) return err(`deleteService: no service ${key}`);
      return ok({ ...state, services: state.services.filter((s) => svcKey(s) !== key), changedServices: touch(key) });
    }
    case 'addEndpointSlice':
    case 'updateEndpointSlice': {
      const key = sliceKey(op.endpointSlice);
      const slices = [...state.endpointSlices.filter((s) => sliceKey(s) !== key), op.endpointSlice];
      return ok({
        ...state,
        endpointSlices: slices,
        changedServices: touch(`${op.endpointSlice.namespace}/${op.endpointSlice.serviceName}`),
      });
    }
    case 'deleteEndpointSlice': {
      const key = sliceKey(op.endpointSlice);
      const slice = state.endpointSlices.find((s) => sliceKey(s) === key);
      if (slice === undefined) return err(`deleteEndpointSlice: no EndpointSlice ${key}`);
      return ok({
        ...state,
        endpointSlices: state.endpointSlices.filter((s) => s !== slice),
        changedServices: touch(`${slice.namespace}/${slice.serviceName}`),
      });
    }
  }
}

export interface ProxierSync {
  readonly state: ProxierState;
  readonly result: SyncResult;
  readonly full: boolean;
  /** False when iptables-restore would refuse the input (deleting a chain still referenced). */
  readonly restoreSucceeded: boolean;
}

/**
 * Runs one sync: full when forced or needed, else partial (only changed services' chains).
 * The nat table is then updated the way `iptables-restore --noflush` would: declared chains
 * are flushed and refilled, `-X` deletes; a restore that deletes a referenced chain fails
 * as a whole and the next sync is a full one.
 */
export function syncProxier(
  state: ProxierState,
  options: { readonly full?: boolean; readonly staleChainCleanupDue?: boolean } = {},
): ProxierSync {
  const full = options.full ?? state.needFullSync;
  const result = syncProxyRules(state.config, state.services, state.endpointSlices, {
    existingNatChains: Object.keys(state.natTable),
    ...(full ? {} : { changedServices: new Set(state.changedServices) }),
    ...(options.staleChainCleanupDue === undefined ? {} : { staleChainCleanupDue: options.staleChainCleanupDue }),
  });
  const table = new Map<string, string[]>(Object.entries(state.natTable).map(([k, v]) => [k, [...v]]));
  for (const c of result.nat.chains) table.set(c, []);
  const deleted = new Set<string>();
  for (const line of result.nat.rules) {
    const [verb, chain] = line.split(' ', 2);
    if (chain === undefined) continue;
    if (verb === '-A') table.get(chain)?.push(line);
    else if (verb === '-X') deleted.add(chain);
  }
  let restoreSucceeded = true;
  for (const [chain, rules] of table) {
    if (deleted.has(chain)) continue;
    if (rules.some((r) => [...deleted].some((d) => r.endsWith(` -j ${d}`) || r.includes(` -j ${d} `)))) restoreSucceeded = false;
  }
  if (!restoreSucceeded) return { state: { ...state, changedServices: [], needFullSync: true }, result, full, restoreSucceeded };
  for (const d of deleted) table.delete(d);
  const natTable: Record<string, readonly string[]> = {};
  for (const [k, v] of table) if (k.startsWith('KUBE-')) natTable[k] = v;
  return { state: { ...state, natTable, changedServices: [], needFullSync: false }, result, full, restoreSucceeded };
}

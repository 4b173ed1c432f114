import type { Cluster } from '../cluster/model';
import type { World } from '../dataplane/world';
import { topologyOf } from './topology';
import type { Topology, Trace } from './types';

/** The clusters a trace goes through, as `simulate` meets them. */
export interface TopologyHistory {
  /** The cluster from each event's first step on (the trace's `epochs`). */
  readonly epochs: Trace['epochs'];
  /** Records the cluster an event left, from step `fromStep` on. */
  enter(cluster: Cluster, fromStep: number): void;
  /** The final cluster with every pod and Service the trace saw, each in its latest state: the drawing needs a place for each. */
  drawn(final: Cluster): Topology;
}

const keyOf = (o: { readonly namespace: string; readonly name: string }) => `${o.namespace}/${o.name}`;

/**
 * Starts the history at the scenario's cluster. The addresses on kube-ipvs0
 * are read from the world's kernels each time (IPVS mode binds every ClusterIP).
 */
export function createTopologyHistory(initial: Cluster, world: World): TopologyHistory {
  const kubeIpvs0 = () => new Map([...world.kernels].map(([name, k]) => [name, [...k.ipvsAddresses]]));
  // In order of appearance, each with its latest state.
  const pods = new Map(initial.pods.map((p) => [keyOf(p), p]));
  const services = new Map(initial.services.map((s) => [keyOf(s), s]));
  const epochs: { fromStep: number; topology: Topology }[] = [{ fromStep: 0, topology: topologyOf(initial, kubeIpvs0()) }];
  return {
    epochs,
    enter(cluster, fromStep) {
      epochs.push({ fromStep, topology: topologyOf(cluster, kubeIpvs0()) });
      for (const p of cluster.pods) pods.set(keyOf(p), p);
      for (const s of cluster.services) services.set(keyOf(s), s);
    },
    drawn(final) {
      return topologyOf({ ...final, pods: [...pods.values()], services: [...services.values()] }, kubeIpvs0());
    },
  };
}

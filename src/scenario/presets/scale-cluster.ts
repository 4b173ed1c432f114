import type { ScenarioInput } from '../schema';

/** How big a generated cluster is. */
export interface ClusterSize {
  readonly nodes: number;
  readonly podsPerNode: number;
  readonly services: number;
}

/**
 * A cluster for the large-layout and frame-rate checks: `nodes` nodes with
 * `podsPerNode` pods each, and `services` Services; pod k serves app
 * (k mod services), so each Service selects pods*nodes/services pods spread
 * over different nodes. Built by arithmetic, no randomness: the scenario is
 * the same on every machine.
 */
export function generatedCluster(size: ClusterSize): ScenarioInput['cluster'] {
  const nodes = Array.from({ length: size.nodes }, (_, i) => ({
    name: `node${i + 1}`,
    ip: `192.168.0.${i + 11}`,
    podCIDR: `10.244.${i + 1}.0/24`,
  }));
  const pods: ScenarioInput['cluster']['pods'] = [];
  for (let n = 0; n < size.nodes; n++) {
    for (let p = 0; p < size.podsPerNode; p++) {
      const index = n * size.podsPerNode + p;
      pods.push({
        name: `pod${index + 1}`,
        node: `node${n + 1}`,
        labels: { app: `app${index % size.services}` },
        ports: [{ name: 'http', containerPort: 8080 }],
      });
    }
  }
  const services = Array.from({ length: size.services }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: `app${i}` },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  }));
  return { clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodes, pods, services };
}

/** 20 nodes x 20 pods, 200 Services: each app has two pods, on nodes n and n+10. */
export function scaleCluster(): { cluster: ScenarioInput['cluster']; traffic: ScenarioInput['traffic'] } {
  const traffic = [
    { from: 'pod1', to: 'svc150', port: 80 },
    { from: 'pod37', to: 'svc12', port: 80 },
    { from: 'pod222', to: 'svc200', port: 80 },
  ];
  return { cluster: generatedCluster({ nodes: 20, podsPerNode: 20, services: 200 }), traffic };
}

/** 100 nodes x 30 pods, 1,000 Services: each app has three pods, about 33 nodes apart. */
export function largeCluster(): { cluster: ScenarioInput['cluster']; traffic: ScenarioInput['traffic'] } {
  const traffic = [
    { from: 'pod1', to: 'svc750', port: 80 },
    { from: 'pod1234', to: 'svc12', port: 80 },
    { from: 'pod2999', to: 'svc1000', port: 80 },
  ];
  return { cluster: generatedCluster({ nodes: 100, podsPerNode: 30, services: 1000 }), traffic };
}

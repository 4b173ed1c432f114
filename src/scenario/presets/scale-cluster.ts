import type { ScenarioInput } from '../schema';

/**
 * A cluster for the large-layout and frame-rate checks: 20 nodes with 20 pods
 * each, and 200 Services each selecting two pods on different nodes. Built
 * by arithmetic, no randomness: the scenario is the same on every machine.
 */
export function scaleCluster(): { cluster: ScenarioInput['cluster']; traffic: ScenarioInput['traffic'] } {
  const NODES = 20;
  const PODS_PER_NODE = 20;
  const SERVICES = 200;
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    name: `node${i + 1}`,
    ip: `192.168.0.${i + 11}`,
    podCIDR: `10.244.${i + 1}.0/24`,
  }));
  const pods: ScenarioInput['cluster']['pods'] = [];
  for (let n = 0; n < NODES; n++) {
    for (let p = 0; p < PODS_PER_NODE; p++) {
      const index = n * PODS_PER_NODE + p;
      // Pod k on node n serves app (index mod 200): each app gets two pods, on nodes n and n+10.
      pods.push({
        name: `pod${index + 1}`,
        node: `node${n + 1}`,
        labels: { app: `app${index % SERVICES}` },
        ports: [{ name: 'http', containerPort: 8080 }],
      });
    }
  }
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: `app${i}` },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  }));
  const traffic = [
    { from: 'pod1', to: 'svc150', port: 80 },
    { from: 'pod37', to: 'svc12', port: 80 },
    { from: 'pod222', to: 'svc200', port: 80 },
  ];
  return { cluster: { clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodes, pods, services }, traffic };
}

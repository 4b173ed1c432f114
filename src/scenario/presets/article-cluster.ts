import type { ScenarioInput } from '../schema';

type Pods = ScenarioInput['cluster']['pods'];
type Service = ScenarioInput['cluster']['services'][number];

/**
 * The article's cluster, with the addresses of the real-kernel run in
 * reference/kernel-observations.md: node vm1 (192.168.0.11, pods 10.244.1.0/24)
 * holds pod1 and pod2, node vm2 (192.168.0.12, pods 10.244.2.0/24) holds pod3
 * and pod4; svc1 listens on 10.96.0.10:80 and forwards to port 8080.
 * `web` names the pods svc1 selects.
 */
export function articleCluster(web: readonly string[], service: Partial<Service> = {}, notReady: readonly string[] = []) {
  const pod = (name: string, node: string): Pods[number] => ({
    name,
    node,
    labels: { app: web.includes(name) ? 'web' : 'client' },
    ready: !notReady.includes(name),
    ports: [{ name: 'http', containerPort: 8080 }],
  });
  return {
    clusterCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    nodes: [
      { name: 'vm1', ip: '192.168.0.11', podCIDR: '10.244.1.0/24' },
      { name: 'vm2', ip: '192.168.0.12', podCIDR: '10.244.2.0/24' },
    ],
    pods: [pod('pod1', 'vm1'), pod('pod2', 'vm1'), pod('pod3', 'vm2'), pod('pod4', 'vm2')],
    services: [
      {
        name: 'svc1',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
        ...service,
      },
    ],
  } satisfies ScenarioInput['cluster'];
}

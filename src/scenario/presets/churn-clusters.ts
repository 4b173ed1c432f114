import type { ScenarioInput } from '../schema';
import { articleCluster } from './article-cluster';

type Pod = ScenarioInput['cluster']['pods'][number];
type Service = ScenarioInput['cluster']['services'][number];

/** A pod svc1 selects, as the article cluster declares pod3 and pod4. */
export const webPod = (name: string, node: string): Pod => ({
  name,
  node,
  labels: { app: 'web' },
  ports: [{ name: 'http', containerPort: 8080 }],
});

/**
 * The article's cluster with svc1 also serving DNS-like UDP on port 53 (to port
 * 5353 of the same pods), so a deleted pod leaves a UDP conntrack entry for
 * kube-proxy's cleanup beside the TCP one it leaves alone.
 */
export function podChurnCluster() {
  return articleCluster(['pod3', 'pod4'], {
    ports: [
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 5353 },
    ],
  });
}

/** svc1 with no clusterIP in its spec: the API server allocates one. */
export const svc1Spec: Service = { name: 'svc1', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] };
/** svc2 fixes its clusterIP: a re-created svc2 gets the same address. */
export const svc2Spec: Service = {
  name: 'svc2',
  selector: { app: 'web' },
  clusterIP: '10.96.0.20',
  ports: [{ name: 'http', port: 80, targetPort: 'http' }],
};

/** The article's cluster with svc1 (allocated cluster IP, 10.96.0.10 first) and svc2 (fixed 10.96.0.20). */
export function serviceRecreatedCluster() {
  const base = articleCluster(['pod3', 'pod4']);
  return { ...base, services: [svc1Spec, svc2Spec] };
}

import type { ScenarioInput } from '../schema';
import { articleCluster } from './article-cluster';

type Cluster = ScenarioInput['cluster'];
type Service = ScenarioInput['cluster']['services'][number];
type Clients = NonNullable<Cluster['externalClients']>;

/** A laptop on the nodes' own network (192.168.0.0/24): it reaches a node's IP directly. */
export const LAPTOP = { name: 'laptop', kind: 'host', ip: '192.168.0.100' } as const;

/**
 * The article's cluster with svc1 reachable from outside and clients there: svc1
 * selects `web`, and `service` sets how it is exposed (type, policies, addresses).
 */
export function outsideCluster(web: readonly string[], service: Partial<Service>, clients: Clients): Cluster {
  return { ...articleCluster(web, service), externalClients: clients };
}

/** Two clients on the internet behind the cloud's load balancer: one inside svc1's source range, one outside it. */
export const LB_CLIENTS: Clients = [
  { name: 'office', kind: 'internet', ip: '203.0.113.25', via: 'load-balancer' },
  { name: 'stranger', kind: 'internet', ip: '198.51.100.77', via: 'load-balancer' },
];

/** A client on the internet whose packets come in through the nodes' router. */
export const REMOTE = { name: 'remote', kind: 'internet', ip: '198.51.100.20', via: 'router' } as const;

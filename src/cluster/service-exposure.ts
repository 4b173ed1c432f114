import type { Ipv4 } from '../net/ipv4';
import type { Scenario } from '../scenario/schema';
import type { ClusterChecks } from './cluster-checks';
import type { ClusterService, ServiceType } from './model';
import { inNodePortRange, NODE_PORT_RANGE, takeNodePort } from './node-ports';

type ScenarioService = Scenario['cluster']['services'][number];

/** How a Service is reached from outside the cluster: the schema's version 2 fields, resolved. */
export type ServiceExposure = Pick<
  ClusterService,
  | 'type'
  | 'externalIPs'
  | 'loadBalancerIPs'
  | 'loadBalancerSourceRanges'
  | 'externalTrafficPolicy'
  | 'internalTrafficPolicy'
  | 'healthCheckNodePort'
> & { readonly nodePorts: readonly (number | null)[] };

const hasNodePorts = (type: ServiceType) => type !== 'ClusterIP';
/** NeedsHealthCheck (pkg/apis/core/v1/helper): only a LoadBalancer Service with externalTrafficPolicy Local gets one. */
const needsHealthCheck = (s: ScenarioService) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';

/**
 * The node ports a Service fixes, checked: in the range, on a Service type that has
 * them. Each comes with the path of its field, for the caller's check that no other
 * Service holds it.
 */
export function fixedNodePorts(s: ScenarioService, path: string, checks: ClusterChecks): { port: number; path: string }[] {
  const type = s.type ?? 'ClusterIP';
  const fixed: { port: number; path: string }[] = [];
  const check = (port: number | undefined, at: string) => {
    if (port === undefined) return;
    if (!inNodePortRange(port)) checks.fail(at, `${port} is outside the node port range ${NODE_PORT_RANGE.low}-${NODE_PORT_RANGE.high}`);
    else fixed.push({ port, path: at });
  };
  s.ports.forEach((p, j) => {
    if (p.nodePort !== undefined && !hasNodePorts(type))
      return checks.fail(`${path}.ports[${j}].nodePort`, `a ${type} Service has no node port (type NodePort or LoadBalancer has)`);
    check(p.nodePort, `${path}.ports[${j}].nodePort`);
  });
  if (s.healthCheckNodePort !== undefined && !needsHealthCheck(s))
    checks.fail(`${path}.healthCheckNodePort`, 'only a LoadBalancer Service with externalTrafficPolicy Local has a health check port');
  else check(s.healthCheckNodePort, `${path}.healthCheckNodePort`);
  return fixed;
}

/**
 * The Service's version 2 fields resolved: addresses parsed, source ranges checked
 * to be CIDRs, the node ports it leaves out taken from `used` (see `takeNodePort`).
 * A Service with externalTrafficPolicy Local and no endpoint anywhere is valid: its
 * external traffic gets through on no node (kube-proxy rejects it: "has no endpoints").
 */
export function resolveExposure(s: ScenarioService, path: string, checks: ClusterChecks, used: Set<number>): ServiceExposure {
  const type = s.type ?? 'ClusterIP';
  const ips = (texts: readonly string[] | undefined, field: string) =>
    (texts ?? []).map((t, k) => checks.ip(t, `${path}.${field}[${k}]`)).filter((ip): ip is Ipv4 => ip !== undefined);
  if ((s.loadBalancerIPs?.length ?? 0) > 0 && type !== 'LoadBalancer')
    checks.fail(`${path}.loadBalancerIPs`, `a ${type} Service has no load balancer (type LoadBalancer has)`);
  const ranges = (s.loadBalancerSourceRanges ?? []).filter((r, k) => checks.cidr(r, `${path}.loadBalancerSourceRanges[${k}]`));
  const take = () => {
    const port = takeNodePort(used);
    if (port === null) checks.fail(path, `the node port range ${NODE_PORT_RANGE.low}-${NODE_PORT_RANGE.high} has no free port left`);
    return port;
  };
  return {
    type,
    nodePorts: s.ports.map((p) => (hasNodePorts(type) ? (p.nodePort ?? take()) : null)),
    externalIPs: ips(s.externalIPs, 'externalIPs'),
    loadBalancerIPs: ips(s.loadBalancerIPs, 'loadBalancerIPs'),
    loadBalancerSourceRanges: ranges,
    externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster',
    internalTrafficPolicy: s.internalTrafficPolicy ?? 'Cluster',
    healthCheckNodePort: needsHealthCheck(s) ? (s.healthCheckNodePort ?? take()) : null,
  };
}

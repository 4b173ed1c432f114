import { cidrContains, nthAddress } from '../net/cidr';
import { ipv4ToNumber, parseIpv4, type Ipv4 } from '../net/ipv4';
import type { ClusterEvent } from '../scenario/schema';
import { toClusterPod, toClusterService } from './cluster-objects';
import { deriveEndpointSlices } from './endpoint-slices';
import { nextPodAddress, nextServiceAddress } from './ipam';
import type { ClusterPod, ClusterService, ClusterState } from './model';
import { createClusterChecks } from './cluster-checks';
import { usedNodePorts } from './node-ports';
import { fixedNodePorts, resolveExposure } from './service-exposure';

/** What an event did, for the narration: the pod or Service it touched, as it was before and after. */
export interface EventEffect {
  readonly pod: ClusterPod | null;
  /** The pod before the event (delete-pod: the pod that is gone). */
  readonly podBefore: ClusterPod | null;
  readonly service: ClusterService | null;
}

export type EventResult =
  | { readonly ok: true; readonly state: ClusterState; readonly effect: EventEffect }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** "pod4" in the default namespace, or "namespace/pod4". */
export function splitRef(ref: string): { readonly namespace: string; readonly name: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { namespace: 'default', name: ref } : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
}

const fail = (field: string, message: string): EventResult => ({ ok: false, field, message });

/**
 * Applies one control-plane event to the cluster, as the API server and the
 * controllers behind it would: a deleted pod's address goes back to its node's
 * pool; a created pod gets the next free address from host-local (see ipam.ts)
 * and a new veth; readiness and termination change the pod's conditions; a
 * deleted Service frees its cluster IP and a created one gets a new one unless
 * it fixes it. The EndpointSlices are then derived again from the new state,
 * as the EndpointSlice controller does. Pure: returns a new state.
 */
export function applyClusterEvent(state: ClusterState, event: ClusterEvent): EventResult {
  const { cluster, allocation } = state;
  const withSlices = (pods: readonly ClusterPod[], services: readonly ClusterService[], next = allocation): ClusterState => ({
    cluster: { ...cluster, pods, services, endpointSlices: services.flatMap((s) => deriveEndpointSlices(s, pods)) },
    allocation: next,
  });
  switch (event.action) {
    case 'delete-pod':
    case 'set-ready':
    case 'set-not-ready':
    case 'terminate-pod': {
      const ref = splitRef(event.pod);
      const pod = cluster.pods.find((p) => p.name === ref.name && p.namespace === ref.namespace);
      if (!pod) return fail('pod', `no pod "${event.pod}" exists at ${event.at} s`);
      if (event.action === 'delete-pod') {
        return {
          ok: true,
          state: withSlices(
            cluster.pods.filter((p) => p !== pod),
            cluster.services,
          ),
          effect: { pod: null, podBefore: pod, service: null },
        };
      }
      if (event.action === 'terminate-pod' && pod.terminating)
        return fail('pod', `pod "${event.pod}" is already terminating at ${event.at} s`);
      const next: ClusterPod =
        event.action === 'terminate-pod' ? { ...pod, terminating: true } : { ...pod, ready: event.action === 'set-ready' };
      return {
        ok: true,
        state: withSlices(
          cluster.pods.map((p) => (p === pod ? next : p)),
          cluster.services,
        ),
        effect: { pod: next, podBefore: pod, service: null },
      };
    }
    case 'create-pod': {
      const spec = event.pod;
      if (cluster.pods.some((p) => p.name === spec.name && p.namespace === spec.namespace))
        return fail('pod.name', `pod "${spec.name}" already exists at ${event.at} s`);
      const node = cluster.nodes.find((n) => n.name === spec.node);
      if (!node) return fail('pod.node', `no node named "${spec.node}"`);
      const taken = new Set(cluster.pods.map((p) => ipv4ToNumber(p.ip)));
      let ip: Ipv4;
      let lastPodIp = allocation.lastPodIp;
      if (spec.ip !== undefined) {
        const parsed = parseIpv4(spec.ip);
        if (!parsed.ok) return fail('pod.ip', parsed.error);
        ip = parsed.value;
        if (!cidrContains(node.podCidr, ip)) return fail('pod.ip', `${ip} is outside node "${node.name}"'s pod CIDR`);
        if (ip === node.bridgeIp) return fail('pod.ip', `${ip} is the bridge's address on node "${node.name}"`);
        if (taken.has(ipv4ToNumber(ip))) return fail('pod.ip', `${ip} is already another pod's address at ${event.at} s`);
      } else {
        const n = nextPodAddress(node.podCidr, allocation.lastPodIp[node.name] ?? 1, taken);
        if (n === null) return fail('pod', `node "${node.name}"'s pod CIDR has no free address left`);
        ip = nthAddress(node.podCidr, n);
        lastPodIp = { ...lastPodIp, [node.name]: n };
      }
      const key = `${node.name}/${spec.namespace}/${spec.name}`;
      const former = allocation.vethOf[key];
      const number = allocation.nextVeth[node.name] ?? 0;
      const veth = former ?? `veth${number}`;
      const pod = toClusterPod(spec, node, ip, veth);
      const next = {
        ...allocation,
        lastPodIp,
        nextVeth: former ? allocation.nextVeth : { ...allocation.nextVeth, [node.name]: number + 1 },
        vethOf: { ...allocation.vethOf, [key]: veth },
      };
      return {
        ok: true,
        state: withSlices([...cluster.pods, pod], cluster.services, next),
        effect: { pod, podBefore: null, service: null },
      };
    }
    case 'delete-service': {
      const ref = splitRef(event.service);
      const service = cluster.services.find((s) => s.name === ref.name && s.namespace === ref.namespace);
      if (!service) return fail('service', `no Service "${event.service}" exists at ${event.at} s`);
      return {
        ok: true,
        state: withSlices(
          cluster.pods,
          cluster.services.filter((s) => s !== service),
        ),
        effect: { pod: null, podBefore: null, service },
      };
    }
    case 'create-service': {
      const spec = event.service;
      if (cluster.services.some((s) => s.name === spec.name && s.namespace === spec.namespace))
        return fail('service.name', `Service "${spec.name}" already exists at ${event.at} s`);
      const used = new Set(cluster.services.map((s) => ipv4ToNumber(s.clusterIP)));
      let vip: Ipv4;
      let lastServiceIp = allocation.lastServiceIp;
      if (spec.clusterIP !== undefined) {
        const parsed = parseIpv4(spec.clusterIP);
        if (!parsed.ok) return fail('service.clusterIP', parsed.error);
        vip = parsed.value;
        if (!cidrContains(cluster.serviceCidr, vip)) return fail('service.clusterIP', `${vip} is outside the service CIDR`);
        if (used.has(ipv4ToNumber(vip)))
          return fail('service.clusterIP', `${vip} is already another Service's cluster IP at ${event.at} s`);
      } else {
        const n = nextServiceAddress(cluster.serviceCidr, allocation.lastServiceIp, used);
        if (n === null) return fail('service', 'the service CIDR has no free address left');
        vip = nthAddress(cluster.serviceCidr, n);
        lastServiceIp = n;
      }
      // The event's own paths start at "service" ("events[3].service.ports[0].nodePort").
      const checks = createClusterChecks();
      const ports = usedNodePorts(cluster.services);
      for (const { port, path } of fixedNodePorts(spec, 'service', checks))
        if (ports.has(port)) checks.fail(path, `node port ${port} is already used by another Service at ${event.at} s`);
      const exposure = resolveExposure(spec, 'service', checks, ports);
      const [problem] = checks.errors;
      if (problem) return fail(problem.path, problem.message);
      const service = toClusterService(spec, vip, exposure);
      const names = new Set(spec.ports.map((p) => `${p.port}/${p.protocol}`));
      if (names.size !== spec.ports.length) return fail('service.ports', 'a port is declared twice');
      if (spec.ports.length > 1 && spec.ports.some((p) => p.name === ''))
        return fail('service.ports', 'a Service with several ports must name each of them');
      return {
        ok: true,
        state: withSlices(cluster.pods, [...cluster.services, service], { ...allocation, lastServiceIp }),
        effect: { pod: null, podBefore: null, service },
      };
    }
  }
}

import type { ScenarioInput } from '../../src/index';
import { matchesSelector, type Labels } from './labels-text';
import { nextNames } from './names';
import { nextNodeAddresses } from './node-addresses';

/*
 * The editor's changes as data in, data out: each edit takes a scenario and
 * returns a new one, never touching its argument (the store's scenario is
 * frozen). None of them validates: the result goes through the store's
 * loadScenario, which refuses it, with errors, when it is wrong (a pod on a
 * removed node, traffic from a removed pod...). Fields an edit does not know
 * (`events`, later ones) are carried over untouched by the spreads.
 */

type Cluster = ScenarioInput['cluster'];
export type NodeInput = Cluster['nodes'][number];
export type PodInput = Cluster['pods'][number];
export type ServiceInput = Cluster['services'][number];
export type ServicePortInput = ServiceInput['ports'][number];
export type ConnectionInput = ScenarioInput['traffic'][number];
export type SessionAffinity = NonNullable<ServiceInput['sessionAffinity']>;
/** A Service's cluster IP: allocated from the service CIDR, or the address given. */
export type ClusterIpChoice = { readonly kind: 'auto' } | { readonly kind: 'fixed'; readonly ip: string };

const withCluster = (s: ScenarioInput, patch: Partial<Cluster>): ScenarioInput => ({ ...s, cluster: { ...s.cluster, ...patch } });

const mapService = (s: ScenarioInput, name: string, change: (svc: ServiceInput) => ServiceInput): ScenarioInput =>
  withCluster(s, { services: s.cluster.services.map((svc) => (svc.name === name ? change(svc) : svc)) });

/** Every pod name in use: the cluster's, and those control-plane events create later (a new pod must not clash with them). */
export const podNamesInUse = (s: ScenarioInput): string[] => [
  ...s.cluster.pods.map((p) => p.name),
  ...(s.events ?? []).flatMap((e) => (e.action === 'create-pod' ? [e.pod.name] : [])),
];

const mapPod = (s: ScenarioInput, name: string, change: (pod: PodInput) => PodInput): ScenarioInput =>
  withCluster(s, { pods: s.cluster.pods.map((pod) => (pod.name === name ? change(pod) : pod)) });

/** Adds a node; its IP and pod CIDR are the next free ones unless given. */
export function addNode(s: ScenarioInput, node: { readonly name: string; readonly ip?: string; readonly podCIDR?: string }): ScenarioInput {
  const next = nextNodeAddresses(s.cluster);
  return withCluster(s, {
    nodes: [...s.cluster.nodes, { name: node.name, ip: node.ip ?? next.ip, podCIDR: node.podCIDR ?? next.podCIDR }],
  });
}

/** Removes a node and every pod scheduled on it (a node's pods go with it). */
export function removeNode(s: ScenarioInput, name: string): ScenarioInput {
  return withCluster(s, {
    nodes: s.cluster.nodes.filter((n) => n.name !== name),
    pods: s.cluster.pods.filter((p) => p.node !== name),
  });
}

/** Adds a pod at the end (its IP is allocated from its node's pod CIDR when absent). */
export function addPod(s: ScenarioInput, pod: PodInput): ScenarioInput {
  return withCluster(s, { pods: [...s.cluster.pods, pod] });
}

export function removePod(s: ScenarioInput, name: string): ScenarioInput {
  return withCluster(s, { pods: s.cluster.pods.filter((p) => p.name !== name) });
}

/** A pod that is not ready stays in the cluster but leaves its Services' endpoints. */
export function setPodReady(s: ScenarioInput, name: string, ready: boolean): ScenarioInput {
  return mapPod(s, name, (pod) => ({ ...pod, ready }));
}

export function setPodLabels(s: ScenarioInput, name: string, labels: Labels): ScenarioInput {
  return mapPod(s, name, (pod) => ({ ...pod, labels: { ...labels } }));
}

/**
 * Scales the pods a selector picks to `replicas`, as a ReplicaSet would: new
 * pods copy the first one's namespace, labels and ports (or carry just the
 * selector's labels when there is none), are named podN with the first free
 * numbers, and go one by one to the node that holds the fewest of the group
 * (the first such node in declaration order: deterministic, where the real
 * scheduler scores nodes). Scaling down removes the last declared ones.
 * An empty selector would pick every pod: nothing changes.
 */
export function scaleGroup(s: ScenarioInput, selector: Labels, replicas: number): ScenarioInput {
  const want = Math.max(0, Math.floor(replicas));
  if (Object.keys(selector).length === 0) return s;
  const group = s.cluster.pods.filter((p) => matchesSelector(p.labels, selector));
  if (group.length > want) {
    const drop = new Set(group.slice(want).map((p) => p.name));
    return withCluster(s, { pods: s.cluster.pods.filter((p) => !drop.has(p.name)) });
  }
  const template = group[0];
  const perNode = new Map(s.cluster.nodes.map((n) => [n.name, group.filter((p) => p.node === n.name).length]));
  const names = nextNames('pod', podNamesInUse(s), want - group.length);
  const added = names.flatMap((name): PodInput[] => {
    let node: string | undefined;
    for (const [n, count] of perNode) if (node === undefined || count < perNode.get(node)!) node = n;
    if (node === undefined) return [];
    perNode.set(node, perNode.get(node)! + 1);
    const pod: PodInput = { name, node, labels: { ...(template?.labels ?? {}), ...selector }, ready: true };
    if (template?.namespace !== undefined) pod.namespace = template.namespace;
    if (template?.ports !== undefined) pod.ports = template.ports.map((p) => ({ ...p }));
    return [pod];
  });
  return withCluster(s, { pods: [...s.cluster.pods, ...added] });
}

export function addService(s: ScenarioInput, service: ServiceInput): ScenarioInput {
  return withCluster(s, { services: [...s.cluster.services, service] });
}

/** Removes a Service (traffic still naming it makes the scenario invalid until it is changed too). */
export function removeService(s: ScenarioInput, name: string): ScenarioInput {
  return withCluster(s, { services: s.cluster.services.filter((svc) => svc.name !== name) });
}

export function setServiceSelector(s: ScenarioInput, name: string, selector: Labels): ScenarioInput {
  return mapService(s, name, (svc) => ({ ...svc, selector: { ...selector } }));
}

export function setServicePorts(s: ScenarioInput, name: string, ports: readonly ServicePortInput[]): ScenarioInput {
  return mapService(s, name, (svc) => ({ ...svc, ports: ports.map((p) => ({ ...p })) }));
}

/** `auto` drops the address so the engine allocates one from the service CIDR; `fixed` sets it as typed. */
export function setClusterIP(s: ScenarioInput, name: string, choice: ClusterIpChoice): ScenarioInput {
  return mapService(s, name, ({ clusterIP: _dropped, ...svc }) => (choice.kind === 'auto' ? svc : { ...svc, clusterIP: choice.ip.trim() }));
}

export function setSessionAffinity(s: ScenarioInput, name: string, affinity: SessionAffinity): ScenarioInput {
  return mapService(s, name, (svc) => ({ ...svc, sessionAffinity: affinity }));
}

/** Replaces the connections the scenario sends. */
export function setTraffic(s: ScenarioInput, traffic: readonly ConnectionInput[]): ScenarioInput {
  return { ...s, traffic: traffic.map((c) => ({ ...c })) };
}

export function setSeed(s: ScenarioInput, seed: number): ScenarioInput {
  return { ...s, seed };
}

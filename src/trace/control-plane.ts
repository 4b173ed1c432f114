import { applyClusterEvent, splitRef } from '../cluster/apply-event';
import type { Cluster, ClusterPod, ClusterState } from '../cluster/model';
import { deleteConntrackEntries, formatConntrackEntry, isLive } from '../conntrack';
import { endpointSliceInputs, proxierConfigFor, serviceInputs } from '../dataplane/node-proxier';
import { modeEngine } from '../dataplane/mode-engines';
import { syncKernel } from '../dataplane/sync-kernel';
import type { World } from '../dataplane/world';
import { conntrackCleanupRequired, staleUdpEntryFilter } from '../kube-proxy';
import type { NftTable } from '../kube-proxy/nftables';
import { cidrContains } from '../net/cidr';
import { deviceId, type NodeName } from '../net/ids';
import type { Ipv4 } from '../net/ipv4';
import { formatIptablesSave, type Ruleset } from '../netfilter';
import type { ClusterEvent } from '../scenario/schema';
import { diffIptablesSave } from './rules-diff';
import { syncNote } from './sync-note';
import type { ControlPlaneStep, Note, RulesDiff } from './types';

/** A control-plane step without its index, label, tables and time, which `simulate` adds. */
export type ControlPlaneDraft = Pick<ControlPlaneStep, 'kind' | 'node' | 'at' | 'to' | 'rulesDiff' | 'note'>;

/** What the control plane remembers across events, for the narration. */
export interface ControlPlaneMemory {
  /** "ns/name" -> the address a deleted pod had. */
  readonly podIps: Map<string, Ipv4>;
  /** "ns/name" -> the cluster IP a deleted Service had. */
  readonly serviceIps: Map<string, Ipv4>;
}

const saveTexts = new WeakMap<Ruleset, string>();
function saveText(ruleset: Ruleset): string {
  const text = saveTexts.get(ruleset) ?? formatIptablesSave(ruleset);
  saveTexts.set(ruleset, text);
  return text;
}

const EMPTY = '∅';

/** The EndpointSlice conditions as the API names them, only when not plainly ready. */
function conditions(c: { ready: boolean; serving: boolean; terminating: boolean }): string {
  if (c.ready && c.serving && !c.terminating) return '';
  return ` ready=${c.ready} serving=${c.serving}${c.terminating ? ' terminating=true' : ''}`;
}

/**
 * The endpoints of every Service whose EndpointSlices the event changed, one
 * list item each ("svc1: 10.244.2.2 (pod3)", "svc1: 10.244.2.3 (pod4
 * ready=false serving=false)"; "svc1: ∅" for none), for the narration to join
 * the way its language writes lists.
 */
function changedSlices(before: Cluster, after: Cluster): string[] {
  const lines: string[] = [];
  const key = (ns: string, name: string) => `${ns}/${name}`;
  const services = new Map([...before.services, ...after.services].map((s) => [key(s.namespace, s.name), s]));
  const inAfter = new Set(after.services.map((s) => key(s.namespace, s.name)));
  // Each Service's slices, grouped in one pass (a filter per Service is quadratic at 10,000).
  const slicesOf = (c: Cluster) => {
    const byService = new Map<string, Cluster['endpointSlices'][number][]>();
    for (const e of c.endpointSlices) {
      const k = key(e.namespace, e.serviceName);
      const list = byService.get(k) ?? [];
      list.push(e);
      byService.set(k, list);
    }
    return byService;
  };
  const slicesBefore = slicesOf(before);
  const slicesAfter = slicesOf(after);
  for (const [k, s] of services) {
    const was = slicesBefore.get(k) ?? [];
    const now = slicesAfter.get(k) ?? [];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (!inAfter.has(k)) continue;
    const endpoints = now.flatMap((slice) => slice.endpoints.map((e) => `${e.addresses[0]} (${e.targetRef}${conditions(e.conditions)})`));
    lines.push(...(endpoints.length > 0 ? endpoints.map((e) => `${s.name}: ${e}`) : [`${s.name}: ${EMPTY}`]));
  }
  return lines;
}

function eventNote(
  event: ClusterEvent,
  before: Cluster,
  after: Cluster,
  pod: ClusterPod | null,
  podBefore: ClusterPod | null,
  memory: ControlPlaneMemory,
): Note {
  const slices = changedSlices(before, after);
  switch (event.action) {
    case 'delete-pod':
    case 'set-ready':
    case 'set-not-ready':
    case 'terminate-pod': {
      const p = (pod ?? podBefore)!;
      return { id: `event.${event.action}`, params: { pod: p.name, ip: p.ip, node: p.node, slices } };
    }
    case 'create-pod': {
      const p = pod!;
      const former = memory.podIps.get(`${p.namespace}/${p.name}`);
      const params = { pod: p.name, ip: p.ip, node: p.node, veth: p.veth, slices };
      return former ? { id: 'event.create-pod.recreated', params: { ...params, former } } : { id: 'event.create-pod', params };
    }
    case 'delete-service': {
      const ref = splitRef(event.service);
      const s = before.services.find((x) => x.namespace === ref.namespace && x.name === ref.name)!;
      return { id: 'event.delete-service', params: { service: s.name, vip: s.clusterIP } };
    }
    case 'create-service': {
      const s = after.services.find((x) => x.namespace === event.service.namespace && x.name === event.service.name)!;
      const former = memory.serviceIps.get(`${s.namespace}/${s.name}`);
      const fixed = event.service.clusterIP !== undefined;
      const id = fixed ? 'event.create-service.fixed' : former ? 'event.create-service.recreated' : 'event.create-service';
      return { id, params: { service: s.name, vip: s.clusterIP, former: former ?? EMPTY, slices } };
    }
  }
}

/**
 * Runs one control-plane event: the API server applies it, the EndpointSlices
 * follow, and kube-proxy on every node resyncs. Each node's kernel gets the new
 * ruleset (or IPVS state, synced against the old one so draining real servers
 * show weight 0), and kube-proxy's stale-UDP cleanup deletes what it deletes.
 * Returns the new cluster state and the steps: one api-event, one
 * kube-proxy-sync per node. The world is updated in place (it is simulate's own).
 */
/** `nft list table ip kube-proxy`, line by line, or null without a table (iptables and IPVS mode). */
function nftListLines(table: NftTable | undefined): string[] | null {
  if (table === undefined) return null;
  const lines = modeEngine('nftables').printList(table).split('\n');
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

export function runClusterEvent(
  world: World,
  state: ClusterState,
  event: ClusterEvent,
  memory: ControlPlaneMemory,
  parse: (restore: string, key: string) => Ruleset,
): { readonly state: ClusterState; readonly drafts: readonly ControlPlaneDraft[] } {
  const result = applyClusterEvent(state, event);
  if (!result.ok) throw new Error(`invalid event: ${result.field}: ${result.message}`);
  const before = state.cluster;
  const after = result.state.cluster;
  const drafts: ControlPlaneDraft[] = [
    {
      kind: 'api-event',
      node: null,
      at: deviceId('apiserver'),
      to: deviceId('apiserver'),
      rulesDiff: null,
      note: eventNote(event, before, after, result.effect.pod, result.effect.podBefore, memory),
    },
  ];
  if (result.effect.podBefore && event.action === 'delete-pod')
    memory.podIps.set(`${result.effect.podBefore.namespace}/${result.effect.podBefore.name}`, result.effect.podBefore.ip);
  if (result.effect.service && event.action === 'delete-service')
    memory.serviceIps.set(`${result.effect.service.namespace}/${result.effect.service.name}`, result.effect.service.clusterIP);
  world.cluster = after;
  const podIps = new Set<string>(after.pods.map((p) => p.ip));
  const bridgeIps = new Set<string>(after.nodes.map((n) => n.bridgeIp));

  for (const kernel of world.kernels.values()) {
    const node = kernel.node;
    if (kernel.ipvs) kernel.ipvs = modeEngine('ipvs').expireConns(kernel.ipvs, world.now);
    const ipvsBefore = kernel.ipvs ? modeEngine('ipvs').formatList(kernel.ipvs) : null;
    const saveBefore = saveText(kernel.ruleset);
    const nftBefore = nftListLines(kernel.nft?.table);
    const rules = syncKernel(after, node, world.mode, world.scheduler as Parameters<typeof syncKernel>[3], kernel.ipvs, parse);
    kernel.ruleset = rules.ruleset;
    kernel.ipvs = rules.ipvs;
    kernel.ipsets = rules.ipsets;
    kernel.ipvsAddresses = rules.ipvsAddresses;
    // Elements the data path added to dynamic sets (affinity) stay: kube-proxy's transaction re-adds the sets, it does not flush them.
    kernel.nft = rules.nft;
    const nftAfter = nftListLines(rules.nft?.table);
    const tables = diffIptablesSave(saveBefore, saveText(rules.ruleset));
    const ipvsAfter = rules.ipvs ? modeEngine('ipvs').formatList(rules.ipvs) : null;

    // conntrack.CleanStaleEntries runs after the sync when the endpoints-map update asks for it.
    const config = proxierConfigFor(after, node);
    const inputs = (c: Cluster) => ({ services: serviceInputs(c), endpointSlices: endpointSliceInputs(c) });
    let conntrackDeleted: RulesDiff['conntrackDeleted'] = [];
    if (conntrackCleanupRequired(config, inputs(before), inputs(after))) {
      const filter = staleUdpEntryFilter(config, serviceInputs(after), endpointSliceInputs(after));
      const now = world.now;
      const cleaned = deleteConntrackEntries(kernel.conntrack, (e) => isLive(e, now) && filter.isStale(e));
      conntrackDeleted = cleaned.deleted.map((e) => ({ id: e.id, text: formatConntrackEntry(e, now) }));
      kernel.conntrack = cleaned.table;
    }
    // TCP (and SCTP) entries whose server is a pod address no pod holds any more (the client
    // node's entry DNATed to it, the server node's plain forwarded one): kube-proxy leaves them.
    const staleTcp = kernel.conntrack.entries.filter(
      (e) =>
        isLive(e, world.now) &&
        e.protocol !== 'udp' &&
        cidrContains(after.clusterCidr, e.reply.src) &&
        !podIps.has(e.reply.src) &&
        !bridgeIps.has(e.reply.src),
    );
    const draining = rules.ipvs
      ? rules.ipvs.virtualServers.reduce((n, vs) => n + vs.realServers.filter((rs) => rs.weight === 0).length, 0)
      : 0;

    const rulesDiff: RulesDiff = {
      tables,
      ipvs: ipvsBefore && ipvsAfter ? { before: ipvsBefore, after: ipvsAfter } : null,
      nft: nftBefore && nftAfter ? { before: nftBefore, after: nftAfter } : null,
      conntrackDeleted,
    };
    drafts.push({
      kind: 'kube-proxy-sync',
      node: node.name as NodeName,
      at: deviceId(`${node.name}/kube-proxy`),
      to: deviceId(`${node.name}/kube-proxy`),
      rulesDiff,
      note: syncNote({
        node: node.name,
        mode: world.mode,
        diff: rulesDiff,
        staleTcp: staleTcp.length,
        staleTargets: [...new Set(staleTcp.map((e) => e.reply.src))],
        draining,
      }),
    });
  }
  return { state: result.state, drafts };
}

import type { NodeName } from '../net/ids';
import type { TableName } from '../netfilter/evaluated-rule';
import type { Scenario } from '../scenario/schema';
import { isPacketStep } from '../trace/is-packet-step';
import { nodeIpsetList, nodeIptablesSave } from '../trace/node-views';
import { topologyAt } from '../trace/topology';
import type { ConntrackChange, ControlPlaneStep, PacketStep, Trace } from '../trace/types';
import { conntrackCommands } from './conntrack-commands';
import { indexIptablesSave, type SavedTable } from './iptables-save-lines';
import { ipsetCommands } from './ipset-commands';
import { ipvsCommands } from './ipvs-commands';
import { nftCommands } from './nft-commands';
import { nodeNftListAt } from '../trace/nft-list-at';
import { packetEntry } from './packet-entry';
import { bridgeFdbCommand, routeCommand, tcpdumpCommand } from './path-commands';
import { enterCommands, inPod, podPlace } from './places';
import { ruleCommands } from './rule-commands';
import { traceCommands } from './trace-commands';
import type { VerifyCommand, VerifyGroup, VerifyPlace } from './types';

const memo = new WeakMap<Scenario, Map<string, unknown>>();

/**
 * What kube-proxy's first sync left on a node (its `iptables-save`, its
 * `ipset list`), when the engine knows it at this step: valid until the first
 * control-plane event (after one, the Rules panel's evaluated rules and the
 * sync's diff are what the trace holds). Memoised per scenario, node, mode and kind.
 */
function nodeStateAt<T>(
  trace: Trace,
  step: PacketStep,
  scenario: Scenario | undefined,
  key: string,
  compute: (s: Scenario) => T,
): T | null {
  const nextEpoch = trace.epochs[1]?.fromStep ?? Infinity;
  if (!scenario || step.index >= nextEpoch) return null;
  const cache = memo.get(scenario) ?? new Map<string, unknown>();
  memo.set(scenario, cache);
  const full = `${key}/${trace.mode}`;
  if (!cache.has(full)) cache.set(full, compute(scenario));
  return (cache.get(full) as T | undefined) ?? null;
}

const iptablesSaveAt = (trace: Trace, step: PacketStep, node: NodeName, scenario: Scenario | undefined) =>
  nodeStateAt(trace, step, scenario, `${node}/iptables-save`, (s): ReadonlyMap<TableName, SavedTable> | null => {
    const save = nodeIptablesSave(s, node, trace.mode);
    return save === undefined ? null : indexIptablesSave(save);
  });

const ipsetListAt = (trace: Trace, step: PacketStep, node: NodeName, scenario: Scenario | undefined) =>
  nodeStateAt(trace, step, scenario, `${node}/ipset`, (s) => nodeIpsetList(s, node) ?? null);

const group = (place: VerifyPlace, commands: VerifyCommand[], topic: VerifyGroup['topic'] = 'inspect'): VerifyGroup => ({
  topic,
  place,
  enter: enterCommands(place),
  commands,
});

/** The device a step's packet crosses on its node, where tcpdump sees it. */
function stepDevice(step: PacketStep): string {
  const device = (id: string) => id.split('/')[1] ?? '';
  if (step.kind === 'veth') return [device(step.at), device(step.to)].find((d) => d.startsWith('veth')) ?? 'cbr0';
  if (step.kind === 'bridge') return device(step.to);
  if (step.kind === 'wire' || step.kind === 'arrive-node') return 'eth0';
  return 'cbr0';
}

/** Steps in a pod's own namespace; null when the packet is the node's own (a process on the node). */
function podSteps(trace: Trace, step: PacketStep): VerifyGroup[] | null {
  const topology = topologyAt(trace, step.index);
  const place = podPlace(topology, step.kind === 'leave-pod' ? step.at : step.to);
  if (!place) return null;
  const commands = [tcpdumpCommand(step, 'eth0', inPod)];
  if (step.kind === 'leave-pod')
    commands.unshift({
      ...routeCommand(step, { chain: 'OUTPUT', iif: null, packet: step.before }),
      command: inPod(`ip route get ${step.after.dstIp}`),
    });
  return [group(place, commands)];
}

function nodeSteps(trace: Trace, step: PacketStep, scenario: Scenario | undefined): VerifyGroup[] {
  const node = (step.node ?? step.at.split('/')[0]) as NodeName;
  const place: VerifyPlace = { kind: 'node', node };
  const entry = packetEntry(trace, step);
  const rules: VerifyCommand[] = [];
  if (step.rules.length > 0) {
    const services = topologyAt(trace, step.index).services;
    const dst = entry.packet.dstIp;
    // The Service's own lines, where this step's rules looked for it (KUBE-SERVICES, a REJECT for no endpoints).
    const serviceIp = services.some((s) => s.clusterIP === dst) && step.rules.some((r) => r.text.includes(`-d ${dst}/32`)) ? dst : null;
    rules.push(...ruleCommands(step, trace.mode, serviceIp, iptablesSaveAt(trace, step, node, scenario)));
    if (trace.mode === 'ipvs') rules.push(...ipsetCommands(step, ipsetListAt(trace, step, node, scenario)));
  }
  if (step.nftRules.length > 0)
    rules.push(...nftCommands(step, scenario ? (nodeNftListAt(scenario, trace, step.index, node) ?? null) : null));
  // A step no rule decided (conntrack carried the packet past nat) is shown by the entry that did.
  const change = step.conntrackChange ?? (step.rules.length + step.nftRules.length === 0 ? earlierChange(trace, step) : null);
  const conntrack = change ? conntrackCommands(change, step.conntrack) : [];
  const ipvs = step.ipvsChange ? ipvsCommands(step.ipvsChange, step.ipvs) : [];
  // A conntrack step is about its entry; the rules that ran at its hook come after.
  const commands = step.kind.startsWith('conntrack') ? [...conntrack, ...ipvs, ...rules] : [...rules, ...ipvs, ...conntrack];
  if (step.kind === 'route') commands.push(routeCommand(step, entry));
  if (step.kind === 'bridge' || step.kind === 'bridge-miss') commands.push(bridgeFdbCommand(step.before.dstMac));
  if (['veth', 'bridge', 'bridge-miss', 'wire', 'arrive-node', 'icmp-error'].includes(step.kind)) {
    commands.push(tcpdumpCommand(step, stepDevice(step)));
  }
  const groups = commands.length > 0 ? [group(place, commands)] : [];
  if (step.hook !== null) groups.push(group(place, traceCommands(step, entry), 'trace'));
  return groups;
}

/** The entry this packet's connection made or last changed on the step's node, before the step. */
function earlierChange(trace: Trace, step: PacketStep): ConntrackChange | null {
  for (let i = step.index - 1; i >= 0; i--) {
    const s = trace.steps[i];
    if (!s || !isPacketStep(s) || s.connection !== step.connection) break;
    if (s.conntrackChange?.node === step.node) return s.conntrackChange;
  }
  return null;
}

const ipvsTableCommand = (node: NodeName, lines: readonly string[]): VerifyCommand => ({
  id: 'ipvs-list',
  params: { node },
  command: 'ipvsadm -Ln',
  expected: { lines, fidelity: 'ports-and-timers' },
});

function controlPlaneSteps(step: ControlPlaneStep): VerifyGroup[] {
  if (step.kind === 'api-event') {
    return [
      group({ kind: 'cluster' }, [{ id: 'watch-slices', params: {}, command: 'kubectl get endpointslices -A --watch', expected: null }]),
    ];
  }
  if (step.node === null) return [];
  const ipvs = step.rulesDiff?.ipvs ?? null;
  const nft = step.rulesDiff?.nft ?? null;
  const command: VerifyCommand =
    ipvs !== null
      ? ipvsTableCommand(step.node, ipvs.after)
      : nft !== null
        ? { id: 'nft-list-table', params: {}, command: 'nft list table ip kube-proxy', expected: { lines: nft.after, fidelity: 'same' } }
        : { id: 'save-nat', params: { node: step.node }, command: 'iptables-save -t nat', expected: null };
  return [group({ kind: 'node', node: step.node }, [command])];
}

/**
 * The commands that show on a real cluster what a step of the trace shows,
 * filled with the step's values (chains, addresses, ports, devices, nodes), in
 * the place each runs (a node's root namespace, a pod's, anywhere with
 * kubectl) with how to get there; and, where the engine can print it, what
 * each prints, from the engine's own formatters (`iptables-save`, `conntrack
 * -L`, `ipvsadm`). Pass the scenario to get the rule listings' output. Pure.
 *
 * @example verifyCommands(trace, 3, scenario)[0]?.commands[0]?.command // 'iptables -t nat -L KUBE-SVC-6FQZKDMVESNX7NUN -n -v --line-numbers'
 */
export function verifyCommands(trace: Trace, stepIndex: number, scenario?: Scenario): readonly VerifyGroup[] {
  const step = trace.steps[stepIndex];
  if (!step) return [];
  if (!isPacketStep(step)) return controlPlaneSteps(step);
  const inPodNetns = ['leave-pod', 'deliver', 'socket-error'].includes(step.kind) ? podSteps(trace, step) : null;
  return inPodNetns ?? nodeSteps(trace, step, scenario);
}

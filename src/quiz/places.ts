import type { NetfilterHook, Topology } from '../trace/types';
import type { QuizChoice } from './quiz-types';
import { literal, quizNote } from './quiz-note';

export const HOOKS: readonly NetfilterHook[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

/** A device id split in two: "vm1/FORWARD" is the FORWARD hook of vm1's root namespace, "pod4/eth0" a pod's interface. */
export function splitPlace(place: string): { readonly owner: string; readonly name: string } {
  const slash = place.indexOf('/');
  return slash < 0 ? { owner: place, name: '' } : { owner: place.slice(0, slash), name: place.slice(slash + 1) };
}

export const isHookPlace = (place: string): boolean => (HOOKS as readonly string[]).includes(splitPlace(place).name);

/** A place as a choice: a hook reads "the FORWARD hook on vm1", a device by its id. */
export function placeChoice(place: string): QuizChoice {
  const { owner, name } = splitPlace(place);
  return { key: place, label: isHookPlace(place) ? quizNote('choice.hook', { hook: name, node: owner }) : literal(place) };
}

/** The hooks of a node's root namespace, in the kernel's order. */
export const nodeHooks = (node: string): string[] => HOOKS.map((hook) => `${node}/${hook}`);

/**
 * Devices a packet on or near `node` could plausibly reach, nearest first: the
 * node's own eth0, cbr0 (and kube-ipvs0 in IPVS mode), the other nodes' eth0,
 * then the eth0 of the node's pods.
 */
export function nearbyDevices(topology: Topology, node: string): string[][] {
  const own = topology.nodes.find((n) => n.name === node);
  const nodeDevices = own ? [`${node}/eth0`, `${node}/cbr0`, ...(own.ipvsAddresses.length > 0 ? [`${node}/kube-ipvs0`] : [])] : [];
  const otherNodes = topology.nodes.filter((n) => n.name !== node).map((n) => `${n.name}/eth0`);
  const pods = topology.pods.filter((p) => p.node === node).map((p) => `${p.name}/eth0`);
  return [[...nodeDevices, ...otherNodes], pods];
}

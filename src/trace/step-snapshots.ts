import { formatConntrackEntry, isLive } from '../conntrack';
import type { World } from '../dataplane/world';
import { modeEngine } from '../dataplane/mode-engines';
import type { IpvsState } from '../ipvs';
import type { NodeConntrack, NodeIpvs } from './types';

/** Every node's `conntrack -L` at this moment: the live entries only. */
export function conntrackSnapshot(world: World): NodeConntrack[] {
  return [...world.kernels.values()].map((k) => ({
    node: k.node.name,
    entries: k.conntrack.entries.filter((e) => isLive(e, world.now)).map((e) => ({ id: e.id, text: formatConntrackEntry(e, world.now) })),
  }));
}

// The table only changes when IPVS acts: steps between share one array.
const ipvsTables = new WeakMap<IpvsState, readonly string[]>();

/** `ipvsadm -Ln` and `-Lnc` on the step's node, in IPVS mode. */
export function ipvsSnapshot(world: World, node: string | null): NodeIpvs | null {
  const kernel = node === null ? undefined : world.kernels.get(node);
  if (!kernel?.ipvs) return null;
  const ipvs = modeEngine('ipvs');
  const table = ipvsTables.get(kernel.ipvs) ?? ipvs.formatList(kernel.ipvs);
  ipvsTables.set(kernel.ipvs, table);
  return { node: kernel.node.name, table, connections: ipvs.formatConnections(kernel.ipvs, world.now) };
}

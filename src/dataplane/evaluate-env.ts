import type { EvaluateEnv } from '../netfilter';
import { modeEngine } from './mode-engines';
import { isLocalAddress } from './routes';
import type { NodeKernel, World } from './world';

/** What a node's rules are evaluated against: the seeded generator, the clock, its `recent` lists, its own addresses and ipsets. */
export function envOf(world: World, kernel: NodeKernel): EvaluateEnv {
  return {
    rng: world.rng,
    now: world.now,
    recent: kernel.recent,
    isLocalAddress: (ip) => isLocalAddress(kernel.node, ip, kernel.ipvsAddresses),
    ipsetMatches: (name, flags, packet) => {
      const set = kernel.ipsets.find((s) => s.name === name);
      // A node has ipsets in IPVS mode only.
      return set ? modeEngine('ipvs').ipsetMatches(set, packet, flags) : undefined;
    },
  };
}

import type { Ipv4 } from '../net/ipv4';
import type { StepPacket } from '../net/packet';
import { evaluateChain, type ChainResult, type PacketContext } from '../netfilter';
import type { EvaluatedNftRule } from '../nftables';
import type { NetfilterHook } from '../trace/types';
import { envOf } from './evaluate-env';
import { modeEngine } from './mode-engines';
import type { NodeKernel, World } from './world';

/**
 * Which of a hook's nftables base chains one step of the walk stands for: a priority range
 * (OUTPUT's step before the routing decision runs the chains up to dstnat, -100; the filter
 * step after it the rest), and whether nat chains run: netfilter consults nat-type chains
 * for a connection's first packet only, later ones get their NAT from conntrack.
 */
export interface NftSlice {
  readonly maxPriority?: number;
  readonly minPriority?: number;
  readonly nat: boolean;
}

/** What the nftables chains of one slice of a hook did. */
export interface NftHookRun {
  readonly verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  readonly dnat: { readonly ip: Ipv4; readonly port: number | null } | null;
  readonly masquerade: { readonly randomFully: boolean } | null;
  readonly mark: number;
  readonly nftRules: readonly EvaluatedNftRule[];
}

/**
 * nftables mode: the packet through the base chains of `table ip kube-proxy` at a hook, the
 * slice this step stands for (runNftHook, in nftables mode's engine). Null in the other modes,
 * where the node has no nftables table.
 */
export function nftAtHook(
  world: World,
  kernel: NodeKernel,
  hook: NetfilterHook,
  ctx: PacketContext<StepPacket>,
  slice: NftSlice,
): NftHookRun | null {
  return kernel.nft === null ? null : modeEngine('nftables').atHook(world, kernel, kernel.nft.program, hook, ctx, slice);
}

/** One step's evaluation at a hook: the iptables table's chain and the nftables chains, merged. */
export interface HookRules<P extends StepPacket> extends ChainResult<P> {
  readonly nftRules: readonly EvaluatedNftRule[];
}

/**
 * The rules one step of the walk evaluates at a hook: the iptables table's built-in chain
 * (kube-proxy's rules in iptables and IPVS mode), then, in nftables mode, the slice of
 * `table ip kube-proxy`'s base chains the step stands for, on the packet and mark the
 * iptables chain left. (In nftables mode the iptables tables are empty, so their place
 * among the nft chains' priorities changes nothing.) A DNAT either one chose rewrites the
 * packet; a masquerade is reported in `nat`, as evaluateChain reports it. The node's
 * `recent` lists are updated here.
 */
export function hookRules<P extends StepPacket>(
  world: World,
  kernel: NodeKernel,
  table: 'nat' | 'filter',
  hook: NetfilterHook,
  ctx: PacketContext<P>,
  slice: NftSlice,
): HookRules<P> {
  const ipt = evaluateChain(kernel.ruleset, table, hook, ctx, envOf(world, kernel));
  kernel.recent = ipt.recent;
  const nft = ipt.verdict === 'ACCEPT' ? nftAtHook(world, kernel, hook, { ...ctx, packet: ipt.packet, mark: ipt.mark }, slice) : null;
  if (nft === null) return { ...ipt, nftRules: [] };
  const dnat = nft.dnat;
  const packet =
    dnat && ipt.packet.protocol !== 'icmp' ? { ...ipt.packet, dstIp: dnat.ip, dstPort: dnat.port ?? ipt.packet.dstPort } : ipt.packet;
  const nat =
    ipt.nat ??
    (dnat
      ? { kind: 'dnat' as const, ip: dnat.ip, port: packet.dstPort }
      : nft.masquerade
        ? { kind: 'masquerade' as const, ...nft.masquerade }
        : null);
  return { ...ipt, verdict: nft.verdict, packet, mark: nft.mark, nat, nftRules: nft.nftRules };
}

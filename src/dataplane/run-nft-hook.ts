import type { Ipv4 } from '../net/ipv4';
import type { StepPacket } from '../net/packet';
import type { PacketContext } from '../netfilter';
import type { CtState } from '../netfilter/match-types';
import { evaluateNftHook, type NftCtState, type NftPacket, type NftProgram } from '../nftables';
import type { NetfilterHook } from '../trace/types';
import { alignedNumgen } from './aligned-numgen';
import type { NftHookRun, NftSlice } from './nft-hooks';
import { isLocalAddress } from './routes';
import type { NodeKernel, World } from './world';

/** conntrack's state as an iptables `-m conntrack --ctstate` sees it, as nft's `ct state` and `ct status` see it. */
function ctOf(ctstate: readonly CtState[]): { readonly ctState: NftCtState; readonly ctStatus: readonly string[] } {
  const ctState: NftCtState = ctstate.includes('INVALID')
    ? 'invalid'
    : ctstate.includes('RELATED')
      ? 'related'
      : ctstate.includes('ESTABLISHED')
        ? 'established'
        : 'new';
  const ctStatus = [...(ctstate.includes('DNAT') ? ['dnat'] : []), ...(ctstate.includes('SNAT') ? ['snat'] : [])];
  return { ctState, ctStatus };
}

/** The headers an nft rule reads; an ICMP error has no ports. */
function nftPacketOf(packet: StepPacket): NftPacket {
  const icmp = packet.protocol === 'icmp';
  return {
    family: 'ip',
    saddr: packet.srcIp,
    daddr: packet.dstIp,
    l4proto: packet.protocol,
    sport: icmp ? 0 : packet.srcPort,
    dport: icmp ? 0 : packet.dstPort,
  };
}

/**
 * nftables mode: runs the packet through the base chains of `table ip kube-proxy` at a hook
 * (the slice this step stands for), with the node's dynamic sets and `numgen` drawn from
 * the scenario's seeded generator as iptables mode's statistic rules draw (alignedNumgen);
 * the sets the rules updated are kept.
 */
export function runNftHook(
  world: World,
  kernel: NodeKernel,
  program: NftProgram,
  hook: NetfilterHook,
  ctx: PacketContext<StepPacket>,
  slice: NftSlice,
): NftHookRun {
  const inSlice = (priority: number) =>
    (slice.maxPriority === undefined || priority <= slice.maxPriority) &&
    (slice.minPriority === undefined || priority >= slice.minPriority);
  const result = evaluateNftHook(
    program,
    hook.toLowerCase() as Lowercase<NetfilterHook>,
    { packet: nftPacketOf(ctx.packet), mark: ctx.mark, ...ctOf(ctx.ctstate) },
    {
      numgen: alignedNumgen(world.rng),
      now: world.now,
      isLocalAddress: (ip) => isLocalAddress(kernel.node, ip as Ipv4, kernel.ipvsAddresses),
      dynamicSets: kernel.nftSets,
    },
    { chains: (base) => inSlice(base.priority) && (slice.nat || base.type !== 'nat') },
  );
  kernel.nftSets = result.dynamicSets;
  const nat = result.chains.find((c) => c.nat !== null)?.nat ?? null;
  return {
    verdict: result.verdict === 'accept' ? 'ACCEPT' : result.verdict === 'drop' ? 'DROP' : 'REJECT',
    dnat: nat?.kind === 'dnat' ? { ip: nat.ip as Ipv4, port: nat.port } : null,
    masquerade: nat?.kind === 'masquerade' ? { randomFully: nat.flags.includes('fully-random') } : null,
    mark: result.mark,
    nftRules: result.evaluated,
  };
}

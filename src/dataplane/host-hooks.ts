import {
  applyNatAtHook,
  createConntrackEntry,
  findConntrackEntry,
  isValidFirstPacket,
  lookupConntrack,
  updateConntrack,
} from '../conntrack';
import type { Packet } from '../net/packet';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { EvaluatedNftRule } from '../nftables';
import { hookRules, nftAtHook } from './nft-hooks';
import { samePacket } from './hooks';
import { modeEngine } from './mode-engines';
import { dnatNote } from './dnat-note';
import { filterHook, withDropReason } from './filter-hook';
import type { PacketStep } from '../trace/types';
import type { NetfilterPass } from './netfilter-pass';
import { device, stepDraft, type RecordStep } from './step-draft';
import type { NodeKernel, World } from './world';

/** OUTPUT's verdict on a node's own packet; a refused one says who refused it (a REJECT rule when absent). */
export interface OutputResult {
  readonly pass: NetfilterPass;
  readonly verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  readonly by?: 'REJECT' | 'IPVS';
}

/**
 * OUTPUT, for a packet a process in the node's own network namespace sends
 * (hostNetwork pods, the kubelet, `curl` on the node): conntrack, nat OUTPUT
 * (KUBE-SERVICES again, for the first packet only), then filter OUTPUT. The
 * source is the node's address, outside the cluster CIDR, so KUBE-SVC's
 * `! -s <clusterCIDR> -j KUBE-MARK-MASQ` marks it for masquerade.
 */
export function output(world: World, kernel: NodeKernel, packet: Packet, record: RecordStep): OutputResult {
  const node = kernel.node;
  const here = device(node.name, 'OUTPUT');
  const found = lookupConntrack(kernel.conntrack, packet, world.now);
  let pass: NetfilterPass;
  let natRules: readonly EvaluatedRule[] = [];
  // nftables mode: the chains up to dstnat (filter-output-pre-dnat, nat-output), before the routing decision.
  let preNft: ReturnType<typeof nftAtHook>;
  let change = null;
  const recentBefore = kernel.recent;
  if (found) {
    const update = updateConntrack(kernel.conntrack, found.entry.id, packet, found.direction, world.now, world.timeouts);
    kernel.conntrack = update.table;
    const entry = update.entry;
    change = {
      node: node.name,
      entryId: entry.id,
      change: update.from === update.to ? ('hit' as const) : ('update' as const),
      from: update.from,
      to: update.to,
    };
    pass = {
      packet: applyNatAtHook(entry, packet, found.direction, 'OUTPUT'),
      mark: 0,
      conn: { kind: 'tracked', entryId: entry.id, direction: found.direction, invalid: update.outcome === 'invalid' },
      ctstate: [found.direction === 'reply' || entry.seenReply ? 'ESTABLISHED' : 'NEW', ...(entry.dnat ? (['DNAT'] as const) : [])],
    };
    preNft = nftAtHook(
      world,
      kernel,
      'OUTPUT',
      { ...pass, packet, inInterface: null, outInterface: null },
      { maxPriority: -100, nat: false },
    );
  } else {
    const invalid = !isValidFirstPacket(packet);
    const nat = hookRules(
      world,
      kernel,
      'nat',
      'OUTPUT',
      { packet, mark: 0, ctstate: [invalid ? 'INVALID' : 'NEW'], inInterface: null, outInterface: null },
      { maxPriority: -100, nat: true },
    );
    natRules = nat.evaluated;
    preNft = kernel.nft ? { ...nat, dnat: null, masquerade: null } : null;
    const dnat = nat.nat?.kind === 'dnat' ? { ip: nat.nat.ip, port: nat.nat.port } : null;
    pass = {
      packet: nat.packet,
      mark: nat.mark,
      conn: { kind: 'new', origPacket: packet, dnat },
      ctstate: invalid ? ['INVALID'] : ['NEW', ...(dnat ? (['DNAT'] as const) : [])],
    };
  }
  if (kernel.ipvs !== null && kernel.ipvsAddresses.has(pass.packet.dstIp))
    return outputThroughIpvs(world, kernel, packet, pass, natRules, change, record);
  if (preNft) pass = { ...pass, mark: preNft.mark };
  const filter =
    (preNft?.verdict ?? 'ACCEPT') === 'ACCEPT'
      ? hookRules(
          world,
          kernel,
          'filter',
          'OUTPUT',
          { packet: pass.packet, mark: pass.mark, ctstate: pass.ctstate, inInterface: null, outInterface: null },
          { minPriority: -99, nat: false },
        )
      : { verdict: preNft!.verdict, evaluated: [], nftRules: [], mark: pass.mark };
  const nftRules: readonly EvaluatedNftRule[] = [...(preNft?.nftRules ?? []), ...filter.nftRules];
  const dnat = pass.conn.kind === 'new' && pass.conn.dnat !== null;
  const vip = { node: node.name, vip: `${packet.dstIp}:${packet.dstPort}`, dst: `${pass.packet.dstIp}:${pass.packet.dstPort}` };
  const plainNote = {
    id: filter.verdict === 'REJECT' ? 'output.reject' : found ? 'output.conntrack' : 'output.no-service',
    params: vip,
  };
  record(
    stepDraft({
      kind: filter.verdict === 'REJECT' ? 'reject' : filter.verdict === 'DROP' ? 'drop' : dnat ? 'dnat' : found ? 'conntrack-hit' : 'hook',
      node: node.name,
      at: device(node.name, 'host'),
      to: here,
      hook: 'OUTPUT',
      packet,
      after: pass.packet,
      rules: [...natRules, ...filter.evaluated],
      nftRules,
      conntrackChange: change,
      note:
        filter.verdict !== 'REJECT' && dnat
          ? dnatNote('output.dnat', kernel, world.cluster, {
              evaluated: natRules,
              nftRules: preNft?.nftRules ?? [],
              before: packet,
              after: pass.packet,
              recentBefore,
              now: world.now,
            })
          : !kernel.nft
            ? plainNote
            : filter.verdict !== 'ACCEPT'
              ? modeEngine('nftables').notes.filter('output', plainNote, filter.verdict, nftRules)
              : found
                ? modeEngine('nftables').notes.tracked(plainNote, { nftRules })
                : modeEngine('nftables').notes.noService('output', vip, nftRules, kernel.nft.table),
    }),
  );
  return { pass: { ...pass, mark: filter.mark }, verdict: filter.verdict };
}

/**
 * OUTPUT in IPVS mode for a packet to a ClusterIP: nat OUTPUT (-100), then
 * IPVS's ip_vs_in at LOCAL_OUT (-98) schedules and rewrites it, then filter
 * OUTPUT (0) sees the real server's address.
 */
function outputThroughIpvs(
  world: World,
  kernel: NodeKernel,
  packet: Packet,
  pass: NetfilterPass,
  natRules: readonly EvaluatedRule[],
  change: PacketStep['conntrackChange'],
  record: RecordStep,
): OutputResult {
  const node = kernel.node;
  const here = device(node.name, 'OUTPUT');
  record(
    stepDraft({
      kind: pass.conn.kind === 'new' ? 'hook' : 'conntrack-hit',
      node: node.name,
      at: device(node.name, 'host'),
      to: here,
      hook: 'OUTPUT',
      packet,
      after: pass.packet,
      rules: natRules,
      conntrackChange: change,
      note: { id: 'output.ipvs-nat', params: { node: node.name, vip: `${packet.dstIp}:${packet.dstPort}` } },
    }),
  );
  const rewritten = modeEngine('ipvs').rewrite(world, kernel, pass, 'OUTPUT', record);
  if (rewritten.kind === 'rejected') return { pass: { ...pass, packet: rewritten.packet }, verdict: 'REJECT', by: rewritten.by };
  if (rewritten.kind !== 'forwarded') return { pass, verdict: 'DROP' };
  const filter = filterHook(
    world,
    kernel,
    rewritten.pass,
    'OUTPUT',
    { inDev: null, outDev: null },
    { at: here, to: () => here },
    () => ({ id: 'output.after-ipvs', params: { node: node.name } }),
    record,
  );
  return { pass: filter.pass, verdict: filter.verdict };
}

/**
 * INPUT, for a packet addressed to the node itself: filter INPUT (priority 0),
 * then conntrack's source-side NAT (un-DNAT of a reply) at priority 100 and
 * the confirmation of a new entry. The packet is then handed to the socket.
 */
export function input(
  world: World,
  kernel: NodeKernel,
  pass: NetfilterPass,
  inDev: string,
  record: RecordStep,
  stayAtHook = false,
): 'ACCEPT' | 'DROP' | 'REJECT' {
  const node = kernel.node;
  const filter = hookRules(
    world,
    kernel,
    'filter',
    'INPUT',
    { packet: pass.packet, mark: pass.mark, ctstate: pass.ctstate, inInterface: inDev, outInterface: null },
    { nat: pass.conn.kind === 'new' },
  );
  let after = filter.packet;
  let change = null;
  if (filter.verdict === 'ACCEPT') {
    if (pass.conn.kind === 'new') {
      const created = createConntrackEntry(
        kernel.conntrack,
        pass.conn.origPacket,
        pass.conn.dnat ? { dnat: pass.conn.dnat } : {},
        world.now,
        world.timeouts,
      );
      kernel.conntrack = created.table;
      change = { node: node.name, entryId: created.entry.id, change: 'new' as const, from: '', to: created.entry.state ?? '' };
    } else {
      const entry = findConntrackEntry(kernel.conntrack, pass.conn.entryId);
      if (entry) after = applyNatAtHook(entry, after, pass.conn.direction, 'INPUT');
    }
  }
  const rewritten = !samePacket(pass.packet, after);
  const note = {
    id: filter.verdict !== 'ACCEPT' ? `input.${filter.verdict.toLowerCase()}` : rewritten ? 'input.un-dnat' : 'input.deliver',
    params: { node: node.name, src: `${after.srcIp}:${after.srcPort}`, was: `${pass.packet.srcIp}:${pass.packet.srcPort}` },
  };
  record(
    stepDraft({
      kind: filter.verdict === 'REJECT' ? 'reject' : filter.verdict === 'DROP' ? 'drop' : rewritten ? 'reverse-nat' : 'deliver',
      node: node.name,
      at: device(node.name, 'INPUT'),
      // A packet filter INPUT stops never reaches the socket: it stays at the hook.
      to: device(node.name, stayAtHook || filter.verdict !== 'ACCEPT' ? 'INPUT' : 'host'),
      hook: 'INPUT',
      packet: pass.packet,
      after,
      rules: filter.evaluated,
      nftRules: filter.nftRules,
      conntrackChange: change,
      note:
        kernel.nft && filter.verdict !== 'ACCEPT'
          ? modeEngine('nftables').notes.filter('input', note, filter.verdict, filter.nftRules)
          : withDropReason(note, filter.verdict, filter.evaluated),
    }),
  );
  return filter.verdict;
}

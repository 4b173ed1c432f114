import {
  applyNatAtHook,
  createConntrackEntry,
  findConntrackEntry,
  isValidFirstPacket,
  lookupConntrack,
  replaceConntrackEntry,
  updateConntrack,
} from '../conntrack';
import { device, stepDraft, type RecordStep } from './step-draft';
import type { NetfilterPass } from './netfilter-pass';
import type { NodeKernel, World } from './world';
import { dnatNote } from './dnat-note';
import { ipvsPreroutingNote } from './ipvs-prerouting-note';
import { filterHook, type FilterVerdict } from './filter-hook';
import { hookRules, nftAtHook } from './nft-hooks';
import { modeEngine } from './mode-engines';
import { externalChainNote, nftExternalChainNote } from './external-chain-note';
import type { Packet } from '../net/packet';

export const samePacket = (a: Packet, b: Packet) =>
  a.srcIp === b.srcIp && a.dstIp === b.dstIp && a.srcPort === b.srcPort && a.dstPort === b.dstPort;

/**
 * PREROUTING: raw, conntrack, mangle, nat (priorities -300, -200, -150, -100).
 * kube-proxy writes nothing into raw and mangle, so only two things happen:
 * conntrack looks the packet up, and, for the first packet of a connection
 * only, nat PREROUTING jumps to KUBE-SERVICES, where the DNAT is decided. Later
 * packets are rewritten from the conntrack entry without any nat rule. In nftables
 * mode the same happens in `table ip kube-proxy`'s chains: filter-prerouting-pre-dnat
 * (dstnat - 10) on every packet, nat-prerouting (dstnat) on the first one only. A
 * chain's drop or reject (none of kube-proxy's for a ClusterIP) ends the walk here.
 */
export function prerouting(
  world: World,
  kernel: NodeKernel,
  packet: Packet,
  inDev: string,
  record: RecordStep,
): NetfilterPass & { readonly verdict: FilterVerdict } {
  const node = kernel.node;
  const here = device(node.name, 'PREROUTING');
  const found = lookupConntrack(kernel.conntrack, packet, world.now);
  if (found) {
    const update = updateConntrack(kernel.conntrack, found.entry.id, packet, found.direction, world.now, world.timeouts);
    kernel.conntrack = update.table;
    const after = applyNatAtHook(update.entry, packet, found.direction, 'PREROUTING');
    const invalid = update.outcome === 'invalid';
    const rewritten = !samePacket(packet, after);
    const entry = update.entry;
    const established = found.direction === 'reply' || entry.seenReply;
    const ctstate: NetfilterPass['ctstate'] = invalid
      ? ['INVALID']
      : [established ? 'ESTABLISHED' : 'NEW', ...(entry.dnat ? (['DNAT'] as const) : []), ...(entry.snat ? (['SNAT'] as const) : [])];
    // The filter chains before dstnat see the packet before conntrack's NAT (at dstnat) rewrites it.
    const nft = nftAtHook(
      world,
      kernel,
      'PREROUTING',
      { packet, mark: 0, ctstate, inInterface: inDev, outInterface: null },
      { nat: false },
    );
    const verdict = nft?.verdict ?? 'ACCEPT';
    const trackedNote = {
      id: invalid
        ? 'prerouting.invalid'
        : rewritten
          ? found.direction === 'reply'
            ? 'prerouting.un-snat'
            : 'prerouting.conntrack-dnat'
          : update.to
            ? 'prerouting.conntrack'
            : 'prerouting.conntrack-stateless',
      params: { node: node.name, direction: found.direction, from: update.from, to: update.to, dst: `${after.dstIp}:${after.dstPort}` },
    };
    record(
      stepDraft({
        kind:
          verdict !== 'ACCEPT'
            ? verdict === 'REJECT'
              ? 'reject'
              : 'drop'
            : rewritten && found.direction === 'reply'
              ? 'reverse-nat'
              : 'conntrack-hit',
        node: node.name,
        at: here,
        to: here,
        hook: 'PREROUTING',
        packet,
        after,
        conntrackChange: {
          node: node.name,
          entryId: found.entry.id,
          change: update.from === update.to ? 'hit' : 'update',
          from: update.from,
          to: update.to,
        },
        nftRules: nft?.nftRules ?? [],
        note: nft ? modeEngine('nftables').notes.tracked(trackedNote, nft) : trackedNote,
      }),
    );
    return {
      packet: after,
      mark: nft?.mark ?? 0,
      conn: { kind: 'tracked', entryId: entry.id, direction: found.direction, invalid },
      ctstate,
      verdict,
    };
  }
  const invalid = !isValidFirstPacket(packet);
  const recentBefore = kernel.recent;
  const result = hookRules(
    world,
    kernel,
    'nat',
    'PREROUTING',
    { packet, mark: 0, ctstate: [invalid ? 'INVALID' : 'NEW'], inInterface: inDev, outInterface: null },
    { nat: true },
  );
  const dnat = result.nat?.kind === 'dnat' ? { ip: result.nat.ip, port: result.nat.port } : null;
  const vip = { node: node.name, vip: `${packet.dstIp}:${packet.dstPort}` };
  record(
    stepDraft({
      kind: result.verdict !== 'ACCEPT' ? (result.verdict === 'REJECT' ? 'reject' : 'drop') : dnat ? 'dnat' : 'hook',
      node: node.name,
      at: here,
      to: here,
      hook: 'PREROUTING',
      packet,
      after: result.packet,
      rules: result.evaluated,
      nftRules: result.nftRules,
      note: dnat
        ? dnatNote('prerouting.dnat', kernel, world.cluster, {
            evaluated: result.evaluated,
            nftRules: result.nftRules,
            before: packet,
            after: result.packet,
            recentBefore,
            now: world.now,
          })
        : kernel.nft
          ? result.verdict !== 'ACCEPT'
            ? // filter-prerouting-pre-dnat (dstnat - 10) refused it before nat-prerouting looked anything up.
              modeEngine('nftables').notes.filter('prerouting', { id: 'prerouting.nft-drop', params: vip }, result.verdict, result.nftRules)
            : (nftExternalChainNote('prerouting', vip, result.nftRules) ??
              modeEngine('nftables').notes.noService('prerouting', vip, result.nftRules, kernel.nft.table))
          : // iptables mode: a node port's packet that its Service's external chain returned undone.
            // IPVS mode: KUBE-SERVICES accepts a ClusterIP it finds in the KUBE-CLUSTER-IP ipset, marks or
            // keeps a node port's, load balancer's or external IP's packet; IPVS rewrites it later.
            (externalChainNote('prerouting', vip, result.evaluated) ??
            ipvsPreroutingNote(result.evaluated, packet, node.name, kernel.ipvsAddresses.has(packet.dstIp))),
    }),
  );
  return {
    packet: result.packet,
    mark: result.mark,
    conn: { kind: 'new', origPacket: packet, dnat },
    ctstate: invalid ? ['INVALID'] : ['NEW', ...(dnat ? (['DNAT'] as const) : [])],
    verdict: result.verdict,
  };
}

/** filter FORWARD (priority 0): kube-proxy's KUBE-FORWARD, KUBE-SERVICES (REJECT for no endpoints) and firewall chains. */
export function forward(
  world: World,
  kernel: NodeKernel,
  pass: NetfilterPass,
  inDev: string,
  outDev: string,
  record: RecordStep,
  stayAtHook = false,
) {
  const node = kernel.node;
  return filterHook(
    world,
    kernel,
    pass,
    'FORWARD',
    { inDev, outDev },
    { at: device(node.name, 'FORWARD'), to: (v) => device(node.name, v === 'ACCEPT' && !stayAtHook ? 'POSTROUTING' : 'FORWARD') },
    (v) => ({
      id: `forward.${v.toLowerCase()}`,
      params: { node: node.name, src: pass.packet.srcIp, dst: `${pass.packet.dstIp}:${pass.packet.dstPort}` },
    }),
    record,
  );
}

/**
 * nat POSTROUTING (priority 100) for a connection's first packet:
 * KUBE-POSTROUTING masquerades what KUBE-MARK-MASQ marked; then conntrack
 * confirms the entry (priority INT_MAX), and only now does `conntrack -L` show
 * it. Later packets get the entry's source-side NAT: on a reply that is the
 * un-DNAT that gives the Service IP back as the source.
 */
export function postrouting(world: World, kernel: NodeKernel, pass: NetfilterPass, outDev: 'cbr0' | 'eth0', record: RecordStep): Packet {
  const node = kernel.node;
  const at = device(node.name, 'POSTROUTING');
  const to = device(node.name, outDev);
  const conn = pass.conn;
  if (conn.kind === 'new') {
    const result = hookRules(
      world,
      kernel,
      'nat',
      'POSTROUTING',
      { packet: pass.packet, mark: pass.mark, ctstate: pass.ctstate, inInterface: null, outInterface: outDev },
      { nat: true },
    );
    const masq = result.nat?.kind === 'masquerade' ? result.nat : null;
    const snat = masq
      ? {
          ip: outDev === 'cbr0' ? node.bridgeIp : node.ip,
          // --random-fully: nf_nat picks the port at random from 1024-65535
          // (prandom in nf_nat_l4proto_unique_tuple); without it the source
          // port is kept when free.
          port: masq.randomFully ? world.rng.nextInt(1024, 65535) : pass.packet.srcPort,
        }
      : null;
    let created = createConntrackEntry(
      kernel.conntrack,
      conn.origPacket,
      { ...(conn.dnat ? { dnat: conn.dnat } : {}), ...(snat ? { snat } : {}) },
      world.now,
      world.timeouts,
    );
    if (conn.byIpvs) {
      const entry = { ...created.entry, dnat: false };
      created = { table: replaceConntrackEntry(created.table, entry), entry };
    }
    kernel.conntrack = created.table;
    const after = snat ? { ...pass.packet, srcIp: snat.ip, srcPort: snat.port } : pass.packet;
    const confirmNote = {
      id: snat ? 'postrouting.masquerade' : conn.dnat ? 'postrouting.confirm-dnat' : 'postrouting.confirm',
      params: { node: node.name, src: `${after.srcIp}:${after.srcPort}`, dev: outDev },
    };
    record(
      stepDraft({
        kind: snat ? 'snat' : 'conntrack-new',
        node: node.name,
        at,
        to,
        hook: 'POSTROUTING',
        packet: pass.packet,
        after,
        rules: result.evaluated,
        nftRules: result.nftRules,
        conntrackChange: { node: node.name, entryId: created.entry.id, change: 'new', from: '', to: created.entry.state ?? '' },
        note: kernel.nft ? modeEngine('nftables').notes.postrouting(confirmNote, result.nftRules) : confirmNote,
      }),
    );
    return after;
  }
  const entry = findConntrackEntry(kernel.conntrack, conn.entryId);
  const after = entry ? applyNatAtHook(entry, pass.packet, conn.direction, 'POSTROUTING') : pass.packet;
  const rewritten = !samePacket(pass.packet, after);
  // Only filter chains run on a tracked packet here (kube-proxy has none at postrouting; its nat chain is skipped).
  const nft = nftAtHook(world, kernel, 'POSTROUTING', { ...pass, inInterface: null, outInterface: outDev }, { nat: false });
  record(
    stepDraft({
      kind: rewritten ? (conn.direction === 'reply' ? 'reverse-nat' : 'snat') : 'hook',
      node: node.name,
      at,
      to,
      hook: 'POSTROUTING',
      packet: pass.packet,
      after,
      nftRules: nft?.nftRules ?? [],
      note: {
        id: rewritten ? (conn.direction === 'reply' ? 'postrouting.un-dnat' : 'postrouting.conntrack-snat') : 'postrouting.established',
        params: {
          node: node.name,
          src: `${after.srcIp}:${after.srcPort}`,
          was: `${pass.packet.srcIp}:${pass.packet.srcPort}`,
          dev: outDev,
        },
      },
    }),
  );
  return after;
}

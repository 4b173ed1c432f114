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
import { evaluateChain } from '../netfilter';
import { envOf } from './evaluate-env';
import { dnatNote } from './dnat-note';
import { filterHook } from './filter-hook';
import type { Packet } from '../net/packet';

export const samePacket = (a: Packet, b: Packet) =>
  a.srcIp === b.srcIp && a.dstIp === b.dstIp && a.srcPort === b.srcPort && a.dstPort === b.dstPort;

/**
 * PREROUTING: raw, conntrack, mangle, nat (priorities -300, -200, -150, -100).
 * kube-proxy writes nothing into raw and mangle, so only two things happen:
 * conntrack looks the packet up, and, for the first packet of a connection
 * only, nat PREROUTING jumps to KUBE-SERVICES, where the DNAT is decided. Later
 * packets are rewritten from the conntrack entry without any nat rule.
 */
export function prerouting(world: World, kernel: NodeKernel, packet: Packet, inDev: string, record: RecordStep): NetfilterPass {
  const node = kernel.node;
  const here = device(node.name, 'PREROUTING');
  const found = lookupConntrack(kernel.conntrack, packet, world.now);
  if (found) {
    const update = updateConntrack(kernel.conntrack, found.entry.id, packet, found.direction, world.now, world.timeouts);
    kernel.conntrack = update.table;
    const after = applyNatAtHook(update.entry, packet, found.direction, 'PREROUTING');
    const invalid = update.outcome === 'invalid';
    const rewritten = !samePacket(packet, after);
    record(
      stepDraft({
        kind: rewritten && found.direction === 'reply' ? 'reverse-nat' : 'conntrack-hit',
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
        note: {
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
        },
      }),
    );
    const entry = update.entry;
    const established = found.direction === 'reply' || entry.seenReply;
    return {
      packet: after,
      mark: 0,
      conn: { kind: 'tracked', entryId: entry.id, direction: found.direction, invalid },
      ctstate: invalid
        ? ['INVALID']
        : [established ? 'ESTABLISHED' : 'NEW', ...(entry.dnat ? (['DNAT'] as const) : []), ...(entry.snat ? (['SNAT'] as const) : [])],
    };
  }
  const invalid = !isValidFirstPacket(packet);
  const recentBefore = kernel.recent;
  const result = evaluateChain(
    kernel.ruleset,
    'nat',
    'PREROUTING',
    { packet, mark: 0, ctstate: [invalid ? 'INVALID' : 'NEW'], inInterface: inDev, outInterface: null },
    envOf(world, kernel),
  );
  kernel.recent = result.recent;
  const dnat = result.nat?.kind === 'dnat' ? { ip: result.nat.ip, port: result.nat.port } : null;
  record(
    stepDraft({
      kind: dnat ? 'dnat' : 'hook',
      node: node.name,
      at: here,
      to: here,
      hook: 'PREROUTING',
      packet,
      after: result.packet,
      rules: result.evaluated,
      note: dnat
        ? dnatNote('prerouting.dnat', kernel, world.cluster, {
            evaluated: result.evaluated,
            before: packet,
            after: result.packet,
            recentBefore,
            now: world.now,
          })
        : {
            // IPVS mode: KUBE-SERVICES accepts a ClusterIP it finds in the KUBE-CLUSTER-IP ipset; IPVS rewrites it later.
            id: kernel.ipvsAddresses.has(packet.dstIp) ? 'prerouting.ipvs-accept' : 'prerouting.no-service',
            params: { node: node.name, vip: `${packet.dstIp}:${packet.dstPort}` },
          },
    }),
  );
  return {
    packet: result.packet,
    mark: result.mark,
    conn: { kind: 'new', origPacket: packet, dnat },
    ctstate: invalid ? ['INVALID'] : ['NEW', ...(dnat ? (['DNAT'] as const) : [])],
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
    const result = evaluateChain(
      kernel.ruleset,
      'nat',
      'POSTROUTING',
      { packet: pass.packet, mark: pass.mark, ctstate: pass.ctstate, inInterface: null, outInterface: outDev },
      envOf(world, kernel),
    );
    kernel.recent = result.recent;
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
        conntrackChange: { node: node.name, entryId: created.entry.id, change: 'new', from: '', to: created.entry.state ?? '' },
        note: {
          id: snat ? 'postrouting.masquerade' : conn.dnat ? 'postrouting.confirm-dnat' : 'postrouting.confirm',
          params: { node: node.name, src: `${after.srcIp}:${after.srcPort}`, dev: outDev },
        },
      }),
    );
    return after;
  }
  const entry = findConntrackEntry(kernel.conntrack, conn.entryId);
  const after = entry ? applyNatAtHook(entry, pass.packet, conn.direction, 'POSTROUTING') : pass.packet;
  const rewritten = !samePacket(pass.packet, after);
  record(
    stepDraft({
      kind: rewritten ? (conn.direction === 'reply' ? 'reverse-nat' : 'snat') : 'hook',
      node: node.name,
      at,
      to,
      hook: 'POSTROUTING',
      packet: pass.packet,
      after,
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

import { createConntrackEntry, emptyConntrackTable, formatConntrackEntry } from '../conntrack';
import { EMPTY_RECENT_LISTS } from '../netfilter/recent-lists';
import { parseIpv4, type Ipv4 } from '../net/ipv4';
import { looksLikeIpv6, parseIpv6 } from '../net/ipv6';
import type { Packet } from '../net/packet';
import { err, ok, type Result } from '../net/result';
import { createRng } from '../net/rng';
import type { HookName } from '../netfilter/ruleset';
import { runHook as runTables, type NodeWalk } from './node-walk';
import { runNftHook } from './nft-walk';
import type { NodeFacts, NodePacket, NodeRoute, NodeTraceInput, NodeTraceResult, TracedRule } from './node-trace-types';
import { parseIpsetSave, savedIpsetMatches } from './parse-ipset-save';
import { readNodeDump, type NodeDump } from './read-node-dump';
import { routeNodePacket } from './route-node-packet';
import { unmodelledTargets } from './traced-rules';

/**
 * Follows the first packet of a connection through a node's own `iptables-save` output,
 * as the kernel would: raw, mangle, nat and filter at each hook in priority order (or,
 * for `nft list ruleset` output, every ip and inet base chain by priority), for a
 * packet from a pod (through the bridge), from outside (eth0) or from the host. Pure and
 * plain JSON in and out, so a Web Worker can run it; pass `dump` to trace again without
 * reading the text again. An error only for unusable input (no table, a bad packet).
 *
 * @example traceNodeDump({ text, packet: { src: '10.244.1.2', dst: '10.96.0.10', sport: 40000, dport: 53, protocol: 'udp' }, origin: 'pod', facts: { localAddresses: ['10.0.0.2'] } })
 */
export function traceNodeDump(input: NodeTraceInput, dump?: NodeDump): Result<NodeTraceResult> {
  const first = firstPacket(input);
  if (!first.ok) return first;
  const { packet, family } = first.value;
  const read = dump ?? readNodeDump(input.text, input.assumeMatching ? { assumeMatching: input.assumeMatching } : {});
  const unusable = unusableDump(read, family);
  if (unusable !== null) return err(unusable);
  const sets = parseIpsetSave(input.facts.ipsetSave ?? '');
  const facts = canonicalFacts(input.facts);
  const local = new Set(facts.localAddresses);
  const w: NodeWalk = {
    dump: read,
    family,
    env: {
      rng: createRng(input.seed ?? 1),
      now: 0,
      recent: EMPTY_RECENT_LISTS,
      isLocalAddress: (ip) => ip.startsWith('127.') || ip === '::1' || local.has(ip),
      ipsetMatches: (name, flags, p) => savedIpsetMatches(sets, name, flags, p),
    },
    targets: unmodelledTargets(read),
    // MASQUERADE takes the address of the packet's own family (IPv4 or IPv6) the node has.
    masqueradeIp: facts.localAddresses.find((a) => looksLikeIpv6(a) === (family === 6)),
    packet,
    mark: 0,
    untracked: false,
    dnat: undefined,
    snat: undefined,
    passes: [],
    nftDynamic: {},
  };
  const route = walkHooks(w, { ...input, facts });
  return ok(resultOf(w, input, packet, route));
}

/** Why a dump cannot be traced for a packet of this family, or null. */
function unusableDump(read: NodeDump, family: 4 | 6): string | null {
  if (read.tablesFound === 0)
    return 'no table found: paste iptables-save output (it starts with *filter, *nat...) or nft list ruleset output';
  const [mine, other] = family === 6 ? ['IPv6', 'IPv4'] : ['IPv4', 'IPv6'];
  if (read.nft !== undefined) {
    const own = family === 6 ? 'ip6' : 'ip';
    if (read.nft.tables.some((t) => t.family === own || t.family === 'inet')) return null;
    const hint = read.nft.tables.some((t) => t.family === (family === 6 ? 'ip' : 'ip6'))
      ? `: its tables are ${other}, give ${other} addresses`
      : '';
    return `no ${own} or inet table found for an ${mine} packet${hint}`;
  }
  const [own, others] = family === 6 ? [read.ruleset6, read.ruleset] : [read.ruleset, read.ruleset6];
  if (own.tables.length > 0) return null;
  const tool = family === 6 ? 'ip6tables-save' : 'iptables-save';
  const hint =
    others.tables.length > 0
      ? `: the dump has only ${family === 6 ? 'iptables-save' : 'ip6tables-save'} tables, give ${other} addresses`
      : '';
  return `no ${mine} raw, mangle, nat or filter table (${tool}) found for an ${mine} packet${hint}`;
}

/** The node facts with their addresses canonical (an IPv6 address may be typed in any of its forms); what is not an address stays as given. */
function canonicalFacts(facts: NodeFacts): NodeFacts {
  const canonical = (a: string): string => {
    const p = looksLikeIpv6(a) ? parseIpv6(a) : parseIpv4(a);
    return p.ok ? p.value : a;
  };
  return { ...facts, localAddresses: facts.localAddresses.map(canonical) };
}

/**
 * The hooks in the order the packet meets them, each with the devices the kernel hands it
 * (`in` and `out`; null where there is none: no out device before routing, no in device for a
 * packet the node sends); the routing decision (null when dropped before it). POSTROUTING of
 * a forwarded packet has its in device too (ip_output passes skb->dev, still the device it came
 * in on: nft's `iifname` matches it there, as a kernel showed in a network namespace; iptables
 * refuses `-i` in POSTROUTING, so its rules never ask).
 */
function walkHooks(w: NodeWalk, input: NodeTraceInput): NodeRoute | null {
  const facts = input.facts;
  const nft = w.dump.nft;
  const runHook =
    nft === undefined
      ? runTables
      : (w: NodeWalk, hook: HookName, inDevice: string | null, outDevice: string | null) =>
          runNftHook(w, nft, hook, { in: inDevice, out: outDevice });
  if (input.origin === 'host') {
    // A local packet is routed before OUTPUT and again after nat OUTPUT's DNAT (ip_route_me_harder).
    if (!runHook(w, 'OUTPUT', null, routeNodePacket(facts, w.packet.dstIp).outInterface)) return null;
    const route = routeNodePacket(facts, w.packet.dstIp);
    if (!runHook(w, 'POSTROUTING', null, route.outInterface)) return route;
    if (route.to === 'local') runHook(w, 'INPUT', 'lo', null);
    return route;
  }
  const inInterface = input.origin === 'pod' ? (facts.podInterface ?? 'cbr0') : 'eth0';
  if (!runHook(w, 'PREROUTING', inInterface, null)) return null;
  const route = routeNodePacket(facts, w.packet.dstIp);
  if (route.to === 'local') {
    runHook(w, 'INPUT', inInterface, null);
    return route;
  }
  if (runHook(w, 'FORWARD', inInterface, route.outInterface)) runHook(w, 'POSTROUTING', inInterface, route.outInterface);
  return route;
}

function resultOf(w: NodeWalk, input: NodeTraceInput, first: Packet, route: NodeRoute | null): NodeTraceResult {
  const last = w.passes[w.passes.length - 1];
  const verdict = last === undefined ? 'ACCEPT' : last.verdict;
  const after = w.snat ? { ...w.packet, srcIp: w.snat.ip, srcPort: w.snat.port ?? w.packet.srcPort } : w.packet;
  let conntrack: string | null = null;
  if (verdict === 'ACCEPT' && !w.untracked) {
    const nat = { ...(w.dnat ? { dnat: w.dnat } : {}), ...(w.snat ? { snat: w.snat } : {}) };
    conntrack = formatConntrackEntry(createConntrackEntry(emptyConntrackTable(), first, nat, 0).entry, 0);
  }
  return {
    kind: w.dump.kind,
    passes: w.passes,
    route,
    verdict,
    decidingRule: decidingRule(w, verdict),
    packetBefore: plain(first),
    packetAfter: plain(after),
    conntrack,
    notes: w.dump.notes,
  };
}

/** The rule that dropped or rejected the packet; else the DNAT rule; else the last rule filter accepted with. */
function decidingRule(w: NodeWalk, verdict: NodeTraceResult['verdict']): TracedRule | null {
  const decided = w.passes.flatMap((p) => p.rules.filter((r) => r.decided));
  if (verdict !== 'ACCEPT') return w.passes[w.passes.length - 1]?.rules.find((r) => r.decided) ?? null;
  return decided.find((r) => r.verdict === 'dnat') ?? decided.filter((r) => r.table === 'filter').pop() ?? null;
}

/**
 * The first packet from the user's description, and its family. An IPv6 packet carries its
 * canonical text in the Packet's address fields (typed Ipv4: the walk reads them by family,
 * see evaluateChain), so every rule, NAT and conntrack line prints it as the kernel does.
 */
function firstPacket(input: NodeTraceInput): Result<{ packet: Packet; family: 4 | 6 }> {
  const { src, dst, sport, dport, protocol } = input.packet;
  const family = looksLikeIpv6(src) ? 6 : 4;
  if (looksLikeIpv6(dst) !== (family === 6))
    return err(`source ${src} and destination ${dst} are of different families: a packet is IPv4 or IPv6`);
  const parse = (text: string): Result<Ipv4> => (family === 6 ? (parseIpv6(text) as Result<string> as Result<Ipv4>) : parseIpv4(text));
  const s = parse(src);
  const d = parse(dst);
  if (!s.ok) return err(`source: ${s.error}`);
  if (!d.ok) return err(`destination: ${d.error}`);
  for (const [name, port] of [
    ['source port', sport],
    ['destination port', dport],
  ] as const)
    if (!Number.isInteger(port) || port < 1 || port > 65535) return err(`${name} must be 1 to 65535, not ${port}`);
  const zero = '00:00:00:00:00:00';
  const packet: Packet = {
    srcMac: zero,
    dstMac: zero,
    srcIp: s.value,
    dstIp: d.value,
    protocol,
    srcPort: sport,
    dstPort: dport,
    flags: protocol === 'tcp' ? ['SYN'] : [],
    ttl: 64,
  };
  return ok({ packet, family });
}

function plain(p: Packet): NodePacket {
  return { src: p.srcIp as string, dst: p.dstIp as string, sport: p.srcPort, dport: p.dstPort, protocol: p.protocol };
}

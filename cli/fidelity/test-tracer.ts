import { parseIp, type IpAddress } from '../../src/kube-proxy/ip-address';
import { findChain, type AddressMatch, type Rule, type Ruleset, type TableName } from '../../src/netfilter';

/** A packet as kube-proxy's packetFlowTest describes it. */
export interface KubeProxyTestFlow {
  readonly sourceIP: string;
  readonly protocol: string;
  readonly destIP: string;
  readonly destPort: number;
}

export interface KubeProxyTestTrace {
  /** "", "ACCEPT", "DROP", "REJECT" or "ip:port, ip:port" (every terminal target reached). */
  readonly output: string;
  /** True when some matching rule jumped to KUBE-MARK-MASQ. */
  readonly masq: boolean;
}

interface TracerState {
  readonly ruleset: Ruleset;
  /** The parsed address (null when it does not parse, as "[fd00" after an IPv6 DNAT), and its text. */
  readonly src: IpAddress | null;
  readonly srcText: string;
  readonly protocol: string;
  dest: IpAddress | null;
  destText: string;
  readonly destPort: number;
  readonly local: ReadonlySet<string>;
  readonly outputs: string[];
  /** The first DNAT's destination as written ("10.180.0.1:80", "[fd00:10:180::1]:80"). */
  firstDnat: string | null;
  masq: boolean;
}

/**
 * kube-proxy's test tracer (tracePacket / iptablesTracer in
 * pkg/proxy/iptables/proxier_test.go), reproduced so that the fidelity corpus'
 * `packetFlows` compare exactly (harness.packetFlowSemantics). It is NOT the kernel:
 * every `--probability` branch is explored, `--rcheck`/`--mark`/`--ctstate` rules never
 * match, and interfaces are ignored. Use `evaluateChain` for real packet walks. IPv4 and
 * IPv6 (ip6tables) rulesets alike; an address never matches one of the other family.
 *
 * @example traceKubeProxyTestPacket(rules, { sourceIP: '10.0.0.2', protocol: 'TCP', destIP: '172.30.0.41', destPort: 80 }, ['192.168.0.2'])
 *   // { output: '10.180.0.1:80', masq: false }
 */
export function traceKubeProxyTestPacket(ruleset: Ruleset, flow: KubeProxyTestFlow, localIPs: readonly string[]): KubeProxyTestTrace {
  const src = canonical(flow.sourceIP);
  const dst = canonical(flow.destIP);
  const state: TracerState = {
    ruleset,
    src: src.ip,
    srcText: src.text,
    protocol: flow.protocol.toLowerCase(),
    dest: dst.ip,
    destText: dst.text,
    destPort: flow.destPort,
    // The tracer treats 127.0.0.1, ::1 and the node IPs as LOCAL.
    local: new Set(['127.0.0.1', '::1', ...localIPs.map((ip) => canonical(ip).text)]),
    outputs: [],
    firstDnat: null,
    masq: false,
  };
  // nat PREROUTING jumps to KUBE-SERVICES. kube-proxy's restore input does not contain
  // that jump (it is ensured separately), so start at KUBE-SERVICES when PREROUTING is empty.
  const prerouting = findChain(ruleset, 'nat', 'PREROUTING');
  runChain(state, 'nat', prerouting !== undefined && prerouting.rules.length > 0 ? 'PREROUTING' : 'KUBE-SERVICES');
  // The first DNAT's text before its first ':' becomes the destination (IPv6: "[fd00", which
  // matches no address, as in the Go tracer); the port is left unchanged.
  if (state.firstDnat !== null) {
    const d = canonical(state.firstDnat.split(':')[0] ?? '');
    state.dest = d.ip;
    state.destText = d.text;
  }
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
    runChain(state, 'filter', chain);
  }
  return { output: state.outputs.join(', '), masq: state.masq };
}

/** Returns true when the chain reached a terminal target (and the caller should stop). */
function runChain(state: TracerState, table: TableName, name: string): boolean {
  const chain = findChain(state.ruleset, table, name);
  if (chain === undefined) return false;
  for (const rule of chain.rules) {
    const t = rule.target;
    if (t.kind === 'none' || !ruleMatches(state, rule)) continue;
    switch (t.kind) {
      case 'accept':
      case 'drop':
      case 'reject':
        state.outputs.push(t.kind.toUpperCase());
        return true;
      case 'dnat':
      case 'dnat6': {
        const to = t.port === null ? t.ip : t.kind === 'dnat6' ? `[${t.ip}]:${t.port}` : `${t.ip}:${t.port}`;
        state.outputs.push(to);
        state.firstDnat ??= to;
        return true;
      }
      case 'jump':
      case 'goto': {
        if (t.chain === 'KUBE-MARK-MASQ') {
          state.masq = true;
          continue;
        }
        const terminated = runChain(state, table, t.chain);
        // A --probability jump does not stop the caller, so every endpoint is listed.
        const probabilistic = rule.matches.some((m) => m.kind === 'statistic');
        if (terminated && !probabilistic) return true;
        continue;
      }
      default:
        // RETURN, MARK, SNAT, MASQUERADE: the Go tracer treats any other target as a
        // chain name, and no such chain exists, so the rule has no effect.
        continue;
    }
  }
  return false;
}

function ruleMatches(state: TracerState, rule: Rule): boolean {
  if (rule.source !== null && !addressMatches(state.src, state.srcText, rule.source)) return false;
  if (rule.destination !== null && !addressMatches(state.dest, state.destText, rule.destination)) return false;
  if (rule.protocol !== null && (rule.protocol.name === state.protocol) === rule.protocol.negated) return false;
  for (const m of rule.matches) {
    switch (m.kind) {
      case 'addrtype':
        if (m.src !== null && !typeMatches(state, state.srcText, m.src)) return false;
        if (m.dst !== null && !typeMatches(state, state.destText, m.dst)) return false;
        break;
      case 'ports':
        if (m.dport !== null && (m.dport.from <= state.destPort && state.destPort <= m.dport.to) === m.dport.negated) return false;
        break;
      // Rules that check past state (affinity, marks, conntrack) never match in the tracer.
      case 'recent':
        if (m.mode === 'rcheck') return false;
        break;
      case 'mark':
      case 'conntrack':
        return false;
      default:
        break;
    }
  }
  return true;
}

/** Go's addressMatches: a packet address that does not parse is the test's own error (t.Fatalf there). */
function addressMatches(ip: IpAddress | null, text: string, a: AddressMatch): boolean {
  if (ip === null) throw new Error(`bad IP ${JSON.stringify(text)} against ${a.saveText}`);
  const inside =
    a.network6 === null
      ? ip.family === 'IPv4' && (Number(ip.value) & a.mask) >>> 0 === a.network
      : ip.family === 'IPv6' && ip.value >> BigInt(128 - a.prefix) === a.network6 >> BigInt(128 - a.prefix);
  return inside !== a.negated;
}

function typeMatches(state: TracerState, ip: string, check: { negated: boolean; type: string }): boolean {
  const isType = check.type === 'LOCAL' && state.local.has(ip);
  return isType !== check.negated;
}

function canonical(text: string): { ip: IpAddress | null; text: string } {
  const ip = parseIp(text);
  return { ip, text: ip === null ? text : ip.text };
}

import { ipv4ToNumber, parseIpv4 } from '../../src/net/ipv4';
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
  readonly srcNum: number | null;
  readonly srcText: string;
  readonly protocol: string;
  destNum: number | null;
  destText: string;
  readonly destPort: number;
  readonly local: ReadonlySet<string>;
  readonly outputs: string[];
  firstDnat: string | null;
  masq: boolean;
}

/**
 * kube-proxy's test tracer (tracePacket / iptablesTracer in
 * pkg/proxy/iptables/proxier_test.go), reproduced so that the fidelity corpus'
 * `packetFlows` compare exactly (harness.packetFlowSemantics). It is NOT the kernel:
 * every `--probability` branch is explored, `--rcheck`/`--mark`/`--ctstate` rules never
 * match, and interfaces are ignored. Use `evaluateChain` for real packet walks.
 *
 * @example traceKubeProxyTestPacket(rules, { sourceIP: '10.0.0.2', protocol: 'TCP', destIP: '172.30.0.41', destPort: 80 }, ['192.168.0.2'])
 *   // { output: '10.180.0.1:80', masq: false }
 */
export function traceKubeProxyTestPacket(ruleset: Ruleset, flow: KubeProxyTestFlow, localIPs: readonly string[]): KubeProxyTestTrace {
  const src = canonical(flow.sourceIP);
  const dst = canonical(flow.destIP);
  const state: TracerState = {
    ruleset,
    srcNum: src.num,
    srcText: src.text,
    protocol: flow.protocol.toLowerCase(),
    destNum: dst.num,
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
  // The first DNAT's address becomes the destination; the port is left unchanged.
  if (state.firstDnat !== null) {
    const d = canonical(state.firstDnat);
    state.destNum = d.num;
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
        state.outputs.push(t.port === null ? t.ip : `${t.ip}:${t.port}`);
        state.firstDnat ??= t.ip;
        return true;
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
  if (rule.source !== null && !addressMatches(state.srcNum, rule.source)) return false;
  if (rule.destination !== null && !addressMatches(state.destNum, rule.destination)) return false;
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

function addressMatches(ip: number | null, a: AddressMatch): boolean {
  const inside = ip !== null && (ip & a.mask) >>> 0 === a.network;
  return inside !== a.negated;
}

function typeMatches(state: TracerState, ip: string, check: { negated: boolean; type: string }): boolean {
  const isType = check.type === 'LOCAL' && state.local.has(ip);
  return isType !== check.negated;
}

function canonical(text: string): { num: number | null; text: string } {
  const ip = parseIpv4(text);
  return ip.ok ? { num: ipv4ToNumber(ip.value), text: ip.value } : { num: null, text };
}

import { parseIp } from '../../src/kube-proxy/ip-address';
import { evaluateNftHook, type NftHookResult, type NftPacketContext, type NftProgram } from '../../src/nftables';
import type { KubeProxyTestFlow, KubeProxyTestTrace } from './test-tracer';

/** numgen answers scripted for one run: earlier draws follow `script`, later ones take 0; every modulus met is noted. */
interface Choices {
  readonly script: readonly number[];
  readonly mods: number[];
}

const canonical = (ip: string): string => parseIp(ip)?.text ?? ip;

/**
 * kube-proxy's nftables test tracer (tracePacket in pkg/proxy/nftables/helpers_test.go,
 * harness.packetFlowSemantics) on top of the engine's nftables evaluator: the packet goes
 * through the prerouting hook (filter-prerouting-pre-dnat, then nat-prerouting); a drop or
 * reject there is the output. Like the Go tracer, every `numgen` choice is followed (the
 * evaluator runs once per choice, in index order) and each DNAT is listed; then the first
 * DNAT's address (not its port: the tracer keeps the port) goes through the forward hook
 * and, unless that ended it, the input hook. masq: the masquerade mark was set on some run.
 * Unlike the Go tracer, rules are evaluated as the kernel would (sets, negations, affinity);
 * no expected result in the corpus depends on the difference. Where the harness and the
 * expected results disagree, the expected results win: the harness describes the
 * service-map rule for `ip daddr` only, but the IPv6 cases (TestNodePorts/ipv6) expect
 * `ip6 daddr . meta l4proto . th dport vmap @service-ips` to be looked up too.
 *
 * @example traceNftTestPacket(program, { sourceIP: '10.0.0.2', protocol: 'TCP', destIP: '172.30.0.41', destPort: 80 }, ['192.168.0.2'], 0x4000)
 */
export function traceNftTestPacket(
  program: NftProgram,
  flow: KubeProxyTestFlow,
  nodeIPs: readonly string[],
  masqMark: number,
): KubeProxyTestTrace {
  const local = new Set(nodeIPs.map(canonical));
  const family = flow.destIP.includes(':') ? 'ip6' : 'ip';
  const protocol = (flow.protocol.toLowerCase() || 'tcp') as 'tcp' | 'udp' | 'sctp';
  const ctx: NftPacketContext = {
    packet: {
      family,
      saddr: canonical(flow.sourceIP),
      daddr: canonical(flow.destIP),
      l4proto: protocol,
      sport: 40000,
      dport: flow.destPort,
    },
    mark: 0,
    ctState: 'new',
    ctStatus: [],
  };
  const run = (hook: 'prerouting' | 'forward' | 'input', c: NftPacketContext, choices: Choices): NftHookResult =>
    evaluateNftHook(program, hook, c, {
      numgen: (mod) => {
        choices.mods.push(mod);
        return choices.script[choices.mods.length - 1] ?? 0;
      },
      now: 0,
      isLocalAddress: (ip) => local.has(canonical(ip)),
      dynamicSets: {},
    });
  const outputs: string[] = [];
  let masq = false;
  for (let script: number[] | null = []; script !== null;) {
    const choices: Choices = { script, mods: [] };
    const r = run('prerouting', ctx, choices);
    masq ||= (r.mark & masqMark) !== 0;
    if (r.verdict !== 'accept') return { output: r.verdict.toUpperCase(), masq };
    for (const pass of r.chains) if (pass.nat?.kind === 'dnat') outputs.push(dnatText(pass.nat.ip, pass.nat.port));
    script = nextScript(choices);
  }
  const first = outputs[0];
  const dest = first === undefined ? ctx.packet.daddr : canonical(hostOf(first));
  const after: NftPacketContext = { ...ctx, packet: { ...ctx.packet, daddr: dest } };
  for (const hook of ['forward', 'input'] as const) {
    const r = run(hook, after, { script: [], mods: [] });
    masq ||= (r.mark & masqMark) !== 0;
    if (r.verdict !== 'accept') {
      outputs.push(r.verdict.toUpperCase());
      break;
    }
  }
  return { output: outputs.join(', '), masq };
}

/** The next combination of numgen answers after this run's, in index order (an odometer), or null after the last. */
function nextScript(choices: Choices): number[] | null {
  const taken = choices.mods.map((_, i) => choices.script[i] ?? 0);
  for (let i = taken.length - 1; i >= 0; i--) {
    if (taken[i]! + 1 < choices.mods[i]!) return [...taken.slice(0, i), taken[i]! + 1];
  }
  return null;
}

/** Go's net.SplitHostPort's host: "[fd00::1]:80" -> "fd00::1", "10.0.0.1:80" -> "10.0.0.1"; an address without a port as it is. */
function hostOf(target: string): string {
  const m = /^\[(.*)\]:\d+$/.exec(target) ?? /^([0-9.]+):\d+$/.exec(target);
  return m === null ? target : m[1]!;
}

/** `dnat to`'s argument as the tracer records it: "10.180.0.1:80", "[fd00:10:180::1]:80". */
const dnatText = (ip: string, port: number | null): string => (port === null ? ip : ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

import type { IpFamily } from '../../src/kube-proxy/ip-address';
import { parseIptablesRestore, type Ruleset } from '../../src/netfilter';
import type { PacketFlow } from './schema';
import { traceKubeProxyTestPacket } from './test-tracer';

/** Every flow matched (`flows` of them), or the first that did not. */
export type FlowCheck = { readonly kind: 'ok'; readonly flows: number } | { readonly kind: 'fail'; readonly detail: string };

/**
 * Parses a whole-table ruleset for the tracer. Rules that do not parse are a FAIL, never a
 * skip: kube-proxy's output is always valid iptables-restore input, so a generator that
 * writes something else is wrong even when no flow would have looked at it. An IPv6
 * proxier's text is ip6tables-restore input.
 */
export function parseRules(
  text: string,
  whose: string,
  family: IpFamily = 'IPv4',
): { readonly ok: true; readonly value: Ruleset } | { readonly ok: false; readonly detail: string } {
  const parsed = parseIptablesRestore(text, { family });
  return parsed.ok ? parsed : { ok: false, detail: `${whose} rules do not parse: ${parsed.error}` };
}

/**
 * Runs packet flows through kube-proxy's test tracer (harness.packetFlowSemantics) on a
 * whole-table ruleset (built-in chains and their jumps included).
 */
export function checkFlows(ruleset: Ruleset, flows: readonly PacketFlow[], localIPs: readonly string[], label = ''): FlowCheck {
  for (const flow of flows) {
    let got: { output: string; masq: boolean };
    try {
      got = traceKubeProxyTestPacket(ruleset, flow, localIPs);
    } catch (e) {
      return { kind: 'fail', detail: `${label}the tracer cannot run flow "${flow.name}": ${(e as Error).message}` };
    }
    if (got.output !== flow.output || got.masq !== flow.masq) {
      return {
        kind: 'fail',
        detail: `${label}flow "${flow.name}": expected output ${JSON.stringify(flow.output)} masq ${flow.masq}, got ${JSON.stringify(got.output)} masq ${got.masq}`,
      };
    }
  }
  return { kind: 'ok', flows: flows.length };
}

import { parseIptablesRestore } from '../../src/netfilter';
import { traceKubeProxyTestPacket } from './test-tracer';
import type { PacketFlow } from './schema';

/** A flow check outcome: null when every flow matched, else why not. */
export type FlowCheck = { readonly kind: 'ok' } | { readonly kind: 'fail' | 'unsupported'; readonly detail: string };

/**
 * Runs packet flows through kube-proxy's test tracer (harness.packetFlowSemantics) on a
 * whole-table ruleset text (built-in chains and their jumps included).
 */
export function checkFlows(rules: string, flows: readonly PacketFlow[], localIPs: readonly string[], label = ''): FlowCheck {
  if (flows.length === 0) return { kind: 'ok' };
  const parsed = parseIptablesRestore(rules);
  if (!parsed.ok) return { kind: 'unsupported', detail: `tracer cannot parse the rules: ${parsed.error}` };
  for (const flow of flows) {
    let got: { output: string; masq: boolean };
    try {
      got = traceKubeProxyTestPacket(parsed.value, flow, localIPs);
    } catch (e) {
      return { kind: 'unsupported', detail: `tracer cannot run flow "${flow.name}": ${(e as Error).message}` };
    }
    if (got.output !== flow.output || got.masq !== flow.masq) {
      return {
        kind: 'fail',
        detail: `${label}flow "${flow.name}": expected output ${JSON.stringify(flow.output)} masq ${flow.masq}, got ${JSON.stringify(got.output)} masq ${got.masq}`,
      };
    }
  }
  return { kind: 'ok' };
}

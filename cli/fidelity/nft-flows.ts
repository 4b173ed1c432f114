import type { NftProgram } from '../../src/nftables';
import { traceNftTestPacket } from './nft-test-tracer';
import type { PacketFlow } from './schema';
import type { FlowCheck } from './trace-flows';

/** Runs packet flows through the nftables test tracer; the first that does not give its expected output and masq fails. */
export function checkNftFlows(
  program: NftProgram,
  flows: readonly PacketFlow[],
  nodeIPs: readonly string[],
  masqMark: number,
  label = '',
): FlowCheck {
  for (const flow of flows) {
    let got: { output: string; masq: boolean };
    try {
      got = traceNftTestPacket(program, flow, nodeIPs, masqMark);
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

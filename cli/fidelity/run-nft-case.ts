import type { EndpointSliceInput, ServiceInput } from '../../src/kube-proxy';
import { printNftTransaction, sortNftTransaction } from '../../src/kube-proxy/nftables';
import { findNftTable, parseNft } from '../../src/nftables';
import { failed, passed, type CaseResult } from './case-result';
import { firstDifference } from './compare-text';
import { checkNftFlows } from './nft-flows';
import { loadGenerated, nftConfigOf, type NftRunContext } from './nft-generator';
import type { NftCase } from './nft-schema';
import { runNftSequence } from './run-nft-sequence';

/** Runs one nftables corpus case against the generator, the nftables parser and the evaluator. */
export function runNftCase(c: NftCase, ctx: NftRunContext): CaseResult {
  try {
    return runUnsafe(c, ctx);
  } catch (e) {
    return failed(c.id, `exception: ${(e as Error).message}`);
  }
}

function runUnsafe(c: NftCase, ctx: NftRunContext): CaseResult {
  if (c.kind === 'sequence-flows') return runNftSequence(c, ctx);
  const table = ctx.generator(nftConfigOf(c.config, ctx), c.services as ServiceInput[], c.endpointSlices as EndpointSliceInput[]);
  const program = loadGenerated(table);
  if (!program.ok) return failed(c.id, program.detail);
  switch (c.kind) {
    case 'rules':
      return checkDump(c, printNftTransaction(table));
    case 'flows': {
      const flows = checkNftFlows(program.value, c.packetFlows, nodeIPsOf(c, ctx), Number(c.config.masqueradeMark));
      if (flows.kind === 'fail') return failed(c.id, flows.detail);
      return passed(c.id, flows.flows, `${flows.flows} flow${flows.flows === 1 ? '' : 's'}`);
    }
    case 'map-element': {
      const { map, elementKey, present } = c.expected;
      const found = table.sets.find((s) => s.name === map)?.elements.some((e) => e.key.join(' . ') === elementKey.join(' . ')) ?? false;
      if (found !== present)
        return failed(
          c.id,
          `${map}: element ${elementKey.join(' . ')} expected ${present ? 'present' : 'absent'}, got ${found ? 'present' : 'absent'}`,
        );
      return passed(c.id, 1, `1 map element ${present ? 'present' : 'absent'}`);
    }
  }
}

/** The tracer's node IPs: the case's own, else the corpus'. */
export const nodeIPsOf = (
  c: { readonly config: { readonly tracerNodeIPs?: readonly string[] | undefined } },
  ctx: NftRunContext,
): readonly string[] => c.config.tracerNodeIPs ?? ctx.tracerNodeIPs;

/**
 * The generated transaction, sorted as kube-proxy's tests sort it, against the expected
 * one; then the expected dump itself read by the nftables parser and printed back, which
 * must sort to the same text (every line kube-proxy writes is understood).
 */
function checkDump(c: Extract<NftCase, { kind: 'rules' }>, dump: string): CaseResult {
  const diff = firstDifference(c.expected.nftDumpSorted, sortNftTransaction(dump));
  if (diff !== null) return failed(c.id, `rules ${diff}`);
  const expected = parseNft(c.expected.nftDump);
  if (!expected.ok) return failed(c.id, `the expected dump does not parse: ${expected.error}`);
  const table = findNftTable(expected.value, c.config.nftablesFamily, c.config.table);
  if (table === undefined) return failed(c.id, `the expected dump has no table ${c.config.nftablesFamily} ${c.config.table}`);
  const back = firstDifference(c.expected.nftDumpSorted, sortNftTransaction(printNftTransaction(table)));
  if (back !== null) return failed(c.id, `the expected dump, parsed and printed back: ${back}`);
  return passed(c.id, 2, '1 full dump; the expected dump parsed and printed back');
}

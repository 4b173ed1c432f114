import { sortIptablesRules, withBuiltinChains, type EndpointSliceInput, type ServiceInput } from '../../src/kube-proxy';
import { failed, nothingCompared, passedComparing, type CaseResult } from './case-result';
import { chainRules, firstDifference } from './compare-text';
import { runLargeCluster } from './run-large-cluster';
import { configOf, type RunContext } from './run-context';
import { runSequence } from './run-sequence';
import type { FidelityCase } from './schema';
import { checkFlows, parseRules } from './trace-flows';

/** Runs one corpus case against the generator and the test tracer. */
export function runCase(c: FidelityCase, ctx: RunContext): CaseResult {
  try {
    return runCaseUnsafe(c, ctx);
  } catch (e) {
    return failed(c.id, `exception: ${(e as Error).message}`);
  }
}

function runCaseUnsafe(c: FidelityCase, ctx: RunContext): CaseResult {
  switch (c.kind) {
    case 'static-rules-trace': {
      // The rules are kube-proxy's own, from the corpus: only the parser and the tracer run.
      const parsed = parseRules(c.rules, "the case's");
      if (!parsed.ok) return failed(c.id, parsed.detail);
      const flows = checkFlows(parsed.value, c.packetFlows, c.config.nodeIPsTreatedAsLOCAL ?? ctx.localIPs);
      if (flows.kind === 'fail') return failed(c.id, flows.detail);
      return passedComparing(c.id, { ...nothingCompared(), flows: flows.flows });
    }
    case 'rules':
    case 'flows':
    case 'chain':
      return runGenerated(c, ctx);
    case 'sequence-flows':
    case 'sequence':
      return runSequence(c, ctx);
    case 'large-cluster-assertions':
      return runLargeCluster(c, ctx);
  }
}

type GeneratedCase = Extract<FidelityCase, { kind: 'rules' | 'flows' | 'chain' }>;

/** One full sync of the case's inputs, compared as a whole dump, chain by chain and by flows. */
function runGenerated(c: GeneratedCase, ctx: RunContext): CaseResult {
  const restore = ctx.generator.fullSync(configOf(c.config, ctx), c.services as ServiceInput[], c.endpointSlices as EndpointSliceInput[]);
  const parsed = parseRules(withBuiltinChains(restore), 'the generated', c.config.ipFamily);
  if (!parsed.ok) return failed(c.id, parsed.detail);
  const sorted = sortIptablesRules(restore);
  const compared = nothingCompared();
  if (c.kind === 'rules') {
    const diff = firstDifference(c.expected.iptablesRestore, sorted);
    if (diff !== null) return failed(c.id, `rules ${diff}`);
    compared.fullDumps++;
  }
  for (const ce of c.chainExpectations ?? []) {
    const diff = firstDifference(ce.rules, chainRules(sorted, ce.table, ce.chain));
    if (diff !== null) return failed(c.id, `${ce.table} ${ce.chain} ${diff}`);
    compared.chains.push(`${ce.table} ${ce.chain}`);
  }
  const flows = checkFlows(parsed.value, c.packetFlows ?? [], ctx.localIPs);
  if (flows.kind === 'fail') return failed(c.id, flows.detail);
  compared.flows += flows.flows;
  return passedComparing(c.id, compared);
}

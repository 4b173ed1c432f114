import type { EndpointSliceInput, ServiceInput } from '../../src/kube-proxy';
import type { NftProgram } from '../../src/nftables';
import { failed, passed, unsupported, type CaseResult } from './case-result';
import { checkNftFlows } from './nft-flows';
import { loadGenerated, nftConfigOf, type NftRunContext } from './nft-generator';
import type { NftCase } from './nft-schema';
import { nodeIPsOf } from './run-nft-case';

type SequenceCase = Extract<NftCase, { kind: 'sequence-flows' }>;
type Op = SequenceCase['steps'][number]['ops'][number];

interface Inputs {
  services: ServiceInput[];
  slices: EndpointSliceInput[];
}

const KNOWN_OPS = [
  'addService',
  'updateService',
  'deleteService',
  'addEndpointSlice',
  'updateEndpointSlice',
  'deleteEndpointSlice',
  'sync',
];

const svcKey = (s: { namespace: string; name: string }): string => `${s.namespace}/${s.name}`;

/** Applies an informer event to the inputs; an error names what it could not find. */
function applyOp(inputs: Inputs, op: Op): string | null {
  const obj = (op['service'] ?? op['endpointSlice']) as { namespace: string; name: string } | undefined;
  const key = obj !== undefined ? svcKey(obj) : `${String(op['namespace'])}/${String(op['name'])}`;
  switch (op.op) {
    case 'addService':
    case 'updateService':
      inputs.services = [...inputs.services.filter((s) => svcKey(s) !== key), op['service'] as ServiceInput];
      return null;
    case 'addEndpointSlice':
    case 'updateEndpointSlice':
      inputs.slices = [...inputs.slices.filter((s) => svcKey(s) !== key), op['endpointSlice'] as EndpointSliceInput];
      return null;
    case 'deleteService':
      if (!inputs.services.some((s) => svcKey(s) === key)) return `deleteService: no service ${key}`;
      inputs.services = inputs.services.filter((s) => svcKey(s) !== key);
      return null;
    case 'deleteEndpointSlice':
      if (!inputs.slices.some((s) => svcKey(s) === key)) return `deleteEndpointSlice: no EndpointSlice ${key}`;
      inputs.slices = inputs.slices.filter((s) => svcKey(s) !== key);
      return null;
    default:
      return null;
  }
}

/**
 * Informer events and syncs in order (kube-proxy's tests that call syncProxyRules more than
 * once). Flows see the whole table after the last sync (knftables' fake holds the state, not
 * the last transaction): a full sync of the inputs at that point. Every step must check a
 * flow; a step without is a gap that makes the case UNSUPPORTED.
 */
export function runNftSequence(c: SequenceCase, ctx: NftRunContext): CaseResult {
  const inputs: Inputs = { services: [], slices: [] };
  const config = nftConfigOf(c.config, ctx);
  let program: NftProgram | null = null;
  let flows = 0;
  const gaps: string[] = [];
  for (const [i, step] of c.steps.entries()) {
    const n = i + 1;
    for (const op of step.ops) {
      if (!KNOWN_OPS.includes(op.op))
        return unsupported(c.id, `step ${n}: operation "${op.op}" (this runner applies ${KNOWN_OPS.join(', ')})`);
      const problem = applyOp(inputs, op);
      if (problem !== null) return failed(c.id, `step ${n}: ${problem}`);
      if (op.op !== 'sync') continue;
      const loaded = loadGenerated(ctx.generator(config, inputs.services, inputs.slices));
      if (!loaded.ok) return failed(c.id, `step ${n}: ${loaded.detail}`);
      program = loaded.value;
    }
    const stepFlows = step.packetFlows ?? [];
    if (stepFlows.length === 0) {
      gaps.push(`step ${n} has no packet flows`);
      continue;
    }
    if (program === null) return failed(c.id, `step ${n} has packet flows before any sync`);
    const checked = checkNftFlows(program, stepFlows, nodeIPsOf(c, ctx), Number(c.config.masqueradeMark), `step ${n} `);
    if (checked.kind === 'fail') return failed(c.id, checked.detail);
    flows += checked.flows;
  }
  if (gaps.length > 0) return unsupported(c.id, gaps.join('; '));
  return passed(c.id, flows, `${c.steps.length} steps: ${flows} flow${flows === 1 ? '' : 's'}`);
}

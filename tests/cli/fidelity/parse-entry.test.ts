import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../cli/fidelity/parse-entry';
import { caseSchema } from '../../../cli/fidelity/schema';
import { realCase } from './corpus-fixtures';

const parse = (raw: unknown) => parseEntry(caseSchema, raw, 'the-case');

describe('parseEntry', () => {
  it('reads a case of the corpus', () => {
    expect(parse(realCase('TestClusterIPGeneral'))).toMatchObject({ ok: true, value: { kind: 'flows' } });
  });

  it('reports a value this runner does not model as UNSUPPORTED, naming the path, the value and what it models', () => {
    const c = realCase('TestClusterIPGeneral') as { config: { localDetector: { mode: string } } };
    c.config.localDetector.mode = 'NodeCIDR';
    expect(parse(c)).toEqual({
      ok: false,
      result: {
        id: 'the-case',
        status: 'UNSUPPORTED',
        detail: 'config.localDetector.mode "NodeCIDR" (this runner models "ClusterCIDR", "NoOp")',
        checks: 0,
      },
    });
  });

  it('reports an unknown case kind as UNSUPPORTED, listing the kinds it reads', () => {
    const r = parse({ ...realCase('TestClusterIPGeneral'), kind: 'map-element' });
    expect(r).toMatchObject({
      ok: false,
      result: {
        status: 'UNSUPPORTED',
        detail: expect.stringMatching(/^kind "map-element" \(this runner models "static-rules-trace", "rules", /),
      },
    });
  });

  it.each([
    ['a missing field', { ...realCase('TestClusterIPGeneral'), services: undefined }, 'services'],
    [
      'a missing mode',
      {
        ...realCase('TestClusterIPGeneral'),
        config: { ...(realCase('TestClusterIPGeneral')['config'] as object), localDetector: { cidr: '10.0.0.0/8' } },
      },
      'config.localDetector.mode',
    ],
    ['a wrong type', { ...realCase('TestClusterIPGeneral'), packetFlows: 'none' }, 'packetFlows'],
  ])('reports %s as FAIL (a broken transcription), naming the path', (_what, raw, path) => {
    expect(parse(raw)).toMatchObject({
      ok: false,
      result: { status: 'FAIL', detail: expect.stringContaining(`does not match the fidelity schema at ${path}:`) },
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, PRESETS, simulate, type ScenarioInput } from '../../../src/index';
import { propertyParams } from '../../fast-check-params';

type Op = { readonly kind: 'delete' | 'create' | 'ready' | 'not-ready'; readonly pod: 'pod3' | 'pod4' };
const op = fc.record({
  kind: fc.constantFrom('delete', 'create', 'ready', 'not-ready'),
  pod: fc.constantFrom('pod3', 'pod4'),
}) as fc.Arbitrary<Op>;

/**
 * Turns random operations into events that are valid at their moment (a create
 * only for a pod that is gone, the others only for one that exists), with a
 * connection from pod1 to svc1 after each.
 */
function scenarioOf(ops: readonly Op[], seed: number, mode: 'iptables' | 'ipvs'): ScenarioInput {
  const exists = new Set(['pod3', 'pod4']);
  const events: NonNullable<ScenarioInput['events']> = [];
  const traffic: ScenarioInput['traffic'] = [{ from: 'pod1', to: 'svc1', port: 80, at: 0 }];
  ops.forEach((o, i) => {
    const at = i + 1;
    const node = 'vm2';
    if (o.kind === 'create') {
      if (exists.has(o.pod)) return;
      exists.add(o.pod);
      events.push({
        at,
        action: 'create-pod',
        pod: { name: o.pod, node, labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
      });
    } else {
      if (!exists.has(o.pod)) return;
      if (o.kind === 'delete') exists.delete(o.pod);
      events.push({ at, action: o.kind === 'delete' ? 'delete-pod' : o.kind === 'ready' ? 'set-ready' : 'set-not-ready', pod: o.pod });
    }
    traffic.push({ from: 'pod1', to: 'svc1', port: 80, at });
  });
  return { ...PRESETS.article!, seed, mode, traffic, events };
}

const SAME_PORT_TWICE: Op[] = [
  { kind: 'ready', pod: 'pod3' },
  { kind: 'ready', pod: 'pod3' },
  { kind: 'delete', pod: 'pod3' },
];

describe('for any sequence of pod events (property tests)', () => {
  it.each(['iptables', 'ipvs'] as const)(
    '%s: every connection goes to an endpoint ready at that moment, or is rejected when none is',
    (mode) => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 8 }), fc.integer({ min: 0, max: 0xffffffff }), (ops, seed) => {
          const parsed = parseScenario(scenarioOf(ops, seed, mode));
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
          const trace = simulate(parsed.scenario);
          // The ready endpoints at each moment, as the API event left them: replay the pods' state.
          const ready = new Map<string, string>([
            ['pod3', '10.244.2.2:8080'],
            ['pod4', '10.244.2.3:8080'],
          ]);
          const notReady = new Set<string>();
          for (const c of trace.connections) {
            const first = trace.steps[c.firstStep]!;
            for (const e of parsed.scenario.events.filter(
              (ev) => ev.at <= first.time && ev.at > (c.index === 0 ? -1 : trace.steps[trace.connections[c.index - 1]!.firstStep]!.time),
            )) {
              if (e.action === 'delete-pod') ready.delete(e.pod);
              if (e.action === 'set-not-ready') notReady.add(e.pod);
              if (e.action === 'set-ready') notReady.delete(e.pod);
              if (e.action === 'create-pod') {
                const created = trace.steps.find((s) => s.kind === 'api-event' && s.time === e.at)!;
                ready.set(e.pod.name, `${created.note.params.ip}:8080`);
                notReady.delete(e.pod.name);
              }
            }
            const targets = [...ready].filter(([pod]) => !notReady.has(pod)).map(([, ep]) => ep);
            if (targets.length === 0) expect(c.outcome).toBe('rejected');
            else {
              expect(c.outcome).toBe('established');
              expect(targets).toContain(c.endpoint);
            }
          }
        }),
        // The case that once failed: connection 3 drew connection 2's source port and was taken for it.
        propertyParams(60, { examples: [[SAME_PORT_TWICE, 3002237567]] }),
      );
    },
  );
});

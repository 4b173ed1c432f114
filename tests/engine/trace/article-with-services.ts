import { parseScenario, PRESETS, type Scenario } from '../../../src/index';

/**
 * The article's cluster with `n` Services in front of the same pods, pod1 talking to
 * the last one: the cost of the first packet as the Service count grows.
 */
export function articleWithServices(n: number): Scenario {
  const services = Array.from({ length: n }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  }));
  const parsed = parseScenario({
    ...PRESETS.article!,
    cluster: { ...PRESETS.article!.cluster, services },
    traffic: [{ from: 'pod1', to: `svc${n}`, port: 80 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 2)));
  return parsed.scenario;
}

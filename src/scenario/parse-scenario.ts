import { scenarioSchema, type Scenario } from './schema';
import { buildCluster } from '../cluster/build-cluster';
import { migrateScenario } from './migrate-scenario';

/** One thing wrong with a scenario, and where: `path` is like "cluster.pods[2].node". */
export interface ScenarioError {
  readonly path: string;
  readonly message: string;
}

export type ScenarioResult =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Validates untrusted scenario JSON: the schema first, then what the schema
 * cannot say (a pod on a node that does not exist, an IP outside its node's
 * pod CIDR, traffic to an unknown Service). A version 1 document is migrated
 * to the current version first. Never throws on bad input; every problem is reported with
 * its path. A scenario with `events` is checked by the cluster events' engine, which must be
 * registered first (`registerClusterEvents`): without it that throws, naming the fix.
 */
export function parseScenario(input: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(migrateScenario(input));
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const cluster = buildCluster(parsed.data);
  if (!cluster.ok) return { ok: false, errors: cluster.errors };
  return { ok: true, scenario: parsed.data };
}

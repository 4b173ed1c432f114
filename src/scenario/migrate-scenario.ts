import { SCENARIO_SCHEMA_VERSION } from './schema';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An older scenario document as the current version: version 2 only added fields
 * (Service types, node ports, external clients...), each optional and meaning "as in
 * version 1" when absent, so a version 1 document is the same scenario with the new
 * version number. Anything else (another version, not an object) is returned as it
 * is, for the schema to reject with its path.
 *
 * @example migrateScenario({ schemaVersion: 1, name: 'a' }) // { schemaVersion: 2, name: 'a' }
 */
export function migrateScenario(value: unknown): unknown {
  if (isRecord(value) && value.schemaVersion === 1) return { ...value, schemaVersion: SCENARIO_SCHEMA_VERSION };
  return value;
}

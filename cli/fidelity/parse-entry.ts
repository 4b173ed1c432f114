import type { z } from 'zod';
import { failed, unsupported, type CaseResult } from './case-result';

export type ParsedEntry<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: CaseResult };

/**
 * Checks one case (or auxiliary table) against its schema. A string the schema does not know
 * where it expects one of a few names (a `kind`, a `localDetector.mode`, a service `type`) is
 * something this runner does not model: UNSUPPORTED, naming the value. Anything else wrong
 * (a missing field, a wrong type) is a broken transcription: FAIL, naming the path.
 */
export function parseEntry<S extends z.ZodType>(schema: S, raw: unknown, id: string): ParsedEntry<z.infer<S>> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const unknownValues: string[] = [];
  for (const issue of r.error.issues) {
    const value = valueAt(raw, issue.path);
    const known = knownValues(issue);
    if (known === null || typeof value !== 'string') {
      return { ok: false, result: failed(id, `does not match the fidelity schema at ${pathText(issue.path)}: ${issue.message}`) };
    }
    unknownValues.push(
      `${pathText(issue.path)} ${JSON.stringify(value)} (this runner models ${known.map((k) => JSON.stringify(k)).join(', ')})`,
    );
  }
  return { ok: false, result: unsupported(id, unknownValues.join('; ')) };
}

/** The values the schema accepts at an issue's path, when the issue is "not one of these". */
function knownValues(issue: z.core.$ZodIssue): readonly unknown[] | null {
  if (issue.code === 'invalid_value') return issue.values;
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined && 'options' in issue) return issue.options ?? null;
  return null;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

import { compressLinkText, decompressLinkText } from './link-compression';
import { parseScenario, type ScenarioError, type ScenarioResult } from './parse-scenario';
import { READABLE_SCHEMA_VERSIONS, SCENARIO_SCHEMA_VERSION, scenarioSchema, type Scenario } from './schema';

/** The longest `s=` value a link may carry: checked before anything is decompressed. */
export const MAX_LINK_CHARS = 8000;
/** The largest scenario JSON (a decompressed link or an uploaded file's text) that is parsed, in characters. */
export const MAX_SCENARIO_JSON_CHARS = 256 * 1024;
/** Deeper than any scenario (scenario.cluster.pods[i].ports[j].name is 6): stops a nesting bomb before it is walked. */
const MAX_DEPTH = 32;

const fail = (...errors: ScenarioError[]): { readonly ok: false; readonly errors: readonly ScenarioError[] } => ({ ok: false, errors });

/** The zod internals the compaction walks: `_zod.def` of an object, array, union, default or optional schema. */
interface SchemaNode {
  readonly _zod: { readonly def: SchemaDef };
  safeParse(value: unknown): { readonly success: boolean };
}
interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, SchemaNode>>;
  readonly element?: SchemaNode;
  readonly innerType?: SchemaNode;
  readonly options?: readonly SchemaNode[];
  readonly defaultValue?: unknown;
}

const OMIT = Symbol('omit');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value without the fields equal to their schema defaults, following the
 * schema itself, so a field added to the schema with a default is left out
 * too. `parseScenario` fills the defaults back in.
 */
function compact(def: SchemaDef, value: unknown): unknown {
  if (def.type === 'default' && def.innerType) {
    return JSON.stringify(value) === JSON.stringify(def.defaultValue) ? OMIT : compact(def.innerType._zod.def, value);
  }
  if (def.type === 'optional' && def.innerType) return value === undefined ? OMIT : compact(def.innerType._zod.def, value);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element._zod.def;
    return value.map((v) => {
      const c = compact(element, v);
      return c === OMIT ? v : c;
    });
  }
  // A union (a cluster event): compacted by the option it is, so it parses back to that option.
  if (def.type === 'union' && def.options) {
    const option = def.options.find((o) => o.safeParse(value).success);
    return option ? compact(option._zod.def, value) : value;
  }
  if (def.type === 'object' && def.shape && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const field = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      const c = field ? compact(field._zod.def, v) : v;
      if (c !== OMIT) out[key] = c;
    }
    return out;
  }
  return value;
}

/**
 * A scenario as the `s=` parameter of a link: compact JSON (fields equal to
 * their defaults left out) compressed with lz-string into URI-safe characters.
 * A preset-sized scenario stays well under 2,000 characters.
 * @example decodeScenario(encodeScenario(scenario)) // { ok: true, scenario }
 */
export function encodeScenario(scenario: Scenario): string {
  return compressLinkText(JSON.stringify(compact((scenarioSchema as unknown as SchemaNode)._zod.def, scenario)));
}

/** Every `__proto__` key, with its path: JSON.parse makes it an own key, but copying it onto an object would set the prototype. */
function forbiddenKeys(root: unknown): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0 && errors.length < 10) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) {
      errors.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep` });
      break;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key === '__proto__') errors.push({ path: at, message: '"__proto__" is not allowed as a key' });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return errors;
}

/** Options of `readScenarioJson`. */
export interface ReadScenarioJsonOptions {
  /** The most characters parsed; a file may allow more than a link (pretty-printed JSON). Default `MAX_SCENARIO_JSON_CHARS`. */
  readonly maxChars?: number;
}

/**
 * Reads untrusted scenario JSON text (an uploaded file, a decompressed link):
 * a size limit, JSON syntax, no `__proto__` keys, a schema version this page
 * reads (version 1 is migrated), then `parseScenario`. Never throws; every problem comes back with its path.
 * @example readScenarioJson('{').ok // false
 */
export function readScenarioJson(text: string, options: ReadScenarioJsonOptions = {}): ScenarioResult {
  try {
    const read = readScenarioJsonValue(text, options);
    return read.ok ? parseScenario(read.value) : read;
  } catch (e) {
    // parseScenario never throws; this is the last guard so that a link can never break the page.
    return fail({ path: '', message: `could not be read (${e instanceof Error ? e.message : String(e)})` });
  }
}

/** JSON read from untrusted text and safe to validate, or why it is not. */
export type JsonValueResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/**
 * Everything `readScenarioJson` checks before the schema: the size limit, JSON
 * syntax, no `__proto__` keys, the schema version. For a caller that validates the
 * value elsewhere (a big scenario is validated in the page's simulation worker).
 * Never throws.
 * @example readScenarioJsonValue('{"schemaVersion": 3}').ok // false
 */
export function readScenarioJsonValue(text: string, options: ReadScenarioJsonOptions = {}): JsonValueResult {
  const maxChars = options.maxChars ?? MAX_SCENARIO_JSON_CHARS;
  try {
    if (text.length > maxChars) {
      return fail({
        path: '',
        message: `the scenario is ${Math.ceil(text.length / 1024)} KB of JSON; the limit is ${Math.floor(maxChars / 1024)} KB`,
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail({ path: '', message: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` });
    }
    const forbidden = forbiddenKeys(value);
    if (forbidden.length > 0) return fail(...forbidden);
    // Another version is another schema: its other differences would only be noise.
    if (isRecord(value) && Object.hasOwn(value, 'schemaVersion') && !READABLE_SCHEMA_VERSIONS.includes(value.schemaVersion as number)) {
      return fail({
        path: 'schemaVersion',
        message: `version ${JSON.stringify(value.schemaVersion)?.slice(0, 20)} is not one this page reads (it reads versions ${READABLE_SCHEMA_VERSIONS.join(' and ')}; it writes ${SCENARIO_SCHEMA_VERSION})`,
      });
    }
    return { ok: true, value };
  } catch (e) {
    return fail({ path: '', message: `could not be read (${e instanceof Error ? e.message : String(e)})` });
  }
}

/**
 * Reads the `s=` parameter of an untrusted link back into a scenario: the
 * length is checked before decompressing and the JSON's size after, so a
 * decompression bomb stops early; malformed compression, invalid JSON and an
 * invalid scenario each come back as readable errors. Never throws.
 * @example decodeScenario('garbage!').ok // false
 */
export function decodeScenario(text: string): ScenarioResult {
  const read = decompressLinkText(text, { maxChars: MAX_LINK_CHARS });
  if (read.ok) return readScenarioJson(read.text);
  switch (read.problem.kind) {
    case 'empty':
      return fail({ path: '', message: 'is empty' });
    case 'too-long':
      return fail({ path: '', message: `is ${read.problem.chars} characters long; a link's scenario may have at most ${MAX_LINK_CHARS}` });
    case 'alphabet':
      return fail({ path: '', message: 'is not valid compressed data (it has characters lz-string never writes)' });
    case 'corrupt':
      return fail({ path: '', message: 'is not valid compressed data (truncated or corrupted)' });
  }
}

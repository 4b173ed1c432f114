import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetScenario, simulate } from '../../../src/index';

/** The path of the first value structured clone would change: a class instance, a Map or Set, a function, a symbol. */
function firstNonPlain(value: unknown, path = 'trace'): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `${path} (${typeof value})`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonPlain(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (proto !== Object.prototype && proto !== null) return `${path} (${(value as object).constructor?.name ?? 'unknown class'})`;
  for (const [key, v] of Object.entries(value)) {
    const found = firstNonPlain(v, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

// A trace crosses postMessage from the simulation worker: it must arrive as the same data.
// Every preset in both modes, but `large` in iptables mode only: its IPVS trace (5-10 s to simulate,
// 35 MB as JSON, ten seconds more to clone and compare) holds the same IPVS state types as `scale`'s.
const CASES = PRESET_NAMES.flatMap((name) => [[name, 'iptables'] as const, ...(name === 'large' ? [] : [[name, 'ipvs'] as const])]);

describe('a trace is plain data', () => {
  it.each(CASES)('%s (%s): only plain objects, arrays and primitives, equal after structured clone', (name, mode) => {
    const trace = simulate(presetScenario(name)!, { mode });
    expect(firstNonPlain(trace)).toBeNull();
    expect(structuredClone(trace)).toStrictEqual(trace);
  });

  it('would name what is not', () => {
    expect(firstNonPlain({ steps: [{ at: new Map() }] })).toBe('trace.steps[0].at (Map)');
  });
});

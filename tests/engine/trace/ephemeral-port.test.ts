import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/net/rng';
import { EPHEMERAL_PORT_RANGE, pickEphemeralPort } from '../../../src/trace/ephemeral-port';
import { propertyParams } from '../../fast-check-params';

/** An rng whose draws are given: the start of the probe is then known. */
const drawing = (...values: number[]): Rng => ({ nextU32: () => values.shift()!, nextInt: () => values.shift()! });

describe('pickEphemeralPort', () => {
  it('takes the first draw when it is free, from one draw only: the traces made before the probe existed stay the same', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (seed) => {
        const rng = createRng(seed);
        const twin = createRng(seed);
        expect(pickEphemeralPort(rng, () => false)).toBe(twin.nextInt(32768, 60999));
        expect(rng.nextU32()).toBe(twin.nextU32());
      }),
      propertyParams(200),
    );
  });

  it('probes upwards past the ports whose tuple is taken', () => {
    const taken = new Set([40000, 40001]);
    expect(pickEphemeralPort(drawing(40000), (p) => taken.has(p))).toBe(40002);
  });

  it('wraps from the top of ip_local_port_range to its bottom', () => {
    expect(EPHEMERAL_PORT_RANGE).toEqual([32768, 60999]);
    expect(pickEphemeralPort(drawing(60999), (p) => p === 60999)).toBe(32768);
  });

  it('stays in the range it is given, and never returns a taken port', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.uniqueArray(fc.integer({ min: 1000, max: 1009 }), { maxLength: 9 }), (seed, taken) => {
        const port = pickEphemeralPort(createRng(seed), (p) => taken.includes(p), [1000, 1009]);
        expect(port).toBeGreaterThanOrEqual(1000);
        expect(port).toBeLessThanOrEqual(1009);
        expect(taken).not.toContain(port);
      }),
      propertyParams(200),
    );
  });

  it('fails as connect() does (EADDRNOTAVAIL) when every port is taken', () => {
    expect(() => pickEphemeralPort(createRng(1), () => true, [1000, 1003])).toThrow(/1000-1003 is in use.*EADDRNOTAVAIL/);
  });
});

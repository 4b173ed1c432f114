import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitList } from '../../app/topology/cluster/fit-list';
import { textWidth } from '../../app/topology/cluster/text-width';
import { propertyParams } from '../fast-check-params';

/** The plain way: join and measure each prefix, longest first. */
function naive(items: readonly string[], separator: string, width: number, size: number): string {
  for (let n = items.length; n > 0; n--) {
    const text = items.slice(0, n).join(separator) + (n < items.length ? ` +${items.length - n}` : '');
    if (textWidth(text, size) <= width) return text;
  }
  return items.length ? `+${items.length}` : '';
}

describe('fitList', () => {
  it('gives what joining and measuring every prefix gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('1', '0', '.', '/', 'a', 'W', 'é', '中'), maxLength: 16 }), { maxLength: 30 }),
        fc.constantFrom(' ', ', '),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(11, 12),
        (items, separator, width, size) => {
          expect(fitList(items, separator, width, size)).toBe(naive(items, separator, width, size));
        },
      ),
      propertyParams(500),
    );
  });

  it('cuts 10,000 kube-ipvs0 addresses to what fits without measuring every prefix', () => {
    const addresses = Array.from({ length: 10_000 }, (_, i) => `10.96.${i >> 8}.${i & 255}/32`);
    expect(fitList(addresses, ' ', 200, 11)).toBe('10.96.0.0/32 10.96.0.1/32 +9998');
  });
});

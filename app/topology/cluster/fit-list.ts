import { textWidth } from './text-width';

/**
 * The first items that fit `width` px at `size` px, joined by `separator`, then
 * " +N" for the rest ("10.96.0.10/32 +199"), or "+N" alone. The same answer as
 * trying n = all, all-1, ... until one fits, but each try costs O(1): widths add up
 * glyph by glyph, so the joined prefixes' widths are summed once (a kube-ipvs0 with
 * 10,000 addresses took 30 s by joining and measuring each prefix).
 *
 * @example fitList(['a', 'b', 'c'], ' ', 1000, 11) // 'a b c'
 */
export function fitList(items: readonly string[], separator: string, width: number, size: number): string {
  // Glyph units (thousandths of an em) of each prefix "a, b, …": textWidth at size 1000 is exactly its units.
  const unitsOf = (text: string) => textWidth(text, 1000);
  const separatorUnits = unitsOf(separator);
  const prefix: number[] = [0];
  for (let i = 0; i < items.length; i++) prefix.push(prefix[i]! + (i > 0 ? separatorUnits : 0) + unitsOf(items[i]!));
  for (let n = items.length; n > 0; n--) {
    const suffix = n < items.length ? ` +${items.length - n}` : '';
    if (((prefix[n]! + unitsOf(suffix)) * size) / 1000 <= width) return items.slice(0, n).join(separator) + suffix;
  }
  return items.length ? `+${items.length}` : '';
}

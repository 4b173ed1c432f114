/**
 * Where each value first appears in a list: finds duplicates in one pass (a search
 * per item would be quadratic in 10,000 Services).
 *
 * @example firstIndexes(['a', 'b', 'a']).get('a') // 0
 */
export function firstIndexes<T>(values: readonly T[]): Map<T, number> {
  const first = new Map<T, number>();
  values.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i);
  });
  return first;
}

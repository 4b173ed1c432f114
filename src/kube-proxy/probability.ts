/*
 * The `--probability` of `-m statistic --mode random` (proxier.go, computeProbability):
 * fmt.Sprintf("%0.10f", 1.0/float64(n)). Go rounds the exact binary value half-to-even;
 * Number.prototype.toFixed breaks exact ties upwards (1/2048 = 0.00048828125 prints
 * 0.0004882813 in JS but 0.0004882812 in Go), so the decimal is computed exactly here.
 */

/** Go's %0.<digits>f for a finite non-negative number, correctly rounded half-to-even. */
export function formatFixedGo(x: number, digits: number): string {
  if (!(x >= 0) || !Number.isFinite(x)) return x.toFixed(digits);
  // x = mantissa * 2^exponent exactly, with an integer mantissa.
  let exponent = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    exponent--;
  }
  const scale = 10n ** BigInt(digits);
  let q: bigint;
  if (exponent === 0) {
    q = BigInt(m) * scale;
  } else {
    const den = 1n << BigInt(-exponent);
    const num = BigInt(m) * scale;
    q = num / den;
    const twiceRem = (num % den) * 2n;
    if (twiceRem > den || (twiceRem === den && q % 2n === 1n)) q += 1n;
  }
  const s = q.toString().padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

const cache = new Map<number, string>();

/** computeProbability(n): the chance that rule i of n takes a packet is 1/(n-i). */
export function computeProbability(n: number): string {
  let p = cache.get(n);
  if (p === undefined) {
    p = formatFixedGo(1 / n, 10);
    cache.set(n, p);
  }
  return p;
}

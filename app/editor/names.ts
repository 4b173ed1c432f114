/** The first `<prefix><n>` (n = 1, 2, ...) that is not taken: "pod5" after pod1..pod4. */
export function nextName(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** `count` fresh names in a row, each unlike the names taken and the ones before it. */
export function nextNames(prefix: string, taken: Iterable<string>, count: number): string[] {
  const used = new Set(taken);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = nextName(prefix, used);
    used.add(name);
    out.push(name);
  }
  return out;
}

/** The prefix the existing names share before their number ("vm" for vm1, vm2), or the fallback. */
export function namePrefix(names: readonly string[], fallback: string): string {
  const m = names.length > 0 ? /^(.*?[a-z-])\d+$/.exec(names[0]!) : null;
  return m ? m[1]! : fallback;
}

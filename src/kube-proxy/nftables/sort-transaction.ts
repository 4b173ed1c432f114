/*
 * sortNFTablesTransaction (pkg/proxy/nftables/helpers_test.go): how kube-proxy's tests put
 * an expected transaction and knftables' dump in one order before comparing them, so
 * neither side's line order matters except the order of rules within a chain.
 */

const TYPE_ORDER = ['table', 'chain', 'rule', 'set', 'map', 'element'];

function typeRank(type: string): number {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
}

/** Negative when `a` sorts first; 0 keeps the lines' order (the sort is stable). */
function compareLines(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length < 5 || wb.length < 5) return 0;
  const ta = typeRank(wa[1]!);
  const tb = typeRank(wb[1]!);
  if (ta !== tb) return ta - tb;
  // Word 5 is the object's name (a chain, set or map; `{` for the table).
  if (wa[4] !== wb[4]) return wa[4]! < wb[4]! ? -1 : 1;
  // Rules keep their order within a chain; other lines with one name sort as text.
  if (wa[1] === 'rule') return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Drops blank and `#` lines, then sorts: object type (table, chain, rule, set, map,
 * element), then name, then the whole line, except that rules keep their order.
 *
 * @example sortNftTransaction('add rule ip t b x\nadd chain ip t b') // 'add chain ip t b\nadd rule ip t b x'
 */
export function sortNftTransaction(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.sort(compareLines).join('\n');
}

import type { NftChain, NftElement, NftSet, NftTable } from './table';

/*
 * The `nft -f` form of a table, one `add` line per object, as knftables writes a
 * transaction and its Fake dumps the state kube-proxy's tests compare: every table, chain,
 * set and map first, then their rules and elements, so nft can load it as it is.
 */

const quote = (s: string): string => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

function chainLine(prefix: string, c: NftChain): string {
  const parts: string[] = [];
  if (c.base !== undefined) parts.push(`type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority} ;`);
  if (c.comment !== undefined) parts.push(`comment ${quote(c.comment)} ;`);
  return `add chain ${prefix} ${c.name}${parts.length > 0 ? ` { ${parts.join(' ')} }` : ''}`;
}

function setLine(prefix: string, s: NftSet): string {
  let spec = `type ${s.keyType.join(' . ')}${s.valueType !== undefined ? ` : ${s.valueType}` : ''} ;`;
  if (s.flags !== undefined && s.flags.length > 0) spec += ` flags ${s.flags.join(',')} ;`;
  if (s.timeoutSeconds !== undefined) spec += ` timeout ${s.timeoutSeconds}s ;`;
  if (s.comment !== undefined) spec += ` comment ${quote(s.comment)} ;`;
  return `add ${s.kind} ${prefix} ${s.name} { ${spec} }`;
}

/** `add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-... }`. */
export function elementLine(prefix: string, set: string, e: NftElement): string {
  const comment = e.comment !== undefined ? ` comment ${quote(e.comment)}` : '';
  const value = e.value !== undefined ? ` : ${e.value}` : '';
  return `add element ${prefix} ${set} { ${e.key.join(' . ')}${comment}${value} }`;
}

/**
 * The whole table as `nft -f` input, lines joined by "\n" with a final newline.
 *
 * @example printNftTransaction(table).split('\n')[0] // 'add table ip kube-proxy { comment "rules for kube-proxy" ; }'
 */
export function printNftTransaction(table: NftTable): string {
  const prefix = `${table.family} ${table.name}`;
  const lines = [`add table ${prefix}${table.comment !== undefined ? ` { comment ${quote(table.comment)} ; }` : ''}`];
  for (const c of table.chains) lines.push(chainLine(prefix, c));
  for (const s of table.sets) lines.push(setLine(prefix, s));
  for (const c of table.chains) {
    for (const r of c.rules)
      lines.push(`add rule ${prefix} ${c.name} ${r.text}${r.comment !== undefined ? ` comment ${quote(r.comment)}` : ''}`);
  }
  for (const s of table.sets) for (const e of s.elements) lines.push(elementLine(prefix, s.name, e));
  return `${lines.join('\n')}\n`;
}

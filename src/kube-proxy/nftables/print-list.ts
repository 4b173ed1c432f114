import { listElements } from './list-elements';
import { listRuleText } from './list-rule-text';
import type { NftBaseChainSpec, NftChain, NftSet, NftTable } from './table';

/*
 * `nft list table ip kube-proxy` as nft 1.0.6 (Debian 12) prints a table loaded from
 * printNftTransaction: sets and maps in the order they were created, then chains; tabs;
 * one blank line between objects. Checked byte for byte against the kernel by
 * tests/engine/kube-proxy/nftables/kernel-round-trip.test.ts where it can run.
 */

const quote = (s: string): string => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** nft's standard priorities: a priority within 10 of one prints as its name ± offset. */
const STANDARD_PRIORITIES: readonly (readonly [number, string])[] = [
  [-300, 'raw'],
  [-150, 'mangle'],
  [-100, 'dstnat'],
  [0, 'filter'],
  [50, 'security'],
  [100, 'srcnat'],
];

/** nft 1.0.6 names dstnat only at prerouting and srcnat only at postrouting (1.0.9 widened both). */
function priorityText(base: NftBaseChainSpec): string {
  for (const [value, name] of STANDARD_PRIORITIES) {
    if (Math.abs(base.priority - value) > 10) continue;
    if ((name === 'dstnat' && base.hook !== 'prerouting') || (name === 'srcnat' && base.hook !== 'postrouting')) break;
    const offset = base.priority - value;
    return offset > 0 ? `${name} + ${offset}` : offset < 0 ? `${name} - ${-offset}` : name;
  }
  return String(base.priority);
}

/** 10800 -> "3h", 90 -> "1m30s" (nft's time_to_str). */
function durationText(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 86400), 'd'],
    [Math.floor((seconds % 86400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('');
}

const FLAG_ORDER = ['constant', 'dynamic', 'interval', 'timeout'];

function setBlock(s: NftSet): string[] {
  const lines = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.keyType.join(' . ')}${s.valueType !== undefined ? ` : ${s.valueType}` : ''}`];
  const flags = [...(s.flags ?? [])].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
  // A dynamic set gets the kernel's default size, which nft then prints.
  if (flags.includes('dynamic')) lines.push('\t\tsize 65535');
  if (flags.length > 0) lines.push(`\t\tflags ${flags.join(',')}`);
  if (s.timeoutSeconds !== undefined) lines.push(`\t\ttimeout ${durationText(s.timeoutSeconds)}`);
  if (s.comment !== undefined) lines.push(`\t\tcomment ${quote(s.comment)}`);
  const elements = listElements(s);
  if (elements !== null) lines.push(`\t\t${elements}`);
  lines.push('\t}');
  return lines;
}

function chainBlock(c: NftChain): string[] {
  const lines = [`\tchain ${c.name} {`];
  if (c.comment !== undefined) lines.push(`\t\tcomment ${quote(c.comment)}`);
  if (c.base !== undefined) lines.push(`\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base)}; policy accept;`);
  for (const r of c.rules) lines.push(`\t\t${listRuleText(r.text)}${r.comment !== undefined ? ` comment ${quote(r.comment)}` : ''}`);
  lines.push('\t}');
  return lines;
}

/**
 * The table as `nft list table <family> <name>` prints it, with a final newline.
 *
 * @example printNftList(table).split('\n')[0] // 'table ip kube-proxy {'
 */
export function printNftList(table: NftTable): string {
  const blocks = [...table.sets.map(setBlock), ...table.chains.map(chainBlock)].map((b) => b.join('\n'));
  const head = [`table ${table.family} ${table.name} {`];
  if (table.comment !== undefined) head.push(`\tcomment ${quote(table.comment)}`);
  return `${head.join('\n')}\n${blocks.join('\n\n')}\n}\n`;
}

import { parseIp, parseIpCidr } from '../ip-address';

/*
 * How `nft list` prints back a rule kube-proxy wrote (nft 1.0.6, measured on a real kernel:
 * reference §3): marks in long hex with `meta` spelled out, an anonymous set of one entry
 * as that entry, the entries of a larger one sorted, and `, ` between vmap entries.
 */

const hex8 = (mark: string): string => `0x${Number(mark).toString(16).padStart(8, '0')}`;

const MARK_REWRITES: readonly (readonly [RegExp, (m: string) => string])[] = [
  [/^mark set mark or (\S+)$/, (m) => `meta mark set meta mark | ${hex8(m)}`],
  [/^mark and (\S+) == 0 return$/, (m) => `meta mark & ${hex8(m)} == 0x00000000 return`],
  [/^mark set mark xor (\S+)$/, (m) => `meta mark set meta mark ^ ${hex8(m)}`],
];

/** An address or prefix as nft prints it: a full-length prefix is just the address. */
function listAddress(entry: string): { readonly text: string; readonly value: bigint } {
  const cidr = parseIpCidr(entry);
  if (cidr !== null) {
    const full = cidr.family === 'IPv4' ? 32 : 128;
    return { text: cidr.prefix === full ? cidr.text.slice(0, cidr.text.indexOf('/')) : cidr.text, value: cidr.network };
  }
  const ip = parseIp(entry);
  return { text: ip?.text ?? entry, value: ip?.value ?? 0n };
}

/** `{ a , b }` of addresses: one entry prints bare (nft turns it into a plain comparison), more print sorted. */
function listAnonymousSet(body: string): string {
  const entries = body
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map(listAddress);
  if (entries.length === 1) return entries[0]!.text;
  entries.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return `{ ${entries.map((e) => e.text).join(', ')} }`;
}

/** The rule's text as `nft list` shows it (without its comment). */
export function listRuleText(text: string): string {
  for (const [pattern, rewrite] of MARK_REWRITES) {
    const m = pattern.exec(text);
    if (m !== null) return rewrite(m[1]!);
  }
  return text
    .replace(/(ip6? [sd]addr (?:!= )?)\{ ([^}]*) \}/g, (_all, match: string, body: string) => `${match}${listAnonymousSet(body)}`)
    .replace(/vmap \{ ([^}]*) \}/g, (_all, body: string) => `vmap { ${body.split(' , ').join(', ')} }`);
}

/** A decimal or 0x-hex unsigned 32-bit number (`0x4000`, `16384`), or null. */
export function parseNftNumber(text: string): number | null {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) return null;
  const n = Number(text);
  return n <= 0xffffffff ? n : null;
}

const UNITS: Readonly<Record<string, number>> = { d: 86400, h: 3600, m: 60, s: 1 };

/** nft's time format in whole seconds: `10800s`, `3h`, `1m30s`, `2h59m58s`; milliseconds are dropped. */
export function parseNftDuration(text: string): number | null {
  const parts = text.replace(/[0-9]+ms$/, '').match(/[0-9]+[dhms]/g);
  if (parts === null || parts.join('') !== text.replace(/[0-9]+ms$/, '')) return /^[0-9]+$/.test(text) ? Number(text) : null;
  return parts.reduce((sum, p) => sum + Number(p.slice(0, -1)) * UNITS[p.slice(-1)]!, 0);
}

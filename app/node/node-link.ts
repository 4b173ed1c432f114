import { compressLinkText, decompressLinkText, type NodeOrigin, type NodeTraceInput } from '../../src/index';
import { checkDraft, type DraftField, type FieldProblem, type NodeDraft } from './node-draft';

/** The query parameter that carries a Your node trace: only in a link the user asked for (Copy a link to this trace). */
export const NODE_LINK_PARAM = 'node';

/**
 * The longest `node=` value a link carries or is read from, checked before anything is
 * decompressed. A URL of about 32 KB opens in every browser and survives chat tools and
 * mail; it holds about 45 KB of iptables-save text (lz-string's URI alphabet gives about
 * 1.5 characters of rules per character of link). Not more: lz-string's output can grow with
 * the square of its input, and a crafted 32,000-character value decompresses to at most
 * about 150 MB, a moment's work; twice as long would approach what a tab can hold.
 */
export const MAX_NODE_LINK_CHARS = 32_000;
/** The most decompressed JSON read from a link: more than any link this page writes holds. */
const MAX_NODE_LINK_JSON = 512 * 1024;
/** A dump this much larger than a link holds is not compressed to find out (lz-string would block the page). */
const HOPELESS_RATIO = 12;
/** Bounds on the "counts as matching" lines a link may carry. */
const MAX_ASSUMED = 10_000;

const PROTOCOLS: readonly NodeDraft['protocol'][] = ['tcp', 'udp', 'sctp'];
const ORIGINS: readonly NodeOrigin[] = ['pod', 'outside', 'host'];
const TEXT_FIELDS = ['text', 'src', 'dst', 'sport', 'dport', 'localAddresses', 'podInterface', 'ipsetSave'] as const;

/** What a link holds: the form as typed and the lines counted as matching. Version 1. */
interface NodeLinkPayload extends NodeDraft {
  readonly v: 1;
  readonly assumeMatching: readonly number[];
}

/** Why a `node=` value could not be opened; the page words each in both languages (node-strings.ts). */
export type NodeLinkProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly chars: number; readonly limit: number }
  | { readonly kind: 'alphabet' }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'too-large'; readonly chars: number; readonly limit: number }
  | { readonly kind: 'not-json' }
  /** Valid JSON that is not a trace this page wrote (another version, a field missing or of the wrong kind). */
  | { readonly kind: 'not-a-trace'; readonly field: string }
  /** A trace whose packet or facts the form would refuse. */
  | { readonly kind: 'field'; readonly field: DraftField; readonly problem: FieldProblem };

/** A link's trace, checked: the form to fill and the trace's input. */
export interface OpenedNodeLink {
  readonly ok: true;
  readonly draft: NodeDraft;
  readonly input: NodeTraceInput;
}

export type NodeLinkResult = OpenedNodeLink | { readonly ok: false; readonly problem: NodeLinkProblem };

/** The `node=` value for a form and its "counts as matching" lines, or how long it would be when longer than a link may be (null: not even compressed). */
export function encodeNodeLink(
  draft: NodeDraft,
  assumeMatching: readonly number[],
): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly chars: number | null; readonly limit: number } {
  const payload: NodeLinkPayload = { v: 1, ...draft, assumeMatching };
  const json = JSON.stringify(payload);
  if (json.length > MAX_NODE_LINK_CHARS * HOPELESS_RATIO) return { ok: false, chars: null, limit: MAX_NODE_LINK_CHARS };
  const value = compressLinkText(json);
  return value.length > MAX_NODE_LINK_CHARS ? { ok: false, chars: value.length, limit: MAX_NODE_LINK_CHARS } : { ok: true, value };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payload's fields checked one by one: the form, or the first field that is not what this page writes. */
function readPayload(value: unknown): { ok: true; draft: NodeDraft; assume: number[] } | { ok: false; field: string } {
  if (!isRecord(value)) return { ok: false, field: '' };
  if (value.v !== 1) return { ok: false, field: 'v' };
  for (const field of TEXT_FIELDS) if (typeof value[field] !== 'string') return { ok: false, field };
  if (!PROTOCOLS.includes(value.protocol as NodeDraft['protocol'])) return { ok: false, field: 'protocol' };
  if (!ORIGINS.includes(value.origin as NodeOrigin)) return { ok: false, field: 'origin' };
  const assume = value.assumeMatching ?? [];
  if (!Array.isArray(assume) || assume.length > MAX_ASSUMED || !assume.every((n) => Number.isInteger(n) && n >= 1 && n <= 10_000_000))
    return { ok: false, field: 'assumeMatching' };
  const text = (field: (typeof TEXT_FIELDS)[number]) => value[field] as string;
  return {
    ok: true,
    draft: {
      text: text('text'),
      src: text('src'),
      dst: text('dst'),
      sport: text('sport'),
      dport: text('dport'),
      protocol: value.protocol as NodeDraft['protocol'],
      origin: value.origin as NodeOrigin,
      localAddresses: text('localAddresses'),
      podInterface: text('podInterface'),
      ipsetSave: text('ipsetSave'),
    },
    assume: [...new Set(assume as number[])].sort((a, b) => a - b),
  };
}

/**
 * Reads an untrusted `node=` value: its length before decompressing, lz-string's
 * alphabet and data, the JSON's size and syntax, each field's kind, then the form's own
 * checks (addresses, ports), so that what opens is what Trace would accept. Never throws.
 * @example decodeNodeLink('garbage!') // { ok: false, problem: { kind: 'alphabet' } }
 */
export function decodeNodeLink(raw: string): NodeLinkResult {
  try {
    const read = decompressLinkText(raw, { maxChars: MAX_NODE_LINK_CHARS });
    if (!read.ok) return { ok: false, problem: read.problem };
    if (read.text.length > MAX_NODE_LINK_JSON)
      return { ok: false, problem: { kind: 'too-large', chars: read.text.length, limit: MAX_NODE_LINK_JSON } };
    let value: unknown;
    try {
      value = JSON.parse(read.text);
    } catch {
      return { ok: false, problem: { kind: 'not-json' } };
    }
    const payload = readPayload(value);
    if (!payload.ok) return { ok: false, problem: { kind: 'not-a-trace', field: payload.field } };
    const checked = checkDraft(payload.draft);
    if (!checked.ok) {
      const [field, problem] = Object.entries(checked.problems)[0] as [DraftField, FieldProblem];
      return { ok: false, problem: { kind: 'field', field, problem } };
    }
    return { ok: true, draft: payload.draft, input: { ...checked.input, assumeMatching: payload.assume } };
  } catch {
    // The last guard: a link must never break the page.
    return { ok: false, problem: { kind: 'corrupt' } };
  }
}

/** The page's URL (`pathname` and the query on screen) with the trace added as `node=`. */
export function nodeLinkUrl(href: string, pathname: string, search: string, value: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  // As the share menu writes `s=`: lz-string's characters as they are (a reader's `+` turned space is mended on reading).
  return new URL(`${pathname}?${query}${query ? '&' : ''}${NODE_LINK_PARAM}=${value}`, href).href;
}

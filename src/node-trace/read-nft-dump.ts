import { splitStatements, untilClosed } from '../nftables/logical-lines';
import { tokenizeNft, type NftToken } from '../nftables/tokenize';
import { buildNftTable, type NftDraftBlock, type NftDraftTable, type NftDumpTable } from './nft-dump-table';
import { cutLine, pushNote } from './dump-notes';
import type { DumpNote, DumpNoteCode, DumpNoteParams } from './node-trace-types';

/** A node's `nft list ruleset` as the trace runs it. */
export interface NftDump {
  /** Every table, in the order listed (arp, bridge and netdev ones are read, not traced; ip6 ones only for IPv6 packets). */
  readonly tables: readonly NftDumpTable[];
}

/** What reading the text gives: the tables, the notes by line, the rule lines as pasted. */
export interface NftDumpReading {
  readonly nft: NftDump;
  readonly notes: DumpNote[];
  readonly text: Record<number, string>;
  readonly tablesFound: number;
}

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);
/** Objects a table may hold that the trace does not run: noted, skipped. */
const OBJECTS = new Set(['flowtable', 'ct', 'counter', 'quota', 'limit', 'secmark', 'synproxy', 'tunnel']);
const HEAD_WORDS = new Set(['type', 'policy', 'devices', 'flags']);

interface Reading {
  readonly out: { nft: NftDump; tables: NftDumpTable[]; notes: DumpNote[]; text: Record<number, string>; tablesFound: number };
  readonly assume: ReadonlySet<number>;
  table: NftDraftTable | null;
  block: NftDraftBlock | null;
}

/**
 * Reads `nft list ruleset` (or `nft -a list ruleset`) from a real node, tolerantly: every
 * table of every family (kube-proxy's, iptables-nft's compat tables, a CNI's, Docker's,
 * firewalld's), counters and `# handle N` comments, flowtables and other objects (noted,
 * not run). A line that is not nft is an error by number and the rest reads on; an
 * expression the evaluator does not model is noted by name (see readNftRuleLine).
 *
 * @example readNftDump('table ip t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tiifgroup 1 accept\n\t}\n}', [], undefined).notes // [{ line: 4, kind: 'not-modelled', name: 'iifgroup', ... }]
 */
export function readNftDump(
  dump: string,
  assumeMatching: readonly number[],
  onProgress: ((line: number) => void) | undefined,
): NftDumpReading {
  const r: Reading = {
    out: { nft: { tables: [] }, tables: [], notes: [], text: {}, tablesFound: 0 },
    assume: new Set(assumeMatching),
    table: null,
    block: null,
  };
  r.out.nft = { tables: r.out.tables };
  const lines = dump.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const tokens = tokenizeNft(lines[i]!);
    if (!tokens.ok) {
      note(r, i + 1, 'error', 'nft-unreadable', { reason: tokens.error, text: cutLine(lines[i]!.trim()) });
      continue;
    }
    if (tokens.value.length > 0) {
      const logical = untilClosed(lines, i, tokens.value);
      if (!logical.ok) note(r, i + 1, 'error', 'nft-error', { reason: logical.error.replace(/^line \d+: /, '') });
      else {
        readLine(r, logical.value.tokens, logical.value.text, i + 1);
        i = logical.value.lastLine;
      }
    }
    if ((i + 1) % 5000 === 0) onProgress?.(i + 1);
  }
  if (r.table !== null) {
    note(r, r.table.startLine, 'error', 'nft-table-not-closed', { table: `${r.table.family} ${r.table.name}` });
    closeTable(r);
  }
  r.out.notes.sort((a, b) => a.line - b.line);
  const { nft, notes, text, tablesFound } = r.out;
  return { nft, notes, text, tablesFound };
}

function readLine(r: Reading, tokens: readonly NftToken[], text: string, lineNo: number): void {
  // Most lines of a big ruleset are rules after their chain's head: read them without more ado.
  if (r.block?.kind === 'chain' && r.block.rules.length > 0 && (tokens.length > 1 || tokens[0]!.text !== '}'))
    return addRule(r, r.block, tokens, text, lineNo);
  const w = tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text));
  const opens = w.length === 3 && w[2] === '{';
  if (r.table === null) {
    if (w[0] === 'table' && w.length === 4 && w[3] === '{' && FAMILIES.has(w[1]!)) return openTable(r, w[1]!, w[2]!, lineNo);
    return note(r, lineNo, 'error', 'not-nft', { text: cutLine(text.trim()) });
  }
  const block = r.block;
  if (w.length === 1 && w[0] === '}') return block === null ? closeTable(r) : void (r.block = null);
  if (block === null) {
    if (opens && (w[0] === 'chain' || w[0] === 'set' || w[0] === 'map')) {
      r.block = { kind: w[0], name: w[1]!, line: lineNo, head: [], rules: [] };
      r.table.blocks.push(r.block);
    } else if (OBJECTS.has(w[0]!))
      note(r, lineNo, 'info', 'nft-object-not-traced', { object: w.slice(0, w[0] === 'ct' ? 3 : 2).join(' ') });
    else if (w[0] !== 'comment' && w[0] !== 'flags') note(r, lineNo, 'error', 'nft-cannot-read', { text: cutLine(text.trim()) });
    return;
  }
  if (block.kind !== 'chain') {
    block.head.push(...splitStatements(tokens));
  } else if (block.rules.length === 0 && (HEAD_WORDS.has(w[0]!) || (w[0] === 'comment' && w.length === 2))) {
    block.head.push(...splitStatements(tokens));
  } else addRule(r, block, tokens, text, lineNo);
}

function addRule(r: Reading, block: NftDraftBlock, tokens: readonly NftToken[], text: string, lineNo: number): void {
  block.rules.push({ line: lineNo, tokens, text, comment: text.includes('#') ? ruleComment(text) : '' });
  r.out.text[lineNo] = text.trim();
}

function openTable(r: Reading, family: string, name: string, lineNo: number): void {
  r.out.tablesFound++;
  r.table = { family, name, startLine: lineNo, blocks: [] };
  if (family !== 'ip' && family !== 'ip6' && family !== 'inet')
    note(r, lineNo, 'info', 'nft-table-not-traced', { table: `${family} ${name}` });
}

function closeTable(r: Reading): void {
  const t = r.table!;
  if (r.block !== null) note(r, r.block.line, 'error', 'nft-block-not-closed', { block: `${r.block.kind} ${r.block.name}` });
  r.out.tables.push(buildNftTable(t, r.assume, (line, kind, code, params, name) => note(r, line, kind, code, params, name)));
  r.table = null;
  r.block = null;
}

/** What follows an unquoted `#` in a rule's line, without nft -a's `handle N`: '' when nothing else. */
function ruleComment(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '#' && !quoted)
      return text
        .slice(i + 1)
        .replace(/\bhandle \d+/, '')
        .trim();
  }
  return '';
}

function note<C extends DumpNoteCode>(
  r: Reading,
  line: number,
  kind: DumpNote['kind'],
  code: C,
  params: DumpNoteParams[C],
  name?: string,
): void {
  pushNote(r.out.notes, line, kind, code, params, name);
}

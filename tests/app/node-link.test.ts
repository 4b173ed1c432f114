import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type NodeDraft } from '../../app/node/node-draft';
import { decodeNodeLink, encodeNodeLink, MAX_NODE_LINK_CHARS, nodeLinkUrl } from '../../app/node/node-link';
import { nodeStrings } from '../../app/i18n/node-strings';
import { readUrl, writeUrl } from '../../app/url/url-state';
import { createAppStore } from '../../app/store/create-app-store';

const CALICO = readFileSync('tests/fixtures/node-dumps/calico-counters.txt', 'utf8');
const DRAFT: NodeDraft = {
  ...EMPTY_DRAFT,
  text: CALICO,
  src: '10.244.1.2',
  dst: '10.96.0.10',
  dport: '80',
  protocol: 'tcp',
  origin: 'pod',
  localAddresses: '192.168.0.11',
  podInterface: 'cali12d4a061371',
  ipsetSave: readFileSync('tests/fixtures/node-dumps/calico-ipsets.txt', 'utf8'),
};
const encoded = (draft: NodeDraft, assume: readonly number[] = []) => {
  const link = encodeNodeLink(draft, assume);
  if (!link.ok) throw new Error('too long');
  return link.value;
};
const compressed = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));

describe('the Your node link (node=)', () => {
  it('round-trips the dump, the node facts, the packet and the lines counted as matching, compressed', () => {
    const value = encoded(DRAFT, [14]);
    expect(value.length).toBeLessThan(CALICO.length);
    expect(value).toMatch(/^[A-Za-z0-9+\-$]+$/);
    const opened = decodeNodeLink(value);
    expect(opened).toMatchObject({ ok: true, draft: DRAFT });
    expect(opened.ok && opened.input).toMatchObject({
      text: CALICO,
      packet: { src: '10.244.1.2', dst: '10.96.0.10', sport: 40000, dport: 80, protocol: 'tcp' },
      origin: 'pod',
      facts: { localAddresses: ['192.168.0.11'], podInterface: 'cali12d4a061371', ipsetSave: DRAFT.ipsetSave },
      assumeMatching: [14],
    });
  });

  it('reads a value whose + a query string turned into spaces, as URLSearchParams does', () => {
    const value = encoded(DRAFT);
    expect(value).toContain('+');
    const url = nodeLinkUrl('https://example.edu/k8s/', '/k8s/', '?preset=article&lab=node', value);
    expect(url.startsWith('https://example.edu/k8s/?preset=article&lab=node&node=')).toBe(true);
    const raw = new URL(url).searchParams.get('node')!;
    expect(raw).toContain(' ');
    expect(decodeNodeLink(raw)).toMatchObject({ ok: true, draft: DRAFT });
  });

  it('refuses a dump too large for a link, saying how long it would be', () => {
    // Lines that do not repeat: lz-string cannot shrink them much.
    const lines = Array.from(
      { length: 4000 },
      (_, i) => `-A KUBE-SEP-${(i * 7919).toString(36).toUpperCase()} -s 10.${i % 250}.${i % 199}.${i % 97}/32 -j KUBE-MARK-MASQ`,
    );
    const link = encodeNodeLink({ ...DRAFT, text: lines.join('\n') }, []);
    expect(link.ok).toBe(false);
    expect(!link.ok && link.chars).toBeGreaterThan(MAX_NODE_LINK_CHARS);
    expect(!link.ok && link.limit).toBe(MAX_NODE_LINK_CHARS);
    // Megabytes are not compressed to find out.
    expect(encodeNodeLink({ ...DRAFT, text: 'x'.repeat(MAX_NODE_LINK_CHARS * 13) }, [])).toEqual({
      ok: false,
      chars: null,
      limit: MAX_NODE_LINK_CHARS,
    });
  });

  const good = encoded(DRAFT);
  it.each([
    ['empty', '', { kind: 'empty' }],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), null],
    ['not lz-string characters', 'abc<script>', { kind: 'alphabet' }],
    [
      'longer than a link may be',
      'A'.repeat(MAX_NODE_LINK_CHARS + 1),
      { kind: 'too-long', chars: MAX_NODE_LINK_CHARS + 1, limit: MAX_NODE_LINK_CHARS },
    ],
    ['not JSON', LZString.compressToEncodedURIComponent('{"v":1,'), { kind: 'not-json' }],
    ['another version', compressed({ ...DRAFT, v: 2 }), { kind: 'not-a-trace', field: 'v' }],
    ['a field of the wrong kind', compressed({ ...DRAFT, v: 1, dport: 80 }), { kind: 'not-a-trace', field: 'dport' }],
    ['an unknown origin', compressed({ ...DRAFT, v: 1, origin: 'moon' }), { kind: 'not-a-trace', field: 'origin' }],
    ['bad matching lines', compressed({ ...DRAFT, v: 1, assumeMatching: [-1] }), { kind: 'not-a-trace', field: 'assumeMatching' }],
    ['a JSON array', compressed([1, 2]), { kind: 'not-a-trace', field: '' }],
    [
      'an address the form refuses',
      compressed({ ...DRAFT, v: 1, src: '10.244.1' }),
      { kind: 'field', field: 'src', problem: { kind: 'not-ip', value: '10.244.1' } },
    ],
  ] as const)('a value that is %s opens nothing and says why', (_, raw, problem) => {
    const opened = decodeNodeLink(raw);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    // Truncated data decompresses to nothing or to JSON cut short, depending on where it was cut.
    if (problem === null) expect(['corrupt', 'not-json']).toContain(opened.problem.kind);
    else expect(opened.problem).toEqual(problem);
    for (const lang of ['en', 'zh'] as const) expect(nodeStrings[lang].link.problem(opened.problem)).toMatch(/\S/);
  });

  it('words each problem in both languages', () => {
    const problem = { kind: 'field', field: 'src', problem: { kind: 'not-ip', value: '10.244.1' } } as const;
    expect(nodeStrings.en.link.problem(problem)).toBe(
      'Source IP: "10.244.1" is not an IPv4 or IPv6 address (like 10.96.0.10 or fd00:10:96::a).',
    );
    expect(nodeStrings.zh.link.problem(problem)).toBe('源 IP：“10.244.1”不是 IPv4 或 IPv6 地址（例如 10.96.0.10 或 fd00:10:96::a）。');
    expect(nodeStrings.en.link.problem({ kind: 'corrupt' })).toBe('it is not valid compressed data (truncated or corrupted).');
  });

  it('the URL: node= opens the Your node tab, and the page never writes it back', () => {
    const value = encoded(DRAFT);
    const request = readUrl(`?preset=article&step=3&node=${value}`);
    expect(request.lab).toBe('node');
    expect(request.nodeLink).toBe(new URLSearchParams(`node=${value}`).get('node'));
    expect(request.alerts).toEqual([]);
    const store = createAppStore({ preset: 'article', lab: request.lab });
    const search = writeUrl(store.getState());
    expect(search).toContain('lab=node');
    expect(search).not.toContain('node=');
  });
});

import { readNodeDump, traceNodeDump, type NodeDump, type NodeTraceInput } from '../../src/node-trace';
import type { NodeTraceReply } from './node-messages';
import { foldTrace } from './rule-runs';

/** The last dump read, with what it was read from: a new packet on the same text is traced without reading it again. */
let last: { readonly text: string; readonly assume: string; readonly dump: NodeDump } | null = null;

/** Counts the text's lines without splitting it (a 50,000-line dump is megabytes). */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * One trace as the node worker runs it: the dump read (reporting progress every 5,000
 * lines) unless the same text was read last time with the same lines assumed matching,
 * then the packet traced, and the trace folded to what the page shows. Here apart from the worker's script so that tests and the
 * page without Worker run the very same steps.
 */
export function runNodeTrace(id: number, input: NodeTraceInput, post: (reply: NodeTraceReply) => void): void {
  const start = performance.now();
  const assume = [...(input.assumeMatching ?? [])].sort((a, b) => a - b).join(',');
  if (last === null || last.text !== input.text || last.assume !== assume) {
    const total = countLines(input.text);
    post({ id, kind: 'progress', line: 0, total });
    const options = {
      assumeMatching: input.assumeMatching ?? [],
      onProgress: (line: number) => post({ id, kind: 'progress', line, total }),
    };
    last = { text: input.text, assume, dump: readNodeDump(input.text, options) };
  }
  const traced = traceNodeDump(input, last.dump);
  post({ id, kind: 'done', result: traced.ok ? { ok: true, value: foldTrace(traced.value) } : traced, ms: performance.now() - start });
}

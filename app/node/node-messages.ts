import type { NodeTraceInput } from '../../src/node-trace';
import type { Result } from '../../src/net/result';
import type { ShownTrace } from './rule-runs';

/** The page asks the node worker for one trace; `id` pairs the answers with it. */
export interface NodeTraceRequest {
  readonly id: number;
  readonly input: NodeTraceInput;
}

/** Lines read so far (of `total`), the trace's result, or an engine failure. */
export type NodeTraceReply =
  | { readonly id: number; readonly kind: 'progress'; readonly line: number; readonly total: number }
  | { readonly id: number; readonly kind: 'done'; readonly result: Result<ShownTrace>; readonly ms: number }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

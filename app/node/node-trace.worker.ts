// The node worker: reads and traces a pasted iptables-save dump off the page's main thread,
// so a 50,000-line dump leaves the page responsive. Started by node-trace-runner.ts.
import type { NodeTraceReply, NodeTraceRequest } from './node-messages';
import { runNodeTrace } from './run-node-trace';

/** The worker's global scope, as far as this file uses it (the project's types are the page's DOM ones). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<NodeTraceRequest>) => void) | null;
  postMessage(reply: NodeTraceReply): void;
};

scope.onmessage = ({ data }) => {
  try {
    runNodeTrace(data.id, data.input, (reply) => scope.postMessage(reply));
  } catch (e) {
    // An engine bug: the page says so and keeps what it showed.
    scope.postMessage({ id: data.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};

import { isPacketStep, type Figure, type Trace } from '../../../src/index';

/** One picture of the article's figures: which figure, its step number, and the trace step it shows. */
export interface ClassicStep {
  readonly figure: Figure;
  readonly n: number;
  readonly stepIndex: number;
}

export const FIGURE_STEPS: Readonly<Record<Figure, number>> = { 'pod-to-service': 5, 'service-to-pod': 4 };

/**
 * The trace steps that the article's two figures draw, for the trace's first
 * connection: for each stage, the step the GIF's dot stands for (the packet
 * on the wire for Pod-to-Service 5 and Service-to-Pod 1, the rewrite for the
 * iptables steps), else the stage's first step. Null when the trace does not
 * have the figures' shape: a pod calling a Service whose chosen endpoint is on
 * another node, and the reply coming back (the figures draw one node, the
 * cloud, and the rewrite in iptables).
 */
export function classicSteps(trace: Trace): readonly ClassicStep[] | null {
  const connection = trace.connections[0];
  if (!connection || connection.endpoint === null || connection.outcome === 'rejected' || connection.outcome === 'dropped') return null;
  const steps = trace.steps.filter(isPacketStep).filter((s) => s.connection === 0 && s.stage !== null);
  const out: ClassicStep[] = [];
  for (const figure of ['pod-to-service', 'service-to-pod'] as const) {
    for (let n = 1; n <= FIGURE_STEPS[figure]; n++) {
      const stage = steps.filter((s) => s.stage!.figure === figure && s.stage!.n === n);
      const preferred =
        (figure === 'pod-to-service' && n === 5) || (figure === 'service-to-pod' && n === 1)
          ? stage.find((s) => s.kind === 'wire')
          : (figure === 'pod-to-service' && n === 4) || (figure === 'service-to-pod' && n === 2)
            ? stage.find((s) => s.kind === 'dnat' || s.kind === 'reverse-nat')
            : undefined;
      const step = preferred ?? stage[0];
      if (!step) return null;
      out.push({ figure, n, stepIndex: step.index });
    }
  }
  // The figures cross the network: the endpoint must be on another node.
  if (!trace.steps.some((s) => isPacketStep(s) && s.connection === 0 && s.kind === 'wire')) return null;
  return out;
}

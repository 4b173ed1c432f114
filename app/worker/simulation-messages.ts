import type { SimulateProgress } from '../../src/index';
import type { SimulationJob, SimulationOutcome } from '../store/background-simulator';

/** The page asks the worker to run a job; `id` pairs the answers with it. */
export interface SimulationRequest {
  readonly id: number;
  readonly job: SimulationJob;
}

/** What the worker sends back: progress as it goes, then the outcome, or why it could not finish. */
export type SimulationReply =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: SimulateProgress }
  /** `ms`: how long validating and simulating took in the worker (for `npm run bench:worker`). */
  | { readonly id: number; readonly kind: 'done'; readonly outcome: SimulationOutcome; readonly ms: number }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

import type { LbLabOptions, LbLabResult, Result, Scenario } from '../../src/index';

/** The page asks the worker for a load-balancing lab run; `id` pairs the answer with it. */
export interface LabRequest {
  readonly id: number;
  readonly lab: { readonly scenario: Scenario; readonly options: LbLabOptions };
}

/** The lab's result (or why the options could not be used), with how long the worker took. */
export type LabReply =
  | { readonly id: number; readonly kind: 'lab-done'; readonly result: Result<LbLabResult>; readonly ms: number }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export const isLabRequest = (data: unknown): data is LabRequest => typeof data === 'object' && data !== null && 'lab' in data;

import type { DeviceId } from '../net/ids';
import type { Step } from '../trace/types';

/** A step as the walk knows it; `simulate` adds the connection, the time, conntrack snapshots and the stage. */
export type StepDraft = Pick<Step, 'kind' | 'node' | 'at' | 'to' | 'hook' | 'before' | 'after' | 'rules' | 'conntrackChange' | 'note'> & {
  readonly ipvsChange?: Step['ipvsChange'];
};

/** Receives each step as the walk takes it. */
export type RecordStep = (draft: StepDraft) => void;

export const device = (owner: string, name: string) => `${owner}/${name}` as DeviceId;

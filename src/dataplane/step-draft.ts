import type { DeviceId, NodeName } from '../net/ids';
import type { Packet } from '../net/packet';
import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { ConntrackChange, NetfilterHook, Note, StepKind } from '../trace/types';

/** A step as the walk knows it; `simulate` adds the connection, the time, conntrack snapshots and the stage. */
export interface StepDraft {
  readonly kind: StepKind;
  readonly node: NodeName | null;
  readonly at: DeviceId;
  readonly to: DeviceId;
  readonly hook: NetfilterHook | null;
  readonly before: Packet;
  readonly after: Packet;
  readonly rules: readonly EvaluatedRule[];
  readonly conntrackChange: ConntrackChange | null;
  readonly note: Note;
}

/** Receives each step as the walk takes it. */
export type RecordStep = (draft: StepDraft) => void;

export const device = (owner: string, name: string) => `${owner}/${name}` as DeviceId;

import type { DeviceId } from '../net/ids';
import type { StepPacket } from '../net/packet';
import type { PacketStep } from '../trace/types';

/** A step as the walk knows it; `simulate` adds the connection, the time, the tables after it and the stage. */
export type StepDraft = Pick<
  PacketStep,
  'kind' | 'node' | 'at' | 'to' | 'hook' | 'before' | 'after' | 'rules' | 'nftRules' | 'conntrackChange' | 'ipvsChange' | 'note'
>;

/** What a hop says about itself: where it happens, what it did and the packet it got; everything else has a default in `stepDraft`. */
export type StepDraftInput = Pick<StepDraft, 'kind' | 'node' | 'at' | 'to' | 'note'> &
  Partial<Pick<StepDraft, 'hook' | 'after' | 'rules' | 'nftRules' | 'conntrackChange' | 'ipvsChange'>> & {
    /** The packet as the step received it (the step's `before`). */
    readonly packet: StepPacket;
  };

/**
 * Builds a step of the walk from what differs from a plain hop: by default it
 * runs at no netfilter hook, leaves the packet as it is (`after` = `packet`),
 * evaluates no rule (iptables or nft) and changes neither conntrack nor IPVS.
 *
 * @example stepDraft({ kind: 'veth', node, at: device('vm1', 'veth0'), to: device('vm1', 'cbr0'), packet, note })
 */
export function stepDraft(input: StepDraftInput): StepDraft {
  return {
    kind: input.kind,
    node: input.node,
    at: input.at,
    to: input.to,
    hook: input.hook ?? null,
    before: input.packet,
    after: input.after ?? input.packet,
    rules: input.rules ?? [],
    nftRules: input.nftRules ?? [],
    conntrackChange: input.conntrackChange ?? null,
    ipvsChange: input.ipvsChange ?? null,
    note: input.note,
  };
}

/** Receives each step as the walk takes it. */
export type RecordStep = (draft: StepDraft) => void;

export const device = (owner: string, name: string) => `${owner}/${name}` as DeviceId;

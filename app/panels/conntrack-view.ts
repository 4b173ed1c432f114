import { isPacketStep, type ConntrackChange, type Step } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';

/**
 * The node whose table the conntrack panel opens on: where conntrack changed,
 * else the step's node, else (on the wire) the node the packet just left.
 */
export function defaultConntrackNode(step: Step): string | undefined {
  const nodes = step.conntrack.map((c) => c.node as string);
  const changed = isPacketStep(step) ? step.conntrackChange?.node : undefined;
  const wanted = changed ?? step.node ?? step.at.split('/')[0];
  return wanted !== undefined && nodes.includes(wanted) ? wanted : nodes[0];
}

/** "new entry (SYN_SENT)", "SYN_SENT -> SYN_RECV", "matched (ESTABLISHED)"; states are empty for UDP. */
export function describeChange(change: ConntrackChange, t: PanelStrings): string {
  if (change.change === 'new') return change.to ? `${t.entryNew} (${change.to})` : t.entryNew;
  if (change.from && change.to && change.from !== change.to) return `${change.from} -> ${change.to}`;
  return change.to ? `${t.entryMatched} (${change.to})` : t.entryMatched;
}

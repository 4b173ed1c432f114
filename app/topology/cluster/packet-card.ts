import { isPacketStep, packetAddress, type Step } from '../../../src/index';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { packetRewrites } from './rewrite';
import { textBox } from './text-box';

/** One address line of the card: `dst 10.96.0.10:80`, struck through when the step replaced it. */
export interface CardLine {
  readonly field: 'src' | 'dst';
  readonly label: string;
  readonly value: string;
  /** The old value a rewrite replaced (drawn struck through), or the new one (drawn bold). */
  readonly role: 'kept' | 'old' | 'new';
}

export interface PacketCardContent {
  /** The packet's name ("SYN"), and who rewrote it when that is not a nat rule ("IPVS (rr)"). */
  readonly title: string;
  readonly heading: string | null;
  readonly lines: readonly CardLine[];
  readonly width: number;
  readonly height: number;
}

export const CARD_SIZE = 12;
export const CARD_LINE = 14;
export const CARD_PAD_X = 8;
export const CARD_PAD_Y = 3;

/**
 * What the card beside the packet says, read from the step's own packets:
 * its source and destination as `ip:port`; a field the step rewrote keeps
 * its old line, struck through, with the new one directly under it, as the
 * article's card does (~~`dst: svc1`~~ then `dst: pod4`). A control-plane
 * step carries no packet: its card has only a title.
 */
export function packetCard(step: Step, strings: ClusterStrings): PacketCardContent {
  const packet = isPacketStep(step) ? step : null;
  const title = packet ? packet.label : strings.controlPlane;
  const rewrites = packet ? packetRewrites(packet.before, packet.after) : [];
  const heading = packet?.ipvsChange && rewrites.length ? strings.ipvsRewrite(packet.ipvsChange.scheduler) : null;
  const lines: CardLine[] = [];
  if (packet) {
    const after = { src: packetAddress(packet.after, 'src'), dst: packetAddress(packet.after, 'dst') };
    for (const field of ['src', 'dst'] as const) {
      const label = strings.rewrite[field];
      const rewrite = rewrites.find((r) => r.field === field);
      if (rewrite) lines.push({ field, label, value: rewrite.from, role: 'old' }, { field, label, value: rewrite.to, role: 'new' });
      else lines.push({ field, label, value: after[field], role: 'kept' });
    }
  }
  const titleLine = heading ? `${title} · ${heading}` : title;
  // Bold lines (the title, a new value) run wider than regular ones.
  const width = (line: string, bold: boolean) => textBox(0, 0, line, CARD_SIZE, { bold }).w;
  const widths = [width(titleLine, true), ...lines.map((l) => width(`${l.label} ${l.value}`, l.role === 'new'))];
  return {
    title,
    heading,
    lines,
    width: Math.ceil(Math.max(...widths) + 2 * CARD_PAD_X),
    height: (1 + lines.length) * CARD_LINE + 2 * CARD_PAD_Y,
  };
}

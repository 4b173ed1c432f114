import { isPacketStep, type Step, type StepKind, type Trace } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';
import type { ClassicStep } from '../topology/classic/classic-steps';

/** Colour family of a tick, so the eye finds the NAT steps on the timeline. */
export type TickCategory = keyof PanelStrings['tickGroups'];

const CATEGORY: Readonly<Record<StepKind, TickCategory>> = {
  dnat: 'nat',
  snat: 'nat',
  'reverse-nat': 'nat',
  'conntrack-new': 'conntrack',
  'conntrack-hit': 'conntrack',
  hook: 'filter',
  reject: 'stop',
  'icmp-error': 'stop',
  'socket-error': 'stop',
  drop: 'stop',
  'leave-pod': 'l2',
  veth: 'l2',
  bridge: 'l2',
  'bridge-miss': 'l2',
  deliver: 'l2',
  route: 'l3',
  wire: 'l3',
  'arrive-node': 'l3',
  'api-event': 'control',
  'kube-proxy-sync': 'control',
};

export function tickCategory(kind: StepKind): TickCategory {
  return CATEGORY[kind];
}

/** One stop of the timeline: a trace step, or one of the article's pictures in the classic view. */
export interface TimelineStop {
  readonly stepIndex: number;
  readonly kind: StepKind;
  /** Which run of ticks it belongs to: a packet ("SYN") or an article figure. */
  readonly group: string;
  /** The group's label above its ticks: "SYN" ("#2 SYN" when the trace has several connections), "Pod to Service". */
  readonly groupLabel: string;
  /** What its tick says when hovered: "4 dnat", "Pod to Service 4". */
  readonly title: string;
  /** Written on the tick when there is room: the article's step number in the classic view. */
  readonly badge: string;
}

/** Every step of the trace, grouped by packet (a new group where a new packet starts). */
export function traceStops(trace: Trace): TimelineStop[] {
  const several = trace.connections.length > 1;
  return trace.steps.map((s: Step) => ({
    stepIndex: s.index,
    kind: s.kind,
    // Control-plane steps group by the moment of their event.
    group: isPacketStep(s) ? `${s.connection}:${s.packet}` : `event:${s.time}`,
    groupLabel: !isPacketStep(s) ? 'API' : several ? `#${s.connection + 1} ${s.label}` : s.label,
    title: `${s.index + 1} ${s.label} ${s.kind}`,
    badge: '',
  }));
}

/** The article's nine pictures, grouped by figure. */
export function classicStops(trace: Trace, pictures: readonly ClassicStep[], t: PanelStrings): TimelineStop[] {
  return pictures.map((p) => ({
    stepIndex: p.stepIndex,
    kind: trace.steps[p.stepIndex]?.kind ?? 'hook',
    group: p.figure,
    groupLabel: t.figures[p.figure],
    title: `${t.figures[p.figure]} ${p.n}`,
    badge: String(p.n),
  }));
}

import type { ClusterStrings } from '../../i18n/cluster-strings';
import { toPoints } from './geometry';
import type { OutsideBox, OutsideLayout } from './model';
import { FIRST_SIZE, LINE_H, LINE_SIZE, outsideLines, type Span } from './outside-lines';
import { PALETTE } from './palette';

const TONES: Record<NonNullable<Span['tone']>, string> = { muted: PALETTE.muted, ok: PALETTE.ok, bad: PALETTE.struck };

/** The wires from the clients to the router or load balancer and down onto the nodes' network (under the band and the boxes), each from its box's lower edge. */
export function OutsideWires({ outside }: { readonly outside: OutsideLayout }) {
  return (
    <g data-id="outside-wires" fill="none" stroke={PALETTE.line} strokeWidth={1.25}>
      {outside.boxes.map((o) => (
        <line key={o.id} x1={o.anchor[0]} y1={o.box.y + o.box.h} x2={o.anchor[0]} y2={o.anchor[1]} />
      ))}
      {outside.links.map((l) => (
        <polyline key={`${l.from}>${l.to}`} points={toPoints(l.points)} />
      ))}
    </g>
  );
}

interface OutsideBoxesProps {
  readonly outside: OutsideLayout;
  readonly active: ReadonlySet<string>;
  /** The current connection's client, drawn in the client's colours as a client pod is. */
  readonly client: string | null;
  readonly strings: ClusterStrings;
}

/** Every client outside the cluster, the router and the load balancer, as labelled boxes (`data-id="device:<id>"`). */
export function OutsideBoxes({ outside, active, client, strings }: OutsideBoxesProps) {
  return (
    <g data-id="outside">
      {outside.boxes.map((o) => (
        <OutsideBoxShape
          key={o.id}
          outside={o}
          active={active.has(o.id)}
          client={o.item.kind === 'client' && o.item.name === client}
          strings={strings}
        />
      ))}
    </g>
  );
}

function titleOf(o: OutsideBox, strings: ClusterStrings): string | null {
  if (o.item.kind === 'client') return strings.clientTitle(o.item.name, o.item.ip, o.item.via);
  if (o.item.kind === 'load-balancer' && o.item.health[0]) return strings.healthTitle(o.item.health[0].port);
  return null;
}

function OutsideBoxShape({
  outside: o,
  active,
  client,
  strings,
}: {
  outside: OutsideBox;
  active: boolean;
  client: boolean;
  strings: ClusterStrings;
}) {
  const b = o.box;
  const hop = o.item.kind !== 'client';
  const title = titleOf(o, strings);
  return (
    <g data-id={`device:${o.id}`} data-active={active ? 'true' : 'false'} data-kind={o.item.kind}>
      {title && <title>{title}</title>}
      <rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={hop ? 4 : 8}
        fill={active ? PALETTE.activeFill : client ? PALETTE.clientFill : hop ? PALETTE.nodeFill : PALETTE.box}
        stroke={active ? PALETTE.active : client ? PALETTE.clientStroke : PALETTE.boxStroke}
        strokeWidth={active ? 2.5 : 1.5}
      />
      {outsideLines(o.item, strings).map((line, i) => (
        <text
          key={i}
          x={b.x + b.w / 2}
          y={b.y + 18 + i * LINE_H}
          textAnchor="middle"
          fontSize={i === 0 ? FIRST_SIZE : LINE_SIZE}
          fill={PALETTE.ink}
        >
          {line.map((s, j) => (
            <tspan key={j} fontWeight={s.bold ? 700 : 400} fill={s.tone ? TONES[s.tone] : undefined}>
              {s.text}
            </tspan>
          ))}
        </text>
      ))}
    </g>
  );
}

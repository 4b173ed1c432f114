import type { ReactNode } from 'react';
import type { ClassicPicture } from './picture';
import { cloudPath } from './cloud';
import {
  CBR0,
  CLOUD,
  COLORS,
  NODE,
  NODE_LABEL,
  POD_LEFT,
  POD_RIGHT,
  ROOT_ETH0,
  ROOT_NETNS,
  ROOT_NETNS_LABEL,
  STATIC_LINKS,
  VETH_LEFT,
  VETH_RIGHT,
  type Box,
  type Label,
} from './geometry';

function Rect({ box, id }: { box: Box; id?: string }) {
  return <rect data-id={id} x={box.x} y={box.y} width={box.w} height={box.h} fill={COLORS.paper} stroke={COLORS.ink} />;
}

export function Text({ at, children }: { at: Label; children: ReactNode }) {
  return (
    <text x={at.x} y={at.y} textAnchor={at.anchor}>
      {children}
    </text>
  );
}

/**
 * What every picture of both figures shares: the node, its root netns with eth0,
 * cbr0 and the two veths, the two pod namespaces and the cloud, in the order
 * draw.io stacked them (later shapes cover earlier ones' strokes).
 */
export function StaticLayer({ picture }: { picture: ClassicPicture }) {
  const { client, neighbour } = picture;
  return (
    <g data-id="classic-static">
      <rect
        data-id="classic-node"
        x={NODE.x}
        y={NODE.y}
        width={NODE.w}
        height={NODE.h}
        rx={NODE.r}
        fill={COLORS.nodeFill}
        stroke={COLORS.nodeStroke}
      />
      <Text at={NODE_LABEL}>{picture.nodeLabel}</Text>
      <Rect box={ROOT_NETNS} id="classic-root-netns" />
      <Text at={ROOT_NETNS_LABEL}>root netns</Text>
      <Rect box={POD_LEFT.netns} id="classic-client-netns" />
      <Text at={POD_LEFT.netnsLabel}>{`${client.name} netns`}</Text>
      <Rect box={POD_RIGHT.netns} id="classic-neighbour-netns" />
      {neighbour ? <Text at={POD_RIGHT.netnsLabel}>{`${neighbour.name} netns`}</Text> : null}
      {STATIC_LINKS.map((d) => (
        <path key={d} d={d} fill="none" stroke={COLORS.ink} />
      ))}
      <path data-id="classic-cloud" d={cloudPath(CLOUD)} fill={COLORS.paper} stroke={COLORS.ink} />
      <Rect box={ROOT_ETH0.box} />
      <Text at={ROOT_ETH0.label}>eth0</Text>
      <Rect box={CBR0.box} />
      <Text at={CBR0.label}>cbr0</Text>
      <Rect box={VETH_LEFT.box} />
      <Text at={VETH_LEFT.label}>{client.veth}</Text>
      <Rect box={VETH_RIGHT.box} />
      {neighbour ? <Text at={VETH_RIGHT.label}>{neighbour.veth}</Text> : null}
      <Rect box={POD_LEFT.eth0} />
      <Text at={POD_LEFT.eth0Label}>eth0</Text>
      <Rect box={POD_RIGHT.eth0} />
      <Text at={POD_RIGHT.eth0Label}>eth0</Text>
    </g>
  );
}

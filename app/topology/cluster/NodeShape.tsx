import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { DeviceShape } from './DeviceShape';
import { toPoints } from './geometry';
import type { NodeLayout } from './model';
import { nodeLabelY } from './node-layout';
import { PALETTE } from './palette';
import { PodShape, type PodRole } from './PodShape';

export interface NodeShapeProps {
  readonly node: NodeLayout;
  readonly active: ReadonlySet<string>;
  readonly running: string | null;
  readonly roles: ReadonlyMap<string, PodRole>;
  readonly strings: ClusterStrings;
  /** The back layer (boxes, wires, kube-proxy) is drawn under the step's path, the front (devices, pods) over it. */
  readonly layer: 'back' | 'front';
}

/** A node: the grey VM box, its root netns with wires, devices and kube-proxy, and its pods below. */
export const NodeShape = memo(function NodeShape({ node, active, running, roles, strings, layer }: NodeShapeProps) {
  const { box: b, root, kubeProxy: kp } = node;
  if (layer === 'front') return <NodeFront node={node} active={active} running={running} roles={roles} strings={strings} />;
  return (
    <g data-id={`node:${node.name}`}>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={14} fill={PALETTE.nodeFill} stroke={PALETTE.nodeStroke} strokeWidth={1.5} />
      <rect x={root.x} y={root.y} width={root.w} height={root.h} fill={PALETTE.box} stroke={PALETTE.rootStroke} />
      <text x={root.x + 8} y={root.y + 18} fontSize={12} fill={PALETTE.muted}>
        {strings.rootNetns}
      </text>
      <text x={b.x + 14} y={nodeLabelY(node)} fontSize={13} fill={PALETTE.muted}>
        <tspan fontWeight={700} fill={PALETTE.ink}>
          {node.name}
        </tspan>
        {`  ${node.ip}  ·  ${strings.podRange} ${node.podCidr}`}
      </text>
      <g fill="none" stroke={PALETTE.line} strokeWidth={1.25}>
        {node.links.map((l) => (
          <polyline key={`${l.from}>${l.to}`} points={toPoints(l.points)} />
        ))}
      </g>
      <g data-id={`kube-proxy:${node.name}`}>
        <rect x={kp.x} y={kp.y} width={kp.w} height={kp.h} rx={4} fill={PALETTE.box} stroke={PALETTE.boxStroke} strokeDasharray="3 2" />
        <text x={kp.x + kp.w / 2} y={kp.y + kp.h / 2} dominantBaseline="central" textAnchor="middle" fontSize={12} fill={PALETTE.ink}>
          {strings.kubeProxy}
        </text>
      </g>
    </g>
  );
});

function NodeFront({ node, active, running, roles, strings }: Omit<NodeShapeProps, 'layer'>) {
  const podEth0s = new Set(node.pods.map((p) => p.eth0.id));
  return (
    <g data-id={`node-devices:${node.name}`}>
      {node.devices
        .filter((d) => !podEth0s.has(d.id))
        .map((d) => (
          <DeviceShape key={d.id} device={d} active={active.has(d.id)} running={running === d.id} strings={strings} />
        ))}
      {node.pods.map((p) => (
        <PodShape key={p.name} pod={p} role={roles.get(p.name)} eth0Active={active.has(p.eth0.id)} strings={strings} />
      ))}
    </g>
  );
}

import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { DeviceShape } from './DeviceShape';
import { toPoints } from './geometry';
import type { NodeLayout } from './model';
import { nodeLabelY } from './node-layout';
import { PALETTE } from './palette';
import { PodShape, type PodRole } from './PodShape';

export interface NodeFrontProps {
  readonly node: NodeLayout;
  /** Drawn in full, or (far from the view, or too small to read) its pods as boxes alone. */
  readonly detail: boolean;
  readonly active: ReadonlySet<string>;
  readonly running: string | null;
  readonly roles: ReadonlyMap<string, PodRole>;
  readonly strings: ClusterStrings;
}

/**
 * A node's back layer, drawn under the step's path: the grey VM box, its root
 * netns with wires and kube-proxy (only the box and its name when not in
 * detail). It depends on the layout, the language and the level of detail
 * only, so a step change never re-renders it.
 */
export const NodeBack = memo(function NodeBack({
  node,
  detail,
  strings,
}: {
  readonly node: NodeLayout;
  readonly detail: boolean;
  readonly strings: ClusterStrings;
}) {
  const { box: b, root, kubeProxy: kp } = node;
  const vm = (
    <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={14} fill={PALETTE.nodeFill} stroke={PALETTE.nodeStroke} strokeWidth={1.5} />
  );
  if (!detail)
    return (
      <g data-id={`node:${node.name}`} data-detail="outline">
        {vm}
        <text x={b.x + 14} y={nodeLabelY(node)} fontSize={13} fontWeight={700} fill={PALETTE.ink}>
          {node.name}
        </text>
      </g>
    );
  return (
    <g data-id={`node:${node.name}`}>
      {vm}
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

/**
 * A node's front layer, drawn over the step's path: its devices and pods. The
 * caller hands a node the step does not touch the same empty props on every
 * step, so that `memo` skips it (on 100 nodes a step changes one or two).
 */
export const NodeFront = memo(function NodeFront({ node, detail, active, running, roles, strings }: NodeFrontProps) {
  if (!detail)
    return (
      <g data-id={`node-devices:${node.name}`} data-detail="outline" fill={PALETTE.box} stroke={PALETTE.rootStroke} strokeWidth={1.25}>
        {node.pods.map(({ name, box: p }) => (
          <rect key={name} x={p.x} y={p.y} width={p.w} height={p.h} rx={6} />
        ))}
      </g>
    );
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
});

import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { DeviceShape } from './DeviceShape';
import type { PodLayout } from './model';
import { PALETTE } from './palette';

/** What a pod is to the current connection: its client, an endpoint of its Service (the chosen one), or neither. */
export type PodRole = { readonly kind: 'client' } | { readonly kind: 'endpoint'; readonly service: string; readonly chosen: boolean };

export interface PodShapeProps {
  readonly pod: PodLayout;
  readonly role: PodRole | undefined;
  readonly eth0Active: boolean;
  readonly strings: ClusterStrings;
}

/** A pod's network namespace: its eth0 on the top edge (facing its veth), its name, its IP and its role. */
export const PodShape = memo(function PodShape({ pod, role, eth0Active, strings }: PodShapeProps) {
  const b = pod.box;
  const cx = b.x + b.w / 2;
  const fill = role?.kind === 'client' ? PALETTE.clientFill : role ? PALETTE.endpointFill : PALETTE.box;
  const stroke = role?.kind === 'client' ? PALETTE.clientStroke : role ? PALETTE.endpointStroke : PALETTE.rootStroke;
  const roleText = !role ? '' : role.kind === 'client' ? strings.client : strings.endpointOf(role.service);
  return (
    <g data-id={`pod:${pod.name}`} data-role={role?.kind} data-chosen={role?.kind === 'endpoint' && role.chosen ? 'true' : undefined}>
      <title>{`${pod.name} ${strings.podNetns} ${pod.ip}`}</title>
      <rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={6}
        fill={fill}
        stroke={stroke}
        strokeWidth={role?.kind === 'endpoint' && role.chosen ? 2.5 : 1.25}
      />
      <DeviceShape device={pod.eth0} active={eth0Active} running={false} strings={strings} />
      <text x={cx} y={b.y + 42} textAnchor="middle" fontSize={13} fontWeight={600} fill={PALETTE.ink}>
        {pod.name}
      </text>
      <text x={cx} y={b.y + 58} textAnchor="middle" fontSize={12} fill={PALETTE.muted}>
        {pod.ip}
      </text>
      {roleText && (
        <text
          x={cx}
          y={b.y + 73}
          textAnchor="middle"
          fontSize={11.5}
          fontWeight={role?.kind === 'endpoint' && role.chosen ? 700 : 400}
          fill={PALETTE.ink}
        >
          {roleText}
        </text>
      )}
    </g>
  );
});

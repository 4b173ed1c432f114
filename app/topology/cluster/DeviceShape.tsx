import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import { KubeIpvs0Shape } from './KubeIpvs0Shape';
import type { DeviceLayout } from './model';
import { PALETTE } from './palette';

export interface DeviceShapeProps {
  readonly device: DeviceLayout;
  readonly active: boolean;
  readonly running: boolean;
  readonly strings: ClusterStrings;
}

/** One interface, hook or decision point, as a labelled box; `data-id="device:<id>"` names it for tests and the browser. */
export const DeviceShape = memo(function DeviceShape({ device, active, running, strings }: DeviceShapeProps) {
  const { box: b, kind } = device;
  if (kind === 'kube-ipvs0') return <KubeIpvs0Shape device={device} active={active} strings={strings} />;
  const stroke = active ? PALETTE.active : kind === 'hook' || kind === 'routing' ? PALETTE.line : PALETTE.boxStroke;
  const fill = running ? PALETTE.runningFill : active ? PALETTE.activeFill : kind === 'hook' ? PALETTE.hookFill : PALETTE.box;
  const cx = b.x + b.w / 2;
  // Hooks and host keep their upper part free for the packet and write their name low, like the GIF's iptables box.
  const low = kind === 'hook' || kind === 'host';
  const label = kind === 'routing' ? strings.routing : kind === 'host' ? strings.host : device.label;
  return (
    <g
      data-id={`device:${device.id}`}
      data-active={active ? 'true' : 'false'}
      data-running={running ? 'true' : undefined}
      data-badge={device.badge}
    >
      {device.badge === 'IPVS' && <title>{strings.ipvsActs}</title>}
      <rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={kind === 'routing' ? b.h / 2 : 4}
        fill={fill}
        stroke={device.badge && !active ? PALETTE.ipvs : stroke}
        strokeWidth={active ? 2.5 : device.badge ? 1.75 : 1.25}
        strokeDasharray={kind === 'routing' ? '4 3' : undefined}
      />
      <text
        x={cx}
        y={low ? b.y + b.h - 8 : b.y + b.h / 2}
        dominantBaseline={low ? undefined : 'central'}
        textAnchor="middle"
        fontSize={kind === 'hook' ? 12 : kind === 'pod-eth0' ? 12 : 13}
        fontStyle={kind === 'routing' ? 'italic' : undefined}
        fontWeight={kind === 'hook' || kind === 'routing' ? 400 : 600}
        fill={kind === 'routing' ? PALETTE.muted : PALETTE.ink}
      >
        {label}
        {device.badge && (
          <tspan data-id="device-badge" fontWeight={700} fill={PALETTE.ipvs}>
            {' · '}
            {device.badge}
          </tspan>
        )}
        {device.detail && (
          <tspan fontWeight={400} fill={PALETTE.muted}>
            {' '}
            {device.detail}
          </tspan>
        )}
      </text>
    </g>
  );
});

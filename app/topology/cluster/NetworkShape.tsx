import { memo } from 'react';
import { toPoints } from './geometry';
import type { NetworkLayout } from './model';
import { PALETTE } from './palette';

/**
 * "The network" between the nodes: a band above each row, joined by a trunk, with a drop to every node's eth0.
 * `label` names it: "the nodes' network" when clients outside the cluster sit on it too.
 */
export const NetworkShape = memo(function NetworkShape({
  network,
  active,
  label,
}: {
  network: NetworkLayout;
  active: boolean;
  label: string;
}) {
  const stroke = active ? PALETTE.active : PALETTE.faint;
  const fill = active ? PALETTE.activeFill : PALETTE.network;
  const parts = network.trunk ? [...network.bands, network.trunk] : network.bands;
  return (
    <g data-id="device:net" data-active={active ? 'true' : 'false'}>
      <NetworkLinks links={network.links} />
      {parts.map((b, i) => (
        <rect key={i} x={b.x} y={b.y} width={b.w} height={b.h} rx={8} fill={fill} stroke={stroke} strokeWidth={active ? 2 : 1.25} />
      ))}
      {/* Fill over the seams, so bands and trunk read as one shape. */}
      {network.trunk &&
        network.bands.map((b, i) => (
          <rect key={`seam${i}`} x={network.trunk!.x + 1.5} y={b.y + 1.5} width={network.trunk!.w - 3} height={b.h - 3} fill={fill} />
        ))}
      {network.bands.map((b, i) => (
        <text
          key={`label${i}`}
          x={b.x + 12}
          y={b.y + b.h / 2}
          dominantBaseline="central"
          fontSize={12}
          fontStyle="italic"
          fill={PALETTE.muted}
        >
          {label}
        </text>
      ))}
    </g>
  );
});

/** The drops to every node's eth0 (100 on a big cluster): they do not change when the network lights up. */
const NetworkLinks = memo(function NetworkLinks({ links }: { readonly links: NetworkLayout['links'] }) {
  return (
    <g fill="none" stroke={PALETTE.line} strokeWidth={1.25}>
      {links.map((l) => (
        <polyline key={l.from} points={toPoints(l.points)} />
      ))}
    </g>
  );
});

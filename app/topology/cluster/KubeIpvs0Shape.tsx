import type { ClusterStrings } from '../../i18n/cluster-strings';
import type { DeviceLayout } from './model';
import { fitList } from './fit-list';
import { PALETTE } from './palette';

const ADDRESS_SIZE = 11;
/** How many addresses the tooltip names before "…". */
const TOOLTIP_FIRST = 8;

/** The first addresses that fit the width, then "+N" for the rest: "10.96.0.10/32 +199". */
function fitAddresses(addresses: readonly string[], width: number): string {
  return fitList(addresses, ' ', width, ADDRESS_SIZE);
}

/**
 * kube-ipvs0, the dummy device kube-proxy binds every ClusterIP to in IPVS
 * mode: its name, and its addresses as `ip addr` lists them (the first that
 * fit, and the count of the rest; the tooltip names the first few).
 */
export function KubeIpvs0Shape({ device, active, strings }: { device: DeviceLayout; active: boolean; strings: ClusterStrings }) {
  const b = device.box;
  const addresses = device.addresses ?? [];
  const cx = b.x + b.w / 2;
  return (
    <g data-id={`device:${device.id}`} data-active={active ? 'true' : 'false'} data-addresses={addresses.length}>
      <title>{strings.kubeIpvs0(addresses.length, addresses.slice(0, TOOLTIP_FIRST))}</title>
      <rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={4}
        fill={active ? PALETTE.activeFill : PALETTE.ipvsFill}
        stroke={active ? PALETTE.active : PALETTE.ipvs}
        strokeWidth={active ? 2.5 : 1.25}
        strokeDasharray="5 3"
      />
      {/* The upper part stays free for the packet, as on the hooks. */}
      <text x={cx} y={b.y + b.h - 20} textAnchor="middle" fontSize={12} fontWeight={600} fill={PALETTE.ink}>
        kube-ipvs0
      </text>
      <text data-id="kube-ipvs0-addresses" x={cx} y={b.y + b.h - 7} textAnchor="middle" fontSize={ADDRESS_SIZE} fill={PALETTE.muted}>
        {fitAddresses(addresses, b.w - 8)}
      </text>
    </g>
  );
}

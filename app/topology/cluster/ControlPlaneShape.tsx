import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';
import type { LevelOfDetail } from './level-of-detail';
import type { ClusterLayout, ServiceLayout } from './model';
import { fitList } from './fit-list';
import { exposureLines, LINE_H, LINE_SIZE } from './outside-lines';
import { PALETTE } from './palette';
import { textWidth } from './text-width';

interface ServiceShapeProps {
  readonly service: ServiceLayout;
  readonly active: boolean;
  /** Its name, address and endpoints, or (far from the view, or too small to read) its dashed box alone. */
  readonly detail: boolean;
  readonly strings: ClusterStrings;
}

const ServiceShape = memo(function ServiceShape({ service, active, detail, strings }: ServiceShapeProps) {
  const b = service.box;
  const box = (
    <rect
      x={b.x}
      y={b.y}
      width={b.w}
      height={b.h}
      rx={4}
      fill={active ? PALETTE.activeFill : PALETTE.box}
      stroke={active ? PALETTE.active : PALETTE.boxStroke}
      strokeWidth={active ? 2 : 1.25}
      strokeDasharray="6 4"
    />
  );
  if (!detail && !active)
    return (
      <g data-id={`service:${service.key}`} data-detail="outline">
        {box}
      </g>
    );
  const prefix = `${strings.endpoints}${strings.colon}`;
  const list = service.endpoints.length
    ? prefix + fitList(service.endpoints, ', ', b.w - 20 - textWidth(prefix, 12), 12)
    : strings.noEndpoints;
  const exposure = service.exposure ? exposureLines(service.exposure, strings) : [];
  return (
    <g data-id={`service:${service.key}`} data-active={active ? 'true' : 'false'}>
      <title>{`${service.key} ${service.address}`}</title>
      {box}
      <text x={b.x + 10} y={b.y + 18} fontSize={13} fill={PALETTE.ink}>
        <tspan fontWeight={700}>{service.name}</tspan>
        <tspan data-id="service-address">{`  ${service.address}`}</tspan>
      </text>
      {exposure.map((line, i) => (
        <text key={i} data-id="service-exposure" x={b.x + 10} y={b.y + 35 + i * LINE_H} fontSize={LINE_SIZE} fill={PALETTE.ink}>
          {line.map((sp, j) => (
            <tspan key={j} fill={sp.tone === 'muted' ? PALETTE.muted : undefined}>
              {sp.text}
            </tspan>
          ))}
        </text>
      ))}
      <text
        x={b.x + 10}
        y={b.y + 35 + exposure.length * LINE_H}
        fontSize={12}
        fill={service.endpoints.length ? PALETTE.muted : PALETTE.struck}
      >
        {list}
      </text>
    </g>
  );
});

/** The dashed lines along which each node's kube-proxy watches the API server: they change with the layout and the language only. */
const WatchLines = memo(function WatchLines({ layout, strings }: { readonly layout: ClusterLayout; readonly strings: ClusterStrings }) {
  return (
    <g fill="none" stroke={PALETTE.faint} strokeWidth={1} strokeDasharray="4 3">
      {/* Each straight run its own <line>: the rasteriser dashes a lone line only where it is drawn, but a
        polyline over its whole length for every tile (100 long dashed polylines: 300 ms a step on large). */}
      {layout.watches.map((w) => (
        <g key={w.node} data-id={`watch:${w.node}`}>
          <title>{layout.mode === 'ipvs' ? strings.watchesIpvs : layout.mode === 'nftables' ? strings.watchesNft : strings.watches}</title>
          {w.points.slice(1).map(([x2, y2], i) => {
            const [x1, y1] = w.points[i]!;
            return <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} />;
          })}
        </g>
      ))}
    </g>
  );
});

/**
 * The control plane and the virtual addresses: the API server, the dashed
 * lines along which each node's kube-proxy watches it, and every Service as a
 * dashed box, because a ClusterIP is on no device: only rules know it (in
 * IPVS mode it is on kube-ipvs0, which the caption says).
 */
export function ControlPlaneShape({
  layout,
  activeService,
  detail,
  strings,
}: {
  layout: ClusterLayout;
  activeService: string | null;
  detail: LevelOfDetail;
  strings: ClusterStrings;
}) {
  const api = layout.apiServer;
  const area = layout.serviceArea;
  return (
    <g>
      <WatchLines layout={layout} strings={strings} />
      <g data-id="api-server">
        <rect
          x={api.x}
          y={api.y}
          width={api.w}
          height={api.h}
          rx={6}
          fill={PALETTE.nodeFill}
          stroke={PALETTE.boxStroke}
          strokeWidth={1.5}
        />
        <text x={api.x + api.w / 2} y={api.y + 20} textAnchor="middle" fontSize={13} fontWeight={700} fill={PALETTE.ink}>
          {strings.apiServer}
        </text>
        <text x={api.x + api.w / 2} y={api.y + 37} textAnchor="middle" fontSize={12} fill={PALETTE.muted}>
          {strings.apiServerDetail}
        </text>
      </g>
      <text x={area.x} y={area.y + 12} fontSize={12} fontStyle="italic" fill={PALETTE.muted}>
        {layout.mode === 'ipvs' ? strings.servicesCaptionIpvs : strings.servicesCaption}
      </text>
      {layout.services.map((s) =>
        s.key === activeService || detail.services.has(s.key) ? (
          <ServiceShape key={s.key} service={s} active={s.key === activeService} detail={detail.detailed} strings={strings} />
        ) : null,
      )}
    </g>
  );
}

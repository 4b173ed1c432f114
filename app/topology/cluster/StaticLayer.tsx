import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { selectClusterLayout, selectClusterStrings, selectCurrentConnection, selectCurrentStep } from '../../store/selectors';
import { activeDevices, runningHook } from './active-devices';
import { ControlPlaneShape } from './ControlPlaneShape';
import { edgePath } from './edge-path';
import type { LevelOfDetail } from './level-of-detail';
import { toPoints } from './geometry';
import { NetworkShape } from './NetworkShape';
import { NodeBack, NodeFront } from './NodeShape';
import { OutsideBoxes, OutsideWires } from './OutsideShape';
import type { NodeLayout } from './model';
import { PALETTE } from './palette';
import type { PodRole } from './PodShape';

/**
 * Everything but the packet: re-renders only when the trace, the current step,
 * the language or the level of detail changes, never on an animation frame. It highlights the
 * step's devices, the running hook, the path the step takes, the Service the
 * connection asked for and that Service's endpoint pods. A node the step
 * touches is drawn in full wherever it is; another as the level of detail
 * says (in full, as an outline, or not at all when far out of sight).
 */
export const StaticLayer = memo(function StaticLayer({ detail }: { readonly detail: LevelOfDetail }) {
  const layout = useAppStore(selectClusterLayout);
  const step = useAppStore(selectCurrentStep);
  const connection = useAppStore(selectCurrentConnection);
  const strings = useAppStore(selectClusterStrings);

  const active = useMemo(() => {
    const clients = (layout.outside?.boxes ?? []).filter((o) => o.item.kind === 'client').map((o) => o.id);
    return activeDevices(step, new Set(clients));
  }, [layout, step]);
  const running = runningHook(step);
  const path = useMemo(() => (step ? edgePath(layout, step.at, step.to) : []), [layout, step]);
  const service = connection ? (layout.services.find((s) => s.key === connection.service) ?? null) : null;
  const roles = useMemo(() => {
    const map = new Map<string, PodRole>();
    for (const pod of service?.endpoints ?? [])
      map.set(pod, { kind: 'endpoint', service: service!.name, chosen: pod === connection?.endpointPod });
    if (connection) map.set(connection.client, { kind: 'client' });
    return map;
  }, [service, connection]);
  const touched = useMemo(
    () => new Set(layout.nodes.filter((n) => touches(n, active, running, roles)).map((n) => n.name)),
    [layout, active, running, roles],
  );

  return (
    <g data-id="cluster-static">
      <ControlPlaneShape layout={layout} activeService={service?.key ?? null} detail={detail} strings={strings} />
      {layout.outside && <OutsideWires outside={layout.outside} />}
      <NetworkShape network={layout.network} active={active.has('net')} label={layout.outside ? strings.nodesNetwork : strings.network} />
      {layout.nodes.map((n) =>
        touched.has(n.name) || detail.nodes.has(n.name) ? (
          <NodeBack key={n.name} node={n} detail={detail.full.has(n.name) || touched.has(n.name)} strings={strings} />
        ) : null,
      )}
      {path.length > 1 && (
        <polyline
          data-id="active-edge"
          points={toPoints(path)}
          fill="none"
          stroke={PALETTE.active}
          strokeWidth={3}
          strokeOpacity={0.5}
          strokeLinejoin="round"
          pointerEvents="none"
        />
      )}
      {layout.outside && <OutsideBoxes outside={layout.outside} active={active} client={connection?.client ?? null} strings={strings} />}
      {layout.nodes.map((n) =>
        touched.has(n.name) ? (
          <NodeFront key={n.name} node={n} detail active={active} running={running} roles={roles} strings={strings} />
        ) : detail.nodes.has(n.name) ? (
          <NodeFront
            key={n.name}
            node={n}
            detail={detail.full.has(n.name)}
            active={NO_DEVICES}
            running={null}
            roles={NO_ROLES}
            strings={strings}
          />
        ) : null,
      )}
    </g>
  );
});

const NO_DEVICES: ReadonlySet<string> = new Set();
const NO_ROLES: ReadonlyMap<string, PodRole> = new Map();

/** Whether the step lights one of the node's devices or gives one of its pods a role. */
function touches(node: NodeLayout, active: ReadonlySet<string>, running: string | null, roles: ReadonlyMap<string, PodRole>): boolean {
  return node.devices.some((d) => active.has(d.id) || d.id === running) || node.pods.some((p) => roles.has(p.name));
}

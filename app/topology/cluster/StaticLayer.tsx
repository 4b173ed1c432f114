import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { selectClusterLayout, selectClusterStrings, selectCurrentConnection, selectCurrentStep } from '../../store/selectors';
import { activeDevices, runningHook } from './active-devices';
import { ControlPlaneShape } from './ControlPlaneShape';
import { edgePath } from './edge-path';
import { toPoints } from './geometry';
import { NetworkShape } from './NetworkShape';
import { NodeShape } from './NodeShape';
import { PALETTE } from './palette';
import type { PodRole } from './PodShape';

/**
 * Everything but the packet: re-renders only when the trace, the current step
 * or the language changes, never on an animation frame. It highlights the
 * step's devices, the running hook, the path the step takes, the Service the
 * connection asked for and that Service's endpoint pods.
 */
export const StaticLayer = memo(function StaticLayer() {
  const layout = useAppStore(selectClusterLayout);
  const step = useAppStore(selectCurrentStep);
  const connection = useAppStore(selectCurrentConnection);
  const strings = useAppStore(selectClusterStrings);

  const active = useMemo(() => activeDevices(step), [step]);
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

  return (
    <g data-id="cluster-static">
      <ControlPlaneShape layout={layout} activeService={service?.key ?? null} strings={strings} />
      <NetworkShape network={layout.network} active={active.has('net')} strings={strings} />
      {layout.nodes.map((n) => (
        <NodeShape key={n.name} layer="back" node={n} active={active} running={running} roles={roles} strings={strings} />
      ))}
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
      {layout.nodes.map((n) => (
        <NodeShape key={n.name} layer="front" node={n} active={active} running={running} roles={roles} strings={strings} />
      ))}
    </g>
  );
});

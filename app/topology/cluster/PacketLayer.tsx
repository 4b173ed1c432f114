import { memo, useMemo } from 'react';
import { frameAt, isPacketStep } from '../../../src/index';
import { useAppStore } from '../../store/StoreProvider';
import { selectClusterLayout, selectClusterStrings, selectCursor, selectTrace } from '../../store/selectors';
import { edgePath } from './edge-path';
import { PALETTE } from './palette';
import { pointAlong } from './point-along';
import { packetRewrites } from './rewrite';
import { RewriteCallout } from './RewriteCallout';
import { useReducedMotion } from './useReducedMotion';

/** Reduced motion: the packet rests halfway along each step and jumps to the next, as the article's GIFs do. */
const RESTING_T = 0.5;

/**
 * The packet: the one component that reads the cursor's `t`, so the one that
 * re-renders on every animation frame. The path of a step is computed once
 * per step; a frame only moves the dot along it.
 */
export const PacketLayer = memo(function PacketLayer() {
  const trace = useAppStore(selectTrace);
  const cursor = useAppStore(selectCursor);
  const layout = useAppStore(selectClusterLayout);
  const strings = useAppStore(selectClusterStrings);
  const reduced = useReducedMotion();
  const frame = frameAt(trace, cursor);
  const step = frame?.step;
  const path = useMemo(() => (step ? edgePath(layout, step.at, step.to) : []), [layout, step]);
  // A control-plane step moves no packet, so it rewrites none: its marker only shows where it happens (the API server, a kube-proxy).
  const packetStep = step && isPacketStep(step) ? step : null;
  const rewrites = useMemo(() => (packetStep ? packetRewrites(packetStep.before, packetStep.after) : []), [packetStep]);
  if (!frame || !step || path.length === 0) return null;

  const [x, y] = pointAlong(path, reduced ? RESTING_T : frame.progress);
  const side = x > layout.width - 320 ? 'left' : 'right';
  return (
    <g data-id="packet" data-step={frame.stepIndex} transform={`translate(${x},${y})`} pointerEvents="none">
      {/* The label left of the dot, as the GIF writes its step number. */}
      <circle r={10} fill={PALETTE.packetFill} stroke={PALETTE.packetStroke} strokeWidth={2} />
      <text x={-15} y={4.5} textAnchor="end" fontSize={12} fontWeight={700} fill={PALETTE.packetStroke} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
        {step.label}
      </text>
      {rewrites.length > 0 && (
        <RewriteCallout
          rewrites={rewrites}
          side={side}
          strings={strings}
          {...(packetStep?.ipvsChange ? { heading: strings.ipvsRewrite(packetStep.ipvsChange.scheduler) } : {})}
        />
      )}
    </g>
  );
});

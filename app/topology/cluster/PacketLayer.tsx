import { memo, useMemo } from 'react';
import { frameAt } from '../../../src/index';
import { useAppStore } from '../../store/StoreProvider';
import { selectClusterLayout, selectClusterStrings, selectCursor, selectTrace } from '../../store/selectors';
import { PacketCard } from './PacketCard';
import { DOT_R, packetPose, restingPose, sceneOf } from './packet-scene';
import { PALETTE } from './palette';
import { REST } from './resting-point';
import { useReducedMotion } from './useReducedMotion';

/**
 * The packet: the one component that reads the cursor's `t`, so the one that
 * re-renders on every animation frame. The path of a step, its resting point,
 * its card and the labels near it are worked out once per step; a frame only
 * moves the dot along the path and keeps the card beside it, clear of labels.
 * With reduced motion the packet stays at rest, as the article's GIFs jump.
 */
export const PacketLayer = memo(function PacketLayer() {
  const trace = useAppStore(selectTrace);
  const cursor = useAppStore(selectCursor);
  const layout = useAppStore(selectClusterLayout);
  const strings = useAppStore(selectClusterStrings);
  const reduced = useReducedMotion();
  const frame = frameAt(trace, cursor);
  const step = frame?.step;
  const scene = useMemo(() => (step ? sceneOf(layout, strings, step) : null), [layout, strings, step]);
  // The card keeps the side it has at rest while that side is free, so it does not hop about as the packet moves.
  const restSide = scene ? restingPose(scene).card.candidate : undefined;
  if (!frame || !scene) return null;

  const { point, card } = packetPose(scene, reduced ? REST : frame.progress, restSide);
  const [x, y] = point;
  return (
    <g data-id="packet" data-step={frame.stepIndex} data-x={Math.round(x)} data-y={Math.round(y)} pointerEvents="none">
      <PacketCard content={scene.card} box={card.box} at={point} leader={card.leader} />
      <circle data-id="packet-dot" cx={x} cy={y} r={DOT_R} fill={PALETTE.packetFill} stroke={PALETTE.packetStroke} strokeWidth={2} />
    </g>
  );
});

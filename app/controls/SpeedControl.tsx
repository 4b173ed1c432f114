import { useId } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectFaster, selectSetSpeed, selectSlower, selectSpeed } from '../store/selectors';
import { SPEEDS } from '../store/types';
import { usePanelStrings } from '../panels/usePanelStrings';

const MIN = SPEEDS[0];
const MAX = SPEEDS[SPEEDS.length - 1]!;

/** "1x", "0.25x". */
export const formatSpeed = (speed: number) => `${speed}x`;

/** The listed speeds, plus the current one if something set another. */
function speedOptions(speed: number): readonly number[] {
  const listed: readonly number[] = SPEEDS;
  return listed.includes(speed) ? listed : [...listed, speed].sort((a, b) => a - b);
}

/** Playback speed, 0.25x to 4x: Slower, a picker showing the current speed, Faster. */
export function SpeedControl() {
  const speed = useAppStore(selectSpeed);
  const setSpeed = useAppStore(selectSetSpeed);
  const faster = useAppStore(selectFaster);
  const slower = useAppStore(selectSlower);
  const t = usePanelStrings();
  const id = useId();
  return (
    <div className="pw-speed" role="group" aria-labelledby={id}>
      <span id={id} className="pw-speed-label">
        {t.speed}
      </span>
      <button
        type="button"
        className="pw-btn pw-btn-small"
        aria-label={t.slower}
        title={`${t.slower} (-)`}
        aria-disabled={speed <= MIN || undefined}
        onClick={slower}
      >
        <span aria-hidden="true">−</span>
      </button>
      <select aria-label={t.speed} value={String(speed)} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
        {speedOptions(speed).map((v) => (
          <option key={v} value={String(v)}>
            {formatSpeed(v)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="pw-btn pw-btn-small"
        aria-label={t.faster}
        title={`${t.faster} (+)`}
        aria-disabled={speed >= MAX || undefined}
        onClick={faster}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}

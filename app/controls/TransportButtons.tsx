import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/StoreProvider';
import { selectPlaying, selectTransport } from '../store/selectors';
import { usePanelStrings } from '../panels/usePanelStrings';
import { TransportIcon, type TransportIconName } from './TransportIcon';

export interface TransportButtonsProps {
  /** 0-based position on the timeline and its length, to mark the ends. */
  readonly position: number;
  readonly length: number;
}

/** First, Step back, Play/Pause, Step forward, Last. Icons show; the accessible names say. */
export function TransportButtons({ position, length }: TransportButtonsProps) {
  const playing = useAppStore(selectPlaying);
  const actions = useAppStore(useShallow(selectTransport));
  const t = usePanelStrings();
  const atStart = position <= 0;
  const atEnd = position >= length - 1;
  return (
    <div className="pw-transport">
      <IconButton label={t.firstStep} keyHint="Home" icon="first" onClick={actions.first} atEdge={atStart} />
      <IconButton label={t.stepBack} keyHint="←" icon="back" onClick={actions.stepBack} atEdge={atStart} />
      <IconButton
        label={playing ? t.pause : t.play}
        keyHint="Space"
        icon={playing ? 'pause' : 'play'}
        onClick={actions.togglePlay}
        primary
      />
      <IconButton label={t.stepForward} keyHint="→" icon="forward" onClick={actions.stepForward} atEdge={atEnd} />
      <IconButton label={t.lastStep} keyHint="End" icon="last" onClick={actions.last} atEdge={atEnd} />
    </div>
  );
}

interface IconButtonProps {
  readonly label: string;
  readonly keyHint: string;
  readonly icon: TransportIconName;
  readonly onClick: () => void;
  /** At the end this button moves towards: announced as unavailable, still focusable. */
  readonly atEdge?: boolean;
  readonly primary?: boolean;
}

function IconButton({ label, keyHint, icon, onClick, atEdge = false, primary = false }: IconButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'pw-btn pw-btn-primary' : 'pw-btn'}
      aria-label={label}
      title={`${label} (${keyHint})`}
      aria-disabled={atEdge || undefined}
      onClick={onClick}
    >
      <TransportIcon name={icon} />
    </button>
  );
}

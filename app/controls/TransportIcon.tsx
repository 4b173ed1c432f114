/** The transport buttons' glyphs, drawn so they look the same on every system (no emoji fonts). */
export type TransportIconName = 'first' | 'back' | 'play' | 'pause' | 'forward' | 'last';

const PATHS: Readonly<Record<TransportIconName, string>> = {
  first: 'M3 3h2v10H3z M13 3v10L8 8z M8 3v10L3 8z',
  back: 'M11 3v10L5 8z M12 3h2v10h-2z',
  play: 'M4 2.5v11L13.5 8z',
  pause: 'M4 3h3v10H4z M9 3h3v10H9z',
  forward: 'M5 3v10l6-5z M2 3h2v10H2z',
  last: 'M11 3h2v10h-2z M3 3v10l5-5z M8 3v10l5-5z',
};

export function TransportIcon({ name }: { readonly name: TransportIconName }) {
  return (
    <svg className="pw-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}

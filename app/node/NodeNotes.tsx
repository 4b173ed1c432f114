import type { ReactNode } from 'react';
import type { DumpNote } from '../../src/node-trace';
import type { NodeStrings } from '../i18n/node-strings';
import { LineButton } from './LineButton';

/** Shown at most this many notes of a kind: a pasted log file could make tens of thousands. */
const NOTES_SHOWN = 200;

interface NotesProps {
  readonly notes: readonly DumpNote[];
  readonly t: NodeStrings;
  /** Lines whose not-modelled matches count as matching. */
  readonly assumed: ReadonlySet<number>;
  readonly onAssume: (line: number, matching: boolean) => void;
  readonly onShow: (line: number) => void;
}

/**
 * The notes on the text: the lines that are not rules (errors, skipped), the matches and
 * targets not modelled (a match can be counted as matching, which traces again), and what
 * was read but not traced. The engine's messages are quoted as they are.
 */
export function NodeNotes({ notes, t, assumed, onAssume, onShow }: NotesProps) {
  const errors = notes.filter((n) => n.kind === 'error');
  const unmodelled = notes.filter((n) => n.kind === 'not-modelled');
  const info = notes.filter((n) => n.kind === 'info');
  return (
    <section className="pw-node-notes" aria-label={t.notes(notes.length)}>
      <h3>{t.notes(notes.length)}</h3>
      {notes.length === 0 && <p className="pw-empty">{t.noNotes}</p>}
      <NoteGroup id="node-errors" title={t.errors(errors.length)} notes={errors} t={t} onShow={onShow} />
      <NoteGroup
        id="node-not-modelled"
        title={t.notModelled(unmodelled.length)}
        notes={unmodelled}
        t={t}
        onShow={onShow}
        extra={(n) =>
          // A target not modelled only counts the packet; a match is the person's to decide.
          n.name !== undefined && !n.name.startsWith('-j ') ? (
            <label className="pw-node-assume">
              <input
                type="checkbox"
                data-id="node-assume"
                checked={assumed.has(n.line)}
                aria-label={t.countsAsMatchingLabel(n.name, n.line)}
                onChange={(e) => onAssume(n.line, e.target.checked)}
              />{' '}
              {t.countsAsMatching}
            </label>
          ) : null
        }
      />
      <NoteGroup id="node-info" title={t.info(info.length)} notes={info} t={t} onShow={onShow} />
    </section>
  );
}

function NoteGroup({
  id,
  title,
  notes,
  t,
  onShow,
  extra,
}: {
  readonly id: string;
  readonly title: string;
  readonly notes: readonly DumpNote[];
  readonly t: NodeStrings;
  readonly onShow: (line: number) => void;
  readonly extra?: (note: DumpNote) => ReactNode;
}) {
  if (notes.length === 0) return null;
  return (
    <div className="pw-node-note-group" data-id={id}>
      <h4>{title}</h4>
      <ul>
        {notes.slice(0, NOTES_SHOWN).map((n, i) => (
          <li key={`${n.line}-${i}`} data-kind={n.kind}>
            <LineButton line={n.line} t={t} onShow={onShow} />
            {n.name !== undefined && <code className="pw-node-note-name">{n.name}</code>}
            <span className="pw-node-note-text">{n.message}</span>
            {extra?.(n)}
          </li>
        ))}
      </ul>
      {notes.length > NOTES_SHOWN && <p className="pw-node-hint">{t.more(notes.length - NOTES_SHOWN)}</p>}
    </div>
  );
}

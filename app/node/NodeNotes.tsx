import type { ReactNode } from 'react';
import type { DumpNote } from '../../src/node-trace';
import type { NodeStrings } from '../i18n/node-strings';
import { LineButton } from './LineButton';

interface NotesProps {
  /** At most NOTES_SHOWN of each kind (the worker leaves the rest out). */
  readonly notes: readonly DumpNote[];
  readonly totals: Readonly<Record<DumpNote['kind'], number>>;
  readonly t: NodeStrings;
  /** Lines whose not-modelled matches count as matching. */
  readonly assumed: ReadonlySet<number>;
  readonly onAssume: (line: number, matching: boolean) => void;
  readonly onShow: (line: number) => void;
}

/**
 * The notes on the text: the lines that are not rules (errors, skipped), the matches and
 * targets not modelled (a match can be counted as matching, which traces again), and what
 * was read but not traced, each in the page's language (a parser's own reason stays in its words).
 */
export function NodeNotes({ notes, totals, t, assumed, onAssume, onShow }: NotesProps) {
  const total = totals.error + totals['not-modelled'] + totals.info;
  const errors = notes.filter((n) => n.kind === 'error');
  const unmodelled = notes.filter((n) => n.kind === 'not-modelled');
  const info = notes.filter((n) => n.kind === 'info');
  return (
    <section className="pw-node-notes" aria-label={t.notes(total)}>
      <h3>{t.notes(total)}</h3>
      {total === 0 && <p className="pw-empty">{t.noNotes}</p>}
      <NoteGroup id="node-errors" title={t.errors(totals.error)} notes={errors} total={totals.error} t={t} onShow={onShow} />
      <NoteGroup
        id="node-not-modelled"
        title={t.notModelled(totals['not-modelled'])}
        notes={unmodelled}
        total={totals['not-modelled']}
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
      <NoteGroup id="node-info" title={t.info(totals.info)} notes={info} total={totals.info} t={t} onShow={onShow} />
    </section>
  );
}

function NoteGroup({
  id,
  title,
  notes,
  total,
  t,
  onShow,
  extra,
}: {
  readonly id: string;
  readonly title: string;
  readonly notes: readonly DumpNote[];
  readonly total: number;
  readonly t: NodeStrings;
  readonly onShow: (line: number) => void;
  readonly extra?: (note: DumpNote) => ReactNode;
}) {
  if (notes.length === 0) return null;
  return (
    <div className="pw-node-note-group" data-id={id}>
      <h4>{title}</h4>
      <ul>
        {notes.map((n, i) => (
          <li key={`${n.line}-${i}`} data-kind={n.kind}>
            <LineButton line={n.line} t={t} onShow={onShow} />
            {n.name !== undefined && <code className="pw-node-note-name">{n.name}</code>}
            <span className="pw-node-note-text">{t.note(n)}</span>
            {extra?.(n)}
          </li>
        ))}
      </ul>
      {total > notes.length && <p className="pw-node-hint">{t.more(total - notes.length)}</p>}
    </div>
  );
}

import { useEffect, useId, useState } from 'react';
import { exportStrings, type ExportStrings } from '../i18n/export-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectClassicStep, selectLang, selectView } from '../store/selectors';
import type { AppState } from '../store/types';
import { FIGURE_STEPS } from '../topology/classic/classic-steps';
import type { ExportStatus } from './useSlideExport';
import { rangeOf, StepRangeFields, type TypedRange } from './StepRangeFields';
import { useSlideExport } from './useSlideExport';
import './export.css';

const selectStepCount = (s: AppState) => s.trace.steps.length;

/**
 * The share menu's "export for slides": Download SVG and Download PNG (2x) save the drawing on
 * screen; Download GIF animates the article figure's pictures in the classic view, or, in the
 * cluster view, the steps chosen with From/To (all of them at first). While the GIF is made a
 * progress bar and Cancel show. What was saved goes to the panel's one live line (`onStatus`);
 * what went wrong is an alert under the buttons.
 */
export function ExportActions({ onStatus }: { readonly onStatus: (text: string) => void }) {
  const t = exportStrings[useAppStore(selectLang)];
  const view = useAppStore(selectView);
  const picture = useAppStore(selectClassicStep);
  const count = useAppStore(selectStepCount);
  const { status, svg, png, gif, cancel } = useSlideExport();
  const line = statusText(t, status);
  useEffect(() => {
    if (line !== null) onStatus(line);
  }, [line, onStatus]);
  const [typed, setTyped] = useState<TypedRange>({ from: null, to: null });
  const noteId = useId();
  const drawable = view === 'cluster' || (view === 'classic' && picture !== null);
  const busy = status.kind === 'making';
  const { from, to } = rangeOf(typed, count);
  const note =
    view === 'list'
      ? t.noPicture
      : view === 'cluster'
        ? t.gifOfSteps(to - from + 1)
        : picture
          ? t.gifOfFigure(FIGURE_STEPS[picture.figure])
          : t.noFigure;

  return (
    <section className="share-export" aria-label={t.heading} data-id="share-export">
      <h3 className="share-export-heading">{t.heading}</h3>
      <div className="share-actions">
        <button type="button" onClick={() => void svg()} disabled={!drawable}>
          {t.downloadSvg}
        </button>
        <button type="button" onClick={() => void png()} disabled={!drawable}>
          {t.downloadPng}
        </button>
        <button type="button" onClick={() => void gif({ from, to })} disabled={!drawable || busy} aria-describedby={noteId}>
          {t.downloadGif}
        </button>
      </div>
      {drawable && view === 'cluster' && <StepRangeFields t={t} typed={typed} count={count} disabled={busy} onChange={setTyped} />}
      <p className="share-note" id={noteId}>
        {note}
      </p>
      {busy && (
        <div className="share-export-progress">
          <progress max={status.total} value={status.done} aria-label={t.progressLabel} />
          <button type="button" onClick={cancel}>
            {t.cancel}
          </button>
        </div>
      )}
      {status.kind === 'failed' && (
        <p className="share-errors" role="alert" data-id="export-error">
          {t.failed[status.reason]}
        </p>
      )}
    </section>
  );
}

/** The live line for an export's status; null leaves the line as it is (nothing exported yet, or a failure, which is an alert). */
function statusText(t: ExportStrings, status: ExportStatus): string | null {
  switch (status.kind) {
    case 'saved':
      return t.saved(status.file);
    case 'making':
      // Once, not at every frame: a screen reader hears the start and the end, the bar shows the rest.
      return t.making(status.total);
    case 'cancelled':
      return t.cancelled;
    case 'failed':
      return '';
    default:
      return null;
  }
}

import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../shell/save-file';
import { useAppStoreApi } from '../store/StoreProvider';
import { classicStepsOf } from '../store/classic-navigation';
import type { AppState } from '../store/types';
import { exportFileName, type ExportSubject } from './export-file-name';
import { findExportTarget, type ExportTarget } from './export-target';
import { classicFrames, type StepRange } from './frame-plan';
import { makeGif } from './make-gif';
import { canvasToPng, failureOf, rasteriseSvg, type ExportFailure } from './rasterise';
import { standaloneSvg } from './standalone-svg';

/** Where an export is: nothing yet, a file saved, a GIF being made, cancelled, or failed (and why). */
export type ExportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved'; readonly file: string }
  | { readonly kind: 'making'; readonly done: number; readonly total: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: ExportFailure };

/** Slides want pictures sharper than the screen: twice the CSS size. */
const PNG_SCALE = 2;

class Cancelled extends Error {}

/** What the current frame shows, for its file name. */
function subjectNow(state: AppState, target: ExportTarget): ExportSubject {
  if (target.view === 'cluster') return { kind: 'step', step: state.cursor.step + 1 };
  const pictures = classicStepsOf(state.trace) ?? [];
  const at = pictures.filter((p) => p.stepIndex <= state.cursor.step).at(-1) ?? pictures[0];
  return { kind: 'figure', figure: at?.figure ?? 'figure', ...(at ? { n: at.n } : {}) };
}

/**
 * The share menu's picture exports: the drawing on screen as SVG or as PNG at 2x, and an
 * animated GIF of the article figure's pictures or of a range of the cluster view's steps,
 * encoded in a worker with progress and Cancel. Reads the store when a button is pressed.
 */
export function useSlideExport() {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(new Cancelled()), []);

  const prepare = () => {
    const state = store.getState();
    const target = findExportTarget(state.view);
    const name = (subject: ExportSubject, ext: 'svg' | 'png' | 'gif') =>
      exportFileName(state.presetName ?? state.scenario.name, state.trace.mode, subject, ext);
    return target ? { state, target, name } : null;
  };
  const run = async (work: () => Promise<string | null>) => {
    try {
      const file = await work();
      if (file) setStatus({ kind: 'saved', file });
    } catch (e) {
      setStatus(e instanceof Cancelled ? { kind: 'cancelled' } : { kind: 'failed', reason: failureOf(e).reason });
    }
  };

  const svg = () =>
    run(async () => {
      const job = prepare();
      if (!job) return null;
      const file = job.name(subjectNow(job.state, job.target), 'svg');
      saveFile(file, new Blob([standaloneSvg(job.target.svg, job.target)], { type: 'image/svg+xml' }));
      return file;
    });

  const png = () =>
    run(async () => {
      const job = prepare();
      if (!job) return null;
      const { target } = job;
      const canvas = await rasteriseSvg(standaloneSvg(target.svg, target), target.width, target.height, PNG_SCALE);
      const file = job.name(subjectNow(job.state, target), 'png');
      saveFile(file, await canvasToPng(canvas));
      return file;
    });

  const gif = (range: StepRange) =>
    run(async () => {
      const job = prepare();
      if (!job || running.current) return null;
      const { state, target } = job;
      const controller = (running.current = new AbortController());
      try {
        let total = 0;
        const blob = await makeGif(
          target,
          state,
          range,
          {
            onStart: (frames) => setStatus({ kind: 'making', done: 0, total: (total = frames) }),
            onProgress: (done) => setStatus({ kind: 'making', done, total }),
          },
          controller.signal,
        );
        const figure = target.view === 'classic' ? classicFrames(state) : null;
        const file = job.name(
          figure ? { kind: 'figure', figure: figure.figure } : { kind: 'steps', from: range.from + 1, to: range.to + 1 },
          'gif',
        );
        saveFile(file, blob);
        return file;
      } finally {
        running.current = null;
      }
    });

  const cancel = () => running.current?.abort(new Cancelled());
  return { status, svg, png, gif, cancel };
}

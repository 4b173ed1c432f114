import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_LINK_CHARS, readScenarioJson, type ScenarioError } from '../../src/index';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectMode, selectPresetName, selectScenario, selectScheduler } from '../store/selectors';
import type { AppState } from '../store/types';
import { errorLine, linkOf } from '../url/scenario-link';
import { writeUrl } from '../url/url-state';
import { CopyEmbedCode } from './CopyEmbedCode';
import { scenarioFileName } from './scenario-file-name';

/** Files over 1 MB are refused before a byte of them is read. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
/** An upload's errors listed before "and N more". */
const SHOWN_ERRORS = 12;

const selectLoadScenario = (s: AppState) => s.loadScenario;
const selectSetMode = (s: AppState) => s.setMode;
const selectSetScheduler = (s: AppState) => s.setScheduler;
// The query string of what is on screen (without embed=1): a string, so the menu re-renders only when it changes.
const selectSearch = (s: AppState) => writeUrl(s);

interface UploadProblem {
  readonly file: string;
  readonly lines: readonly string[];
}

const linesOf = (errors: readonly ScenarioError[], more: (n: number) => string) => [
  ...errors.slice(0, SHOWN_ERRORS).map(errorLine),
  ...(errors.length > SHOWN_ERRORS ? [more(errors.length - SHOWN_ERRORS)] : []),
];

/** Saves a text as a file through a Blob URL, revoked once the download has started. */
function saveFile(name: string, text: string) {
  const href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * The header's share menu: copy a link to the frame on screen (a preset by
 * name, a custom scenario compressed into `s=`), download the scenario as
 * JSON, or open a JSON file. A file is untrusted: refused over 1 MB before it
 * is read, then checked like a link; on any error its reasons are listed and
 * nothing changes.
 */
export function ShareMenu() {
  const lang = useAppStore(selectLang);
  const scenario = useAppStore(selectScenario);
  const mode = useAppStore(selectMode);
  const scheduler = useAppStore(selectScheduler);
  const setMode = useAppStore(selectSetMode);
  const setScheduler = useAppStore(selectSetScheduler);
  const presetName = useAppStore(selectPresetName);
  const search = useAppStore(selectSearch);
  const loadScenario = useAppStore(selectLoadScenario);
  const t = shareStrings[lang];
  const panelId = useId();
  const [open, setOpen] = useState(false);
  // The panel opens towards the side with room: leftwards from a button on the right, rightwards from one near the left edge.
  const [align, setAlign] = useState<'start' | 'end'>('end');
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const linkLength = presetName === null ? linkOf(scenario).length : 0;

  useEffect(() => {
    if (fallback !== null) linkInput.current?.select();
  }, [fallback]);
  // A press anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openOrClose = () => {
    const rect = toggle.current?.getBoundingClientRect();
    if (!open && rect) setAlign(rect.right < 400 ? 'start' : 'end');
    setOpen(!open);
  };
  const absoluteUrl = () => new URL(`${window.location.pathname}${search}`, window.location.href).href;
  const copy = async () => {
    const url = absoluteUrl();
    setProblem(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setStatus(t.copied);
    } catch {
      // Not a secure context, or the permission was refused: the user copies the selected text.
      setFallback(url);
      setStatus(t.copyFallback);
    }
  };
  const download = () => {
    setProblem(null);
    // The file records the kube-proxy mode and scheduler on screen, so it reopens as shown.
    saveFile(scenarioFileName(scenario.name), `${JSON.stringify({ ...scenario, mode, scheduler }, null, 2)}\n`);
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after a fix
    if (!file) return;
    setStatus('');
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem({ file: file.name, lines: [t.fileTooLarge(file.size, MAX_UPLOAD_BYTES)] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setProblem({ file: file.name, lines: [t.unreadableFile] });
      return;
    }
    const read = readScenarioJson(text, { maxChars: MAX_UPLOAD_BYTES });
    const loaded = read.ok ? loadScenario(read.scenario) : read;
    if (!loaded.ok) {
      setProblem({ file: file.name, lines: linesOf(loaded.errors, t.more) });
      return;
    }
    // A file carries its own kube-proxy mode and scheduler: open it in them.
    setMode(loaded.scenario.mode);
    setScheduler(loaded.scenario.scheduler);
    setProblem(null);
    setFallback(null);
    setStatus(t.opened(loaded.scenario.name));
  };

  return (
    <div
      ref={root}
      className="share"
      data-id="share-menu"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button ref={toggle} type="button" className="share-toggle" aria-expanded={open} aria-controls={panelId} onClick={openOrClose}>
        {t.share}
      </button>
      <div className="share-panel" id={panelId} hidden={!open} role="group" aria-label={t.share} data-align={align}>
        <div className="share-actions">
          <button type="button" onClick={() => void copy()} disabled={linkLength > MAX_LINK_CHARS}>
            {t.copyLink}
          </button>
          <CopyEmbedCode disabled={linkLength > MAX_LINK_CHARS} onStatus={setStatus} />
          <button type="button" onClick={download}>
            {t.download}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t.upload}
          </button>
          <input
            ref={fileInput}
            className="sr-only"
            type="file"
            accept=".json,application/json"
            aria-label={t.upload}
            tabIndex={-1}
            data-id="share-upload"
            onChange={(e) => void upload(e)}
          />
        </div>
        {linkLength > MAX_LINK_CHARS && <p className="share-note">{t.linkTooLong(linkLength, MAX_LINK_CHARS)}</p>}
        {fallback !== null && (
          <input ref={linkInput} className="share-link" readOnly value={fallback} aria-label={t.linkLabel} onFocus={(e) => e.target.select()} />
        )}
        <p className="share-status" role="status" aria-live="polite" data-id="share-status">
          {status}
        </p>
        {problem && (
          <div className="share-errors" role="alert" data-id="share-errors">
            <p>{t.notOpened(problem.file)}</p>
            <ul>
              {problem.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

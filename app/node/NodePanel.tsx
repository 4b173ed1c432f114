import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { NodeTraceInput } from '../../src/node-trace';
import type { Lang } from '../i18n/lang';
import { nodeStrings, problemText, type NodeStrings } from '../i18n/node-strings';
import { panelStrings } from '../i18n/panel-strings';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import { takeNodeLink } from '../url/node-link-param';
import { checkDraft, EMPTY_DRAFT, type DraftProblems, type NodeDraft } from './node-draft';
import { decodeNodeLink, type NodeLinkProblem } from './node-link';
import { createNodeTraceRunner, NodeRunCancelled, type NodeTraceRunner } from './node-trace-runner';
import { NodeDumpInput } from './NodeDumpInput';
import { NodeFactsFields } from './NodeFactsFields';
import { NodeLinkShare } from './NodeLinkShare';
import { NodePacketFields } from './NodePacketFields';
import { NodeResultView } from './NodeResultView';
import type { ShownTrace } from './rule-runs';
import { showLine } from './show-line';
import './node.css';

/** What a trace was run on and what it gave: the result, or the engine's reason the text is unusable. */
interface Shown {
  readonly draft: NodeDraft;
  readonly input: NodeTraceInput;
  readonly result: ShownTrace | null;
  readonly error: string | null;
  readonly ms: number;
}

/** The tab's state, kept while another tab is open (the panel unmounts): the pasted text is not lost. One per page (store). */
interface Kept {
  draft: NodeDraft;
  shown: Shown | null;
  example: boolean;
  /** Why the link the page was opened by (`node=`) could not be read: the tab opens empty and says so. */
  linkProblem: NodeLinkProblem | null;
  /** The trace of the link the page was opened by, run once when the tab first shows. */
  linkTrace: NodeTraceInput | null;
}
const keptByStore = new WeakMap<object, Kept>();

/** The tab's first state: empty, or what the page's `node=` link holds (read once: the URL no longer has it). */
function firstKept(store: object): Kept {
  const raw = takeNodeLink(store);
  const opened = raw === null ? null : decodeNodeLink(raw);
  const kept: Kept =
    opened?.ok === true
      ? { draft: opened.draft, shown: null, example: false, linkProblem: null, linkTrace: opened.input }
      : { draft: EMPTY_DRAFT, shown: null, example: false, linkProblem: opened?.problem ?? null, linkTrace: null };
  keptByStore.set(store, kept);
  return kept;
}
const keptFor = (store: object): Kept => keptByStore.get(store) ?? firstKept(store);
const keep = (store: object, kept: Kept) => void keptByStore.set(store, kept);

let defaultRunner: NodeTraceRunner | null = null;
const runner = () => (defaultRunner ??= createNodeTraceRunner());

const NONE: readonly number[] = [];
const sameDraft = (a: NodeDraft, b: NodeDraft) => (Object.keys(a) as (keyof NodeDraft)[]).every((k) => a[k] === b[k]);

/**
 * "Your node" (`lab=node`): a node's own iptables-save output pasted or opened, a packet
 * described, and the engine's trace of it (src/node-trace) run in a worker with progress
 * and Cancel: the path hook by hook with each rule's line, the deciding rule, the packet
 * after NAT, the conntrack entry, and the notes on the text. Nothing is sent anywhere.
 */
export function NodePanel({ run = runner() }: { readonly run?: NodeTraceRunner }) {
  const lang = useAppStore(selectLang);
  const t = nodeStrings[lang];
  const store = useAppStoreApi();
  const [kept] = useState(() => keptFor(store));
  const [draft, setDraft] = useState(kept.draft);
  const [example, setExample] = useState(kept.example);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [progress, setProgress] = useState<{ line: number; total: number } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(kept.shown);
  // The lines the user just counted as matching, shown at once while their trace runs (null: the shown trace's own).
  const [assuming, setAssuming] = useState<readonly number[] | null>(null);
  const [linkProblem, setLinkProblem] = useState(kept.linkProblem);
  const box = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  // A trace asked for with the button brings its result into view; one re-run from a checkbox stays put.
  const reveal = useRef(false);
  useEffect(() => {
    if (!reveal.current || shown === null) return;
    reveal.current = false;
    outcome.current?.scrollIntoView?.({ block: 'start' });
  }, [shown]);
  useEffect(() => keep(store, { draft, shown, example, linkProblem, linkTrace: null }), [store, draft, shown, example, linkProblem]);
  const change = (patch: Partial<NodeDraft>) => setDraft({ ...draft, ...patch });
  // Stable, so that the text box (megabytes, maybe) is not rendered again at each progress report.
  const onText = useCallback((text: string) => {
    setExample(false);
    setDraft((d) => ({ ...d, text }));
  }, []);
  const onExample = useCallback(async () => {
    // The example's 150 lines load when asked for, not with the tab.
    const { NODE_EXAMPLE } = await import('./node-example');
    setExample(true);
    setDraft(NODE_EXAMPLE);
    setProblems({});
  }, []);

  const trace = async (from: NodeDraft, input: NodeTraceInput) => {
    setStatus(null);
    setProgress({ line: 0, total: 0 });
    try {
      const ran = await run.run(input, (line, total) => setProgress({ line, total }));
      const value = ran.result.ok ? ran.result.value : null;
      setShown({ draft: from, input, result: value, error: ran.result.ok ? null : ran.result.error, ms: ran.ms });
      setAssuming(null);
      setStatus(value ? t.tracedIn(ran.ms) : null);
    } catch (e) {
      // A newer run replaced this one: that one shows its own progress and result.
      if (e instanceof NodeRunCancelled && e.message !== 'cancelled') return;
      setStatus(e instanceof NodeRunCancelled ? t.cancelled : t.workerFailed(e instanceof Error ? e.message : String(e)));
      setAssuming(null);
    }
    setProgress(null);
  };

  // The page was opened by a link to a trace: it runs once, as if Trace had been pressed.
  const linkTrace = useRef(kept.linkTrace);
  useEffect(() => {
    const input = linkTrace.current;
    if (input === null) return;
    linkTrace.current = null;
    reveal.current = true;
    queueMicrotask(() => void trace(kept.draft, input));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the link the page was opened by
  }, []);

  const invalid = (found: DraftProblems) => {
    setProblems(found);
    // The first field to fix takes the focus (after React marked it invalid).
    queueMicrotask(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      invalid(checked.problems);
      return;
    }
    setProblems({});
    // The lines counted as matching stay while the text stays the same.
    const assume = shown !== null && shown.draft.text === draft.text ? (shown.input.assumeMatching ?? []) : [];
    reveal.current = true;
    void trace(draft, { ...checked.input, assumeMatching: assume });
  };

  const assume = (line: number, matching: boolean) => {
    if (shown === null) return;
    const lines = new Set(assuming ?? shown.input.assumeMatching ?? []);
    if (matching) lines.add(line);
    else lines.delete(line);
    const assumeMatching = [...lines].sort((a, b) => a - b);
    setAssuming(assumeMatching);
    void trace(shown.draft, { ...shown.input, assumeMatching });
  };

  const show = (line: number) => {
    if (box.current) showLine(box.current, line);
  };

  const busy = progress !== null;
  // The lines counted as matching go into the link while the text is the traced one.
  const linkAssumed = shown !== null && shown.draft.text === draft.text ? (assuming ?? shown.input.assumeMatching ?? NONE) : NONE;
  return (
    <section className="pw-node" aria-labelledby={titleId} data-id="node-panel">
      <h2 id={titleId}>{t.title}</h2>
      <p className="pw-node-intro">{t.intro}</p>
      <p className="pw-node-privacy" data-id="node-privacy">
        {t.privacy}
      </p>
      {linkProblem !== null && (
        <div className="pw-node-error pw-node-link-alert" role="alert" data-id="node-link-alert">
          <p>
            <strong>{t.link.alert}</strong>
            {lang === 'zh' ? '' : ' '}
            {t.link.problem(linkProblem)}
          </p>
          <button type="button" onClick={() => setLinkProblem(null)} aria-label={`${t.link.dismiss}: node`}>
            ×
          </button>
        </div>
      )}
      <form ref={form} onSubmit={submit} noValidate>
        <NodeDumpInput
          t={t}
          text={draft.text}
          onText={onText}
          onExample={onExample}
          exampleShown={example}
          problem={problems.text && problemText(t, problems.text)}
          box={box}
        />
        <NodeFactsFields t={t} draft={draft} problems={problems} onChange={change} />
        <NodePacketFields t={t} draft={draft} problems={problems} onChange={change} />
        <div className="pw-node-row pw-node-actions">
          <button type="submit" className="pw-node-trace" data-id="node-trace" disabled={busy}>
            {busy ? t.tracing : t.trace}
          </button>
          {busy && (
            <>
              <progress max={progress.total || 1} value={progress.line} aria-label={t.tracing} />
              <button type="button" data-id="node-cancel" onClick={() => run.cancel()}>
                {t.cancel}
              </button>
            </>
          )}
        </div>
        <p className="pw-node-status" role="status" aria-live="polite" data-id="node-status">
          {busy && progress.total > 0 ? t.progress(progress.line, progress.total) : status}
        </p>
        <NodeLinkShare t={t} draft={draft} assumeMatching={linkAssumed} onInvalid={invalid} />
      </form>
      <div ref={outcome} className="pw-node-outcome">
        <NodeOutcome shown={shown} assuming={assuming} draft={draft} t={t} lang={lang} onAssume={assume} onShow={show} />
      </div>
    </section>
  );
}

function NodeOutcome({
  shown,
  assuming,
  draft,
  t,
  lang,
  onAssume,
  onShow,
}: {
  readonly shown: Shown | null;
  readonly assuming: readonly number[] | null;
  readonly draft: NodeDraft;
  readonly t: NodeStrings;
  readonly lang: Lang;
  readonly onAssume: (line: number, matching: boolean) => void;
  readonly onShow: (line: number) => void;
}) {
  if (shown === null)
    return (
      <p className="pw-empty" data-id="node-empty">
        {t.empty}
      </p>
    );
  const stale = !sameDraft(shown.draft, draft) && <p className="pw-node-stale">{t.stale}</p>;
  if (shown.result === null)
    return (
      <div className="pw-node-error" role="alert" data-id="node-unusable">
        <strong>{t.unusable}</strong>
        <p>{shown.error}</p>
        {stale}
      </div>
    );
  return (
    <>
      {stale}
      <NodeResultView
        result={shown.result}
        t={t}
        panel={panelStrings[lang]}
        assumed={new Set(assuming ?? shown.input.assumeMatching ?? [])}
        onAssume={onAssume}
        onShow={onShow}
      />
    </>
  );
}

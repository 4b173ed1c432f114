import { useEffect, useId, useRef, useState } from 'react';
import type { NodeStrings } from '../i18n/node-strings';
import { copyText } from '../shell/copy-text';
import { useAppStoreApi } from '../store/StoreProvider';
import { selectSearch } from '../store/selectors';
import { checkDraft, type DraftProblems, type NodeDraft } from './node-draft';
import { encodeNodeLink, nodeLinkUrl } from './node-link';

/** What the form (and its "counts as matching" lines) was when the link was made: another form's link is not offered. */
interface MadeFor {
  readonly draft: NodeDraft;
  readonly assume: readonly number[];
}

type LinkState =
  | { readonly kind: 'idle' }
  /** The link is made; the warning that it holds the rules is on screen, waiting for Copy. */
  | ({ readonly kind: 'confirm'; readonly url: string; readonly lines: number } & MadeFor)
  | ({ readonly kind: 'too-long'; readonly chars: number | null; readonly limit: number } & MadeFor);

const IDLE: LinkState = { kind: 'idle' };
/** Lines of a dump of megabytes, without splitting it. */
const lineCount = (text: string) => (text.match(/\n(?=[^]*\S)/g)?.length ?? 0) + 1;

/**
 * "Copy a link to this trace": the only way the pasted rules go into a URL (issue 15).
 * The form is checked as Trace checks it; the link (`node=`, lz-string compressed, as the
 * share menu's `s=`) is made, and before anything is copied the tab says plainly that the
 * link contains the rules. Too large a dump gets a message, not a link that breaks.
 */
export function NodeLinkShare({
  t,
  draft,
  assumeMatching,
  onInvalid,
}: {
  readonly t: NodeStrings;
  readonly draft: NodeDraft;
  readonly assumeMatching: readonly number[];
  readonly onInvalid: (problems: DraftProblems) => void;
}) {
  const store = useAppStoreApi();
  const warningId = useId();
  const [made, setState] = useState<LinkState>(IDLE);
  // A link made for another form is not the one to copy.
  const state = made.kind === 'idle' || (made.draft === draft && made.assume === assumeMatching) ? made : IDLE;
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const open = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const fallbackBox = useRef<HTMLInputElement>(null);
  const hasText = /\S/.test(draft.text);
  useEffect(() => {
    if (state.kind === 'confirm') confirm.current?.focus();
  }, [state]);
  useEffect(() => {
    fallbackBox.current?.select();
  }, [fallback]);

  const prepare = () => {
    setStatus('');
    setFallback(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      onInvalid(checked.problems);
      return;
    }
    const encoded = encodeNodeLink(draft, assumeMatching);
    if (!encoded.ok) setState({ kind: 'too-long', chars: encoded.chars, limit: encoded.limit, draft, assume: assumeMatching });
    else
      setState({
        kind: 'confirm',
        url: nodeLinkUrl(window.location.href, window.location.pathname, selectSearch(store.getState()), encoded.value),
        lines: lineCount(draft.text),
        draft,
        assume: assumeMatching,
      });
  };
  const copy = async (url: string) => {
    const copied = await copyText(url);
    setState(IDLE);
    setFallback(copied ? null : url);
    setStatus(copied ? t.link.copied : t.link.fallback);
    open.current?.focus();
  };
  const cancel = () => {
    setState(IDLE);
    open.current?.focus();
  };

  return (
    <div className="pw-node-link" data-id="node-link">
      <div className="pw-node-row">
        <button
          ref={open}
          type="button"
          data-id="node-link-copy"
          disabled={!hasText}
          title={hasText ? undefined : t.link.needsText}
          aria-expanded={state.kind === 'confirm'}
          onClick={prepare}
        >
          {t.link.copy}
        </button>
      </div>
      {state.kind === 'confirm' && (
        <div
          className="pw-node-link-warning"
          role="group"
          aria-labelledby={warningId}
          data-id="node-link-warning"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <p id={warningId}>{t.link.warning(state.lines)}</p>
          <div className="pw-node-row">
            <button ref={confirm} type="button" className="pw-node-trace" data-id="node-link-confirm" onClick={() => void copy(state.url)}>
              {t.link.confirm}
            </button>
            <button type="button" onClick={cancel}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'too-long' && (
        <p className="pw-node-error" data-id="node-link-too-long">
          {t.link.tooLong(state.chars, state.limit)}
        </p>
      )}
      {fallback !== null && (
        <input
          ref={fallbackBox}
          className="pw-node-link-url"
          readOnly
          value={fallback}
          aria-label={t.link.label}
          data-id="node-link-url"
          onFocus={(e) => e.target.select()}
        />
      )}
      <p className="pw-node-status" role="status" aria-live="polite" data-id="node-link-status">
        {status}
      </p>
    </div>
  );
}

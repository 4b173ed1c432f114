import { useEffect, useRef, useState } from 'react';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectView } from '../store/selectors';
import { urlWriter } from '../url/url-state';
import { embedCode } from './embed-code';
import { copyText } from './copy-text';

// The query string of the frame on screen with embed=1: a string, so the button re-renders only when it changes.
const selectEmbedSearch = urlWriter({ embed: true });

export interface CopyEmbedCodeProps {
  /** When the scenario is too large for a link, an embed could not carry it either. */
  readonly disabled: boolean;
  /** Says what happened in the share menu's status line. */
  readonly onStatus: (message: string) => void;
}

/**
 * The share menu's "Copy embed code": an `<iframe>` of the frame on screen
 * (`embed=1`), sized for the view. Where the browser refuses the clipboard,
 * the code is shown selected for the user to copy, as Copy link does.
 */
export function CopyEmbedCode({ disabled, onStatus }: CopyEmbedCodeProps) {
  const lang = useAppStore(selectLang);
  const view = useAppStore(selectView);
  const search = useAppStore(selectEmbedSearch);
  const t = shareStrings[lang];
  const [fallback, setFallback] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (fallback !== null) area.current?.select();
  }, [fallback]);

  const copy = async () => {
    const src = new URL(`${window.location.pathname}${search}`, window.location.href).href;
    const code = embedCode({ src, title: t.embedded, view });
    if (await copyText(code)) {
      setFallback(null);
      onStatus(t.embedCopied);
    } else {
      // Not a secure context, or the permission was refused: the user copies the selected text.
      setFallback(code);
      onStatus(t.embedFallback);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void copy()} disabled={disabled} data-id="copy-embed">
        {t.copyEmbed}
      </button>
      {fallback !== null && (
        <textarea
          ref={area}
          className="share-code"
          readOnly
          rows={4}
          value={fallback}
          aria-label={t.embedLabel}
          data-id="embed-code"
          onFocus={(e) => e.target.select()}
        />
      )}
    </>
  );
}

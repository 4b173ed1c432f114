import { useEffect, useRef } from 'react';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

/** The link the clipboard refused, in a read-only field, selected as it appears so Ctrl+C copies it. */
export function CopyLinkFallback({ url }: { readonly url: string }) {
  const t = shareStrings[useAppStore(selectLang)];
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, [url]);
  return <input ref={input} className="share-link" readOnly value={url} aria-label={t.linkLabel} onFocus={(e) => e.target.select()} />;
}

import { useState } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectSearch } from '../store/selectors';

/**
 * Copies the full URL of the frame on screen to the clipboard. Where the page
 * may not (not a secure context, or the permission was refused) the URL is
 * kept as `fallback`, for the user to copy from a selected field.
 */
export function useCopyLink() {
  const search = useAppStore(selectSearch);
  const [fallback, setFallback] = useState<string | null>(null);
  /** True when the clipboard took the link, false when it is offered as `fallback` instead. */
  const copy = async (): Promise<boolean> => {
    const url = new URL(`${window.location.pathname}${search}`, window.location.href).href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setFallback(null);
      return true;
    } catch {
      setFallback(url);
      return false;
    }
  };
  return { fallback, copy, dismissFallback: () => setFallback(null) };
}

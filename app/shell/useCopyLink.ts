import { useState } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectSearch } from '../store/selectors';
import { copyText } from './copy-text';

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
    const copied = await copyText(url);
    setFallback(copied ? null : url);
    return copied;
  };
  return { fallback, copy, dismissFallback: () => setFallback(null) };
}

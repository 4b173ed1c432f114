import { useLayoutEffect } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectTheme } from '../store/selectors';

/**
 * Puts the chosen theme on <html> as `data-theme` (none for `auto`), where
 * app/theme.css picks its colours: before the first paint, so a dark page never
 * flashes light. Nothing else re-renders when it changes.
 */
export function useDocumentTheme(): void {
  const theme = useAppStore(selectTheme);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

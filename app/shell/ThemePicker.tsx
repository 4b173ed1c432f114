import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectSetTheme, selectTheme } from '../store/selectors';
import { THEMES, type Theme } from '../store/theme';

/**
 * The header's theme picker: follow the system (the default), light, dark or
 * high contrast. A native select: the keyboard and screen readers know it, and
 * the chosen theme reads in its closed box ("Theme: dark").
 */
export function ThemePicker() {
  const lang = useAppStore(selectLang);
  const theme = useAppStore(selectTheme);
  const setTheme = useAppStore(selectSetTheme);
  const shell = shellStrings[lang];
  return (
    <label className="picker picker-theme" data-id="theme-picker">
      <span className="sr-only">{shell.themeLabel}</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {shell.themes[t]}
          </option>
        ))}
      </select>
    </label>
  );
}

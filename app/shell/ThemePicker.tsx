import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectSetTheme, selectTheme } from '../store/selectors';
import { THEMES, type Theme } from '../store/theme';

/**
 * Each theme's mark, first in its option: below 1280 px the closed picker is
 * only as wide as the mark (styles.css), so the header keeps one row. U+FE0E
 * asks for the sun as text, not as a colour emoji.
 */
const MARKS: Readonly<Record<Theme, string>> = { auto: '◐', light: '☀\uFE0E', dark: '☾', contrast: '◼' };

/**
 * The header's theme picker: follow the system (the default), light, dark or
 * high contrast. A native select: the keyboard and screen readers know it, and
 * the chosen theme reads in its closed box ("☾ Theme: dark"; the mark alone on
 * a narrower screen, the name in its tooltip). Screen readers read each
 * option's name without the mark.
 */
export function ThemePicker() {
  const lang = useAppStore(selectLang);
  const theme = useAppStore(selectTheme);
  const setTheme = useAppStore(selectSetTheme);
  const shell = shellStrings[lang];
  return (
    <label className="picker picker-theme" data-id="theme-picker">
      <span className="sr-only">{shell.themeLabel}</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} title={shell.themes[theme]}>
        {THEMES.map((t) => (
          <option key={t} value={t} aria-label={shell.themes[t]}>
            {`${MARKS[t]}\u2002${shell.themes[t]}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The page's colour themes: `auto` follows the system's light or dark
 * (prefers-color-scheme), `light` and `dark` pin one, `contrast` is black and
 * white. The colours themselves are CSS (app/theme.css); the store only says
 * which one the person chose.
 */
export const THEMES = ['auto', 'light', 'dark', 'contrast'] as const;

export type Theme = (typeof THEMES)[number];

import { en, zh, type Strings } from './strings';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

const STRINGS: Readonly<Record<Lang, Strings>> = { en, zh };

/** The language a URL asks for (`?lang=zh|en`); anything else, or nothing, is English. */
export function readLang(search: string): Lang {
  const value = new URLSearchParams(search).get('lang');
  return value === 'zh' || value === 'en' ? value : 'en';
}

/** The page's labels in one language. */
export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}

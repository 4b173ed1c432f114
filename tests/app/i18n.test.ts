import { describe, expect, it } from 'vitest';
import { en, zh } from '../../app/i18n/strings';
import { readLang } from '../../app/i18n';

describe('readLang', () => {
  it.each([
    ['', 'en'],
    ['?lang=en', 'en'],
    ['?lang=zh', 'zh'],
    ['?lang=fr', 'en'],
    ['?lang=', 'en'],
    ['?step=3&lang=zh', 'zh'],
  ])('reads %j as %s', (search, lang) => {
    expect(readLang(search)).toBe(lang);
  });
});

describe('strings', () => {
  it('has a Chinese string for every English key', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
});

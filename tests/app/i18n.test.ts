import { describe, expect, it } from 'vitest';
import { en, zh } from '../../app/i18n/strings';
import { readLang } from '../../app/i18n';
import { shellStrings } from '../../app/i18n/shell-strings';
import { PRESET_NAMES } from '../../src/index';

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

describe('the preset picker', () => {
  it.each(PRESET_NAMES)('names the %s preset in English and in Chinese', (name) => {
    expect(shellStrings.en.presets[name]).toBeTruthy();
    expect(shellStrings.zh.presets[name]).toBeTruthy();
    expect(shellStrings.zh.presets[name]).not.toBe(shellStrings.en.presets[name]);
  });
});

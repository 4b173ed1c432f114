export { readLang, stringsFor, LANGS, type Lang } from './lang';
export type { Strings } from './strings';

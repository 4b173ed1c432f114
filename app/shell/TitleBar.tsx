import { stringsFor } from '../i18n';
import { layoutStrings, SOURCE_ARTICLE } from '../i18n/layout-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

/**
 * The page's banner: its title and the article it teaches from, by its author
 * and title as the article gives them, linked (a new tab, so the lesson stays put).
 */
export function TitleBar() {
  const lang = useAppStore(selectLang);
  const strings = stringsFor(lang);
  const l = layoutStrings[lang];
  return (
    <header className="app-title">
      <h1>{strings.title}</h1>
      <p className="source-line">
        {l.after}
        {lang === 'zh' ? '：' : ' '}
        {SOURCE_ARTICLE.author}
        {lang === 'zh' ? '，' : ', '}
        <a href={SOURCE_ARTICLE.url} target="_blank" rel="noopener" data-id="source-article">
          <span lang="en">{lang === 'zh' ? `《${SOURCE_ARTICLE.title}》` : `“${SOURCE_ARTICLE.title}”`}</span>
          <span className="sr-only"> ({l.newTab})</span>
        </a>
      </p>
    </header>
  );
}

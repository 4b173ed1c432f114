import { useMemo } from 'react';
import { presetScenario, simulate, type Trace } from '../src/index';
import { LANGS, stringsFor, type Lang } from './i18n';
import { StepList } from './StepList';

export interface AppProps {
  readonly lang: Lang;
}

/** Runs the engine once on the article's scenario; the views only read the trace. */
function articleTrace(): Trace | null {
  const scenario = presetScenario('article');
  return scenario ? simulate(scenario) : null;
}

export function App({ lang }: AppProps) {
  const strings = stringsFor(lang);
  const trace = useMemo(articleTrace, []);
  return (
    <main className="page">
      <header className="page-header">
        <h1>{strings.title}</h1>
        <p className="subtitle">{strings.subtitle}</p>
        <nav aria-label={strings.language} className="langs">
          {LANGS.map((l) => (
            <a key={l} href={`?lang=${l}`} lang={l} aria-current={l === lang ? 'page' : undefined}>
              {l === 'en' ? 'English' : '中文'}
            </a>
          ))}
        </nav>
      </header>
      {trace ? <StepList trace={trace} lang={lang} strings={strings} /> : <p role="alert">{strings.noPreset}</p>}
    </main>
  );
}

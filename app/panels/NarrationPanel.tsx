import { useId, useState } from 'react';
import { isPacketStep, narrate, type Step } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang, selectStepCount, selectView } from '../store/selectors';
import { PanelSection } from './PanelSection';
import { usePanelStrings } from './usePanelStrings';

/** Where the step happens: "vm1 PREROUTING" at a hook, else the hop "pod1/eth0 → vm1/veth0" (or "apiserver → apiserver"). */
function placeOf(step: Step): string {
  return isPacketStep(step) && step.hook !== null && step.node !== null ? `${step.node} ${step.hook}` : `${step.at} → ${step.to}`;
}

/** The engine's narration of the current step in the page's language, announced politely as it changes. */
export function NarrationPanel() {
  const step = useAppStore(selectCurrentStep);
  const count = useAppStore(selectStepCount);
  const lang = useAppStore(selectLang);
  // The article figure's one visible counter is the control bar's ("Service to Pod 2 / 4"): here the
  // trace's step number and the article's step are said to screen readers only.
  const classic = useAppStore(selectView) === 'classic';
  const t = usePanelStrings();
  const stage = step && isPacketStep(step) ? step.stage : null;
  // How the article tells this step, where the kernel does otherwise: the engine sets it only in the article's own scenario.
  const article = step && isPacketStep(step) ? step.articleNote : null;
  // Shown on demand, so the figure and the evidence keep their room; it stays open from step to step once asked for.
  const [showArticle, setShowArticle] = useState(false);
  const articleId = useId();
  const textLang = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <PanelSection title={t.narration} name="narration">
      <div className="pw-narration" aria-live="polite" data-id="narration">
        {step ? (
          <>
            <p className="pw-position">
              <span data-id="step-position">
                <span className={classic ? 'sr-only' : undefined}>{`${t.stepOf(step.index + 1, count)} · `}</span>
                {`${step.label} · ${placeOf(step)}`}
              </span>
              {stage && (
                <span className={classic ? 'sr-only' : 'pw-stage'} data-id="article-stage">
                  {t.articleStage(t.figures[stage.figure], stage.n)}
                </span>
              )}
              {article && (
                <button
                  type="button"
                  className="pw-article-toggle"
                  data-id="article-toggle"
                  aria-expanded={showArticle}
                  aria-controls={articleId}
                  onClick={() => setShowArticle((open) => !open)}
                >
                  {t.articleTelling}
                </button>
              )}
            </p>
            <p className="pw-narration-text" lang={textLang}>
              {narrate(step.note, lang)}
            </p>
            {article && (
              <p id={articleId} className="pw-narration-article" lang={textLang} data-id="article-note" hidden={!showArticle}>
                {narrate(article, lang)}
              </p>
            )}
          </>
        ) : (
          <p className="pw-panel-note">{t.noStep}</p>
        )}
      </div>
    </PanelSection>
  );
}

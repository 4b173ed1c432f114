import type { LbLabResult } from '../../src/index';
import type { LabStrings } from '../i18n/lab-strings';
import { LabExplanation } from './LabExplanation';
import { LabHistogram } from './LabHistogram';
import { formatPValue } from './lab-format';

/** A run's numbers: the histogram and its table, the chi-square test (or why there is none), and why. */
export function LabResultView({ result, t }: { readonly result: LbLabResult; readonly t: LabStrings }) {
  const { statistic, df, pValue, determinism } = result.test;
  return (
    <div className="lab-result" data-id="lab-result">
      <LabHistogram result={result} t={t} />
      {result.unanswered > 0 && <p>{t.unanswered(result.unanswered)}</p>}
      <p className="lab-test" data-id="lab-test">
        {result.endpoints.length > 0 && t.chiSquare(statistic.toFixed(3), df)}
        {pValue !== null ? (
          <>
            <strong>{t.pValue(formatPValue(pValue))}</strong>
            {t.pValueMeaning}
          </>
        ) : (
          determinism !== 'random' && t.notRandom[determinism]
        )}
      </p>
      <p className="lab-open">{t.open(result.connections, result.seconds.toFixed(1))}</p>
      <LabExplanation result={result} t={t} />
    </div>
  );
}

import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import type { UploadProblem } from './useScenarioUpload';

/** Why a file was not opened, as an alert; its reasons are text (React escapes them). */
export function UploadErrors({ problem }: { readonly problem: UploadProblem }) {
  const t = shareStrings[useAppStore(selectLang)];
  return (
    <div className="share-errors" role="alert" data-id="share-errors">
      <p>{t.notOpened(problem.file)}</p>
      <ul>
        {problem.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

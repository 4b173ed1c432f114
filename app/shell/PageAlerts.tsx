import { shareStrings } from '../i18n/share-strings';
import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectAlerts, selectDismissAlert, selectLang } from '../store/selectors';
import type { Alert } from '../store/types';
import type { Lang } from '../../src/index';

/** An alert's text: a link's scenario (`s`) with its reasons one per line, any other parameter as the shell words it. */
function AlertText({ alert, lang }: { readonly alert: Alert; readonly lang: Lang }) {
  if (alert.param !== 's') return <span>{shellStrings[lang].alert(alert)}</span>;
  return (
    <div>
      {shareStrings[lang].linkAlert}
      <ul className="alert-reasons">
        {alert.value.split('\n').map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the page could not use from its URL, one alert each: Alerts, plus the
 * reasons a link's scenario (`s=`) could not be opened. Text only, never HTML.
 */
export function PageAlerts() {
  const alerts = useAppStore(selectAlerts);
  const lang = useAppStore(selectLang);
  const dismiss = useAppStore(selectDismissAlert);
  if (alerts.length === 0) return null;
  return (
    <div className="alerts" role="alert" data-id="url-alerts">
      {alerts.map((a) => (
        <div key={a.id} className="alert" data-param={a.param}>
          <AlertText alert={a} lang={lang} />
          <button type="button" onClick={() => dismiss(a.id)} aria-label={`${shellStrings[lang].dismiss}: ${a.param}`}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

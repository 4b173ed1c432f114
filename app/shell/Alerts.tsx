import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectAlerts, selectLang } from '../store/selectors';
import type { AppState } from '../store/types';

const selectDismiss = (s: AppState) => s.dismissAlert;

/** What the page could not use from its URL, one alert each; the text is plain text, never HTML. */
export function Alerts() {
  const alerts = useAppStore(selectAlerts);
  const lang = useAppStore(selectLang);
  const dismiss = useAppStore(selectDismiss);
  const strings = shellStrings[lang];
  if (alerts.length === 0) return null;
  return (
    <div className="alerts" role="alert" data-id="url-alerts">
      {alerts.map((a) => (
        <p key={a.id} className="alert" data-param={a.param}>
          <span>{strings.alert(a)}</span>
          <button type="button" onClick={() => dismiss(a.id)} aria-label={`${strings.dismiss}: ${a.param}`}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}

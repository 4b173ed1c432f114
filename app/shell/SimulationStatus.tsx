import { useEffect, useId } from 'react';
import { simulationStrings } from '../i18n/simulation-strings';
import { useAppStore } from '../store/StoreProvider';
import {
  selectCancelSimulation,
  selectDismissSimulationError,
  selectLang,
  selectSimulation,
  selectSimulationError,
} from '../store/selectors';
import './simulation-status.css';

/**
 * A big scenario being simulated in the background: what, how far (a
 * progressbar), and Cancel (also Escape), over the top of the view so the page
 * below stays as it is and usable. If the simulation fails, why, until dismissed.
 */
export function SimulationStatus() {
  const simulation = useAppStore(selectSimulation);
  const error = useAppStore(selectSimulationError);
  const lang = useAppStore(selectLang);
  const cancel = useAppStore(selectCancelSimulation);
  const dismiss = useAppStore(selectDismissSimulationError);
  const labelId = useId();
  const hintId = useId();
  const running = simulation !== null;
  useEffect(() => {
    if (!running) return;
    // Bubbling to the window: an open menu's own Escape (which stops propagation) comes first.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      cancel();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [running, cancel]);
  const t = simulationStrings[lang];
  if (simulation) {
    const percent = simulation.total > 0 ? Math.floor((100 * simulation.done) / simulation.total) : 0;
    return (
      <div className="simulation-status" data-id="simulation-progress">
        <span id={labelId} role="status">
          {t.running(simulation.purpose, simulation.mode ?? 'iptables', simulation.scheduler ?? 'rr')}
        </span>
        <div
          className="simulation-bar"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
        >
          <div className="simulation-bar-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="simulation-percent" aria-hidden="true">
          {percent}%
        </span>
        <button type="button" onClick={cancel} aria-describedby={hintId} aria-keyshortcuts="Escape">
          {t.cancel}
        </button>
        <span id={hintId} className="sr-only">
          {t.cancelHint}
        </span>
      </div>
    );
  }
  if (error === null) return null;
  return (
    <div className="simulation-status simulation-failed" role="alert" data-id="simulation-error">
      <span>{t.failed(error)}</span>
      <button type="button" onClick={dismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}

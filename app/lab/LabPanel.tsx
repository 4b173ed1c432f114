import { useMemo, useRef, useState, type FormEvent } from 'react';
import { LAB_MAX_CONNECTIONS, LAB_MIN_CONNECTIONS, type LbLabResult, type Scenario } from '../../src/index';
import { labStrings } from '../i18n/lab-strings';
import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectMode, selectScenario, selectScheduler, selectTrace } from '../store/selectors';
import { createLabRunner, type LabRunner } from '../worker/lab-runner';
import { labChoices } from './lab-choices';
import { LabResultView } from './LabResultView';
import './lab.css';

/** The lab's runner: the simulation worker's script in the page, this thread where there is no Worker. */
let defaultRunner: LabRunner | null = null;
const runner = () => (defaultRunner ??= createLabRunner());

/** A run's result with what it was run on: a result for another scenario, mode or seed is not shown. */
interface Shown {
  readonly key: readonly unknown[];
  readonly result: LbLabResult | null;
  readonly error: string | null;
  readonly ms: number;
  readonly worker: boolean;
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The load-balancing lab (`lab=lb`): N new connections from the chosen clients to a Service
 * port, run by the engine (`runLbLab`) in the scenario's mode, scheduler and seed, the
 * same numbers as `npm run -s cli -- lb`; then the histogram, the chi-square test and why
 * the rules give these shares.
 */
export function LabPanel({ run = runner() }: { readonly run?: LabRunner }) {
  const lang = useAppStore(selectLang);
  const t = labStrings[lang];
  const scenario: Scenario = useAppStore(selectScenario);
  const mode = useAppStore(selectMode);
  const scheduler = useAppStore(selectScheduler);
  const seed = useAppStore(selectTrace).seed;
  const choices = useMemo(() => labChoices(scenario), [scenario]);
  const [portKey, setPortKey] = useState(choices.defaultPort ?? '');
  const [clients, setClients] = useState<readonly string[]>(choices.defaultClients);
  const [connections, setConnections] = useState('3000');
  const [at, setAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const latest = useRef(0);
  const port = choices.servicePorts.find((p) => p.key === portKey) ?? choices.servicePorts[0];
  const n = /^[0-9]{1,6}$/.test(connections.trim()) ? Number(connections.trim()) : NaN;
  const nValid = n >= LAB_MIN_CONNECTIONS && n <= LAB_MAX_CONNECTIONS;
  const chosen = clients.filter((c) => choices.clients.includes(c));
  const key = [scenario, mode, scheduler, seed];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!port || !nValid || chosen.length === 0) return;
    const id = ++latest.current;
    setBusy(true);
    try {
      const options = {
        connections: n,
        seed,
        mode,
        scheduler,
        service: port.service,
        port: port.port,
        protocol: port.protocol,
        clients: chosen,
        at,
      };
      const ran = await run(scenario, options);
      if (id !== latest.current) return;
      setShown({
        key,
        result: ran.result.ok ? ran.result.value : null,
        error: ran.result.ok ? null : ran.result.error,
        ms: ran.ms,
        worker: ran.worker,
      });
    } catch (error) {
      if (id === latest.current) setShown({ key, result: null, error: (error as Error).message, ms: 0, worker: false });
    } finally {
      if (id === latest.current) setBusy(false);
    }
  };

  const current = shown && sameKey(shown.key, key) ? shown : null;
  return (
    <div className="lab-panel" data-id="lab-panel">
      <h2 className="lab-title">{t.title}</h2>
      <p className="lab-intro">
        {t.intro} <span className="lab-setup">{t.setup(shellStrings[lang].modes[mode], mode === 'ipvs' ? scheduler : null, seed)}</span>
      </p>
      <form className="lab-form pw-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="lab-port">
          {t.servicePort}
          <select value={port?.key ?? ''} onChange={(e) => setPortKey(e.target.value)} data-id="lab-service-port">
            {choices.servicePorts.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="lab-clients">
          {t.clients}
          <select
            multiple
            size={Math.min(4, choices.clients.length)}
            value={[...chosen]}
            onChange={(e) => setClients([...e.target.selectedOptions].map((o) => o.value))}
            aria-invalid={chosen.length === 0 || undefined}
            data-id="lab-clients"
          >
            {choices.clients.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {choices.moments.length > 1 && (
          <label className="lab-at">
            {t.clusterAt}
            <select value={at} onChange={(e) => setAt(Number(e.target.value))} data-id="lab-at">
              {choices.moments.map((m) => (
                <option key={m.at} value={m.at}>
                  {m.event === null ? t.atStart : t.afterEvent(m.at, m.event)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="lab-n">
          {t.connections} <small>({t.connectionsHint(LAB_MIN_CONNECTIONS, LAB_MAX_CONNECTIONS)})</small>
          <input
            type="text"
            inputMode="numeric"
            value={connections}
            onChange={(e) => setConnections(e.target.value)}
            aria-invalid={!nValid || undefined}
            data-id="lab-connections"
          />
        </label>
        <button type="submit" className="pw-form-control" disabled={busy || !nValid || chosen.length === 0 || !port} data-id="lab-run">
          {busy ? t.running : t.run}
        </button>
      </form>
      <div className="lab-status" role="status" aria-live="polite">
        {!nValid && <p className="lab-invalid">{t.connectionsInvalid(LAB_MIN_CONNECTIONS, LAB_MAX_CONNECTIONS)}</p>}
        {chosen.length === 0 && <p className="lab-invalid">{t.noClient}</p>}
        {busy ? t.running : current ? t.ranIn(current.ms, current.worker) : ''}
      </div>
      {current?.error && (
        <p className="lab-invalid" role="alert">
          {t.failed(current.error)}
        </p>
      )}
      {current?.result && <LabResultView result={current.result} t={t} />}
    </div>
  );
}

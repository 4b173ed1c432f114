import { IPVS_SCHEDULERS, PRESET_NAMES, type IpvsScheduler, type ProxyMode } from '../../src/index';
import { LANGS, stringsFor } from '../i18n';
import { layoutStrings } from '../i18n/layout-strings';
import { nftUiStrings } from '../i18n/nftui-strings';
import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import {
  selectLang,
  selectLoadPreset,
  selectMode,
  selectPresetName,
  selectScheduler,
  selectSetLang,
  selectSetMode,
  selectSetScheduler,
  selectSetView,
  selectTogglePresent,
  selectView,
} from '../store/selectors';
import type { View } from '../store/types';
import { preloadMode, preloadView } from './lazy-parts';
import { QuizToggle } from '../quiz/QuizToggle';
import { ShareMenu } from './ShareMenu';
import { ThemePicker } from './ThemePicker';

const VIEWS: readonly View[] = ['cluster', 'classic', 'list'];
const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];

/**
 * The header row's settings, beside the title: scenario picker, kube-proxy
 * mode switch, view switch, language switch, theme picker and the share menu. Last in the
 * page's order (after the controls and the lesson), first in its top row: Tab
 * reaches Play before the settings.
 */
export function Header() {
  const lang = useAppStore(selectLang);
  const preset = useAppStore(selectPresetName);
  const view = useAppStore(selectView);
  const loadPreset = useAppStore(selectLoadPreset);
  const setView = useAppStore(selectSetView);
  const setLang = useAppStore(selectSetLang);
  const mode = useAppStore(selectMode);
  const setMode = useAppStore(selectSetMode);
  const scheduler = useAppStore(selectScheduler);
  const setScheduler = useAppStore(selectSetScheduler);
  const togglePresent = useAppStore(selectTogglePresent);
  const strings = stringsFor(lang);
  const shell = shellStrings[lang];
  const notes = nftUiStrings[lang].modeNotes;
  return (
    <section className="app-settings" aria-label={layoutStrings[lang].settings}>
      <div className="pickers">
        <label className="picker picker-scenario">
          <span className="sr-only">{shell.scenario}</span>
          <select value={preset ?? ''} onChange={(e) => loadPreset(e.target.value)}>
            {preset === null && (
              <option value="" disabled>
                {shell.customScenario}
              </option>
            )}
            {PRESET_NAMES.map((name) => (
              <option key={name} value={name}>
                {shell.presets[name] ?? name}
              </option>
            ))}
          </select>
        </label>
        {/* The same scenario and seed re-simulated in the other mode; the same packet stays at the same place (matchingStep), so the two walks can be compared hop by hop. */}
        <div role="group" aria-label={shell.modeLabel} className="segmented" data-id="mode-switch">
          {/* Where each mode stands in Kubernetes' releases: a tooltip, and read out after the name (the row has no room for it). */}
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={m === mode}
              title={notes[m]}
              aria-description={notes[m]}
              onClick={() => setMode(m)}
              onPointerEnter={() => void preloadMode(m)}
              onFocus={() => void preloadMode(m)}
            >
              {shell.modes[m]}
            </button>
          ))}
        </div>
        {mode === 'ipvs' && (
          <label className="picker picker-scheduler">
            {/* Where the header is narrow the words are only read out (and the select's tooltip): its options name the schedulers. */}
            <span className="picker-scheduler-label">{shell.scheduler}</span>
            <select value={scheduler} title={shell.scheduler} onChange={(e) => setScheduler(e.target.value as IpvsScheduler)}>
              {IPVS_SCHEDULERS.map((name) => (
                <option key={name} value={name}>
                  {name} · {shell.schedulers[name]}
                </option>
              ))}
            </select>
          </label>
        )}
        <div role="group" aria-label={shell.viewLabel} className="segmented" data-id="view-switch">
          {VIEWS.map((v) => (
            // Named in full at every width; where the header is narrow it shows the short word, which the name contains.
            <button
              key={v}
              type="button"
              aria-pressed={v === view}
              aria-label={shell.views[v]}
              onClick={() => setView(v)}
              onPointerEnter={() => void preloadView(v)}
            >
              <span className="view-label-long">{shell.views[v]}</span>
              <span className="view-label-short" aria-hidden="true">
                {shell.viewsShort[v]}
              </span>
            </button>
          ))}
        </div>
        <div role="group" aria-label={strings.language} className="segmented" data-id="lang-switch">
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
              {l === 'en' ? 'English' : '中文'}
            </button>
          ))}
        </div>
        <ThemePicker />
        <button
          type="button"
          className="present-toggle"
          onClick={togglePresent}
          title={`${layoutStrings[lang].present} (F)`}
          data-id="present"
        >
          {layoutStrings[lang].present}
        </button>
        <QuizToggle />
        <ShareMenu />
      </div>
    </section>
  );
}

import { ClassicView } from '../topology/ClassicView';
import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectClassicStep, selectLang, selectPresetName, selectSetView, selectTrace } from '../store/selectors';
import './classic-pane.css';

/**
 * The article's figure for the current picture, or why this scenario has none.
 * The frame is a size container: it takes the box its view area gets, and the
 * figure scales down to fit it (1:1 when it fits), whatever the shell around.
 */
export function ClassicPane() {
  const trace = useAppStore(selectTrace);
  const picture = useAppStore(selectClassicStep);
  const lang = useAppStore(selectLang);
  const preset = useAppStore(selectPresetName);
  const setView = useAppStore(selectSetView);
  const strings = shellStrings[lang];
  if (!picture) {
    return (
      <div className="does-not-fit" data-id="classic-unavailable">
        <p>{strings.classicDoesNotFit(preset ?? strings.customScenario)}</p>
        <button type="button" onClick={() => setView('cluster')}>
          {strings.openCluster}
        </button>
      </div>
    );
  }
  return (
    <div className="classic-frame" data-id="classic-frame">
      <ClassicView trace={trace} figure={picture.figure} n={picture.n} />
    </div>
  );
}

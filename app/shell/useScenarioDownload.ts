import { useAppStore } from '../store/StoreProvider';
import { selectMode, selectScenario, selectScheduler } from '../store/selectors';
import { saveFile } from './save-file';
import { scenarioFileName } from './scenario-file-name';

/** Downloads the scenario on screen as packetwalk-<name>.json. */
export function useScenarioDownload(): () => void {
  const scenario = useAppStore(selectScenario);
  const mode = useAppStore(selectMode);
  const scheduler = useAppStore(selectScheduler);
  // The file records the kube-proxy mode and scheduler on screen, so it reopens as shown.
  return () => saveFile(scenarioFileName(scenario.name), `${JSON.stringify({ ...scenario, mode, scheduler }, null, 2)}\n`);
}

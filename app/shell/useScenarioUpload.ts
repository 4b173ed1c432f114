import { useState } from 'react';
import type { ScenarioError } from '../../src/index';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectLoadScenario } from '../store/selectors';
import { errorLine } from '../url/scenario-link';

/** Files over 1 MB are refused before a byte of them is read. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
/** An upload's errors listed before "and N more". */
const SHOWN_ERRORS = 12;

/** Why a file was not opened: its name and the reasons, one per line. */
export interface UploadProblem {
  readonly file: string;
  readonly lines: readonly string[];
}

const linesOf = (errors: readonly ScenarioError[], more: (n: number) => string) => [
  ...errors.slice(0, SHOWN_ERRORS).map(errorLine),
  ...(errors.length > SHOWN_ERRORS ? [more(errors.length - SHOWN_ERRORS)] : []),
];

/**
 * Opens a scenario from a JSON file. A file is untrusted: refused over 1 MB
 * before it is read, then checked like a link; on any error nothing changes
 * and `problem` lists the reasons.
 */
export function useScenarioUpload() {
  const t = shareStrings[useAppStore(selectLang)];
  const loadScenario = useAppStore(selectLoadScenario);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const refuse = (file: File, lines: readonly string[]) => {
    setProblem({ file: file.name, lines });
    return null;
  };
  /** The name of the scenario opened, or null when the file was refused. */
  const open = async (file: File): Promise<string | null> => {
    if (file.size > MAX_UPLOAD_BYTES) return refuse(file, [t.fileTooLarge(file.size, MAX_UPLOAD_BYTES)]);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(file, [t.unreadableFile]);
    }
    // The text is read and checked where the scenario is simulated (a big file in the
    // background, not on this thread). A file carries its own kube-proxy mode and scheduler.
    const started = loadScenario(text, { ownMode: true, textLimit: MAX_UPLOAD_BYTES });
    setProblem(null);
    // Null when a big file's simulation was cancelled or failed: the page says so elsewhere.
    const loaded = started.ok === 'pending' ? await started.settled : started;
    if (loaded === null) return null;
    if (!loaded.ok) return refuse(file, linesOf(loaded.errors, t.more));
    return loaded.scenario.name;
  };
  return { problem, open, clearProblem: () => setProblem(null) };
}

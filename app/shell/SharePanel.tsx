import { useState } from 'react';
import { ExportActions } from '../export/ExportActions';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectPresetName, selectScenario } from '../store/selectors';
import { linkOf, MAX_LINK_CHARS } from '../url/scenario-io';
import { CopyEmbedCode } from './CopyEmbedCode';
import { CopyLinkFallback } from './CopyLinkFallback';
import { ShareActions } from './ShareActions';
import { UploadErrors } from './UploadErrors';
import { useCopyLink } from './useCopyLink';
import { useScenarioDownload } from './useScenarioDownload';
import { useScenarioUpload } from './useScenarioUpload';

/**
 * The share menu's panel: copy a link to the frame on screen (a preset by
 * name, a custom scenario compressed into `s=`), copy embed code, download the
 * scenario as JSON, or open a JSON file. One live line says what the last
 * action did. A chunk of its own (with the scenario reader), loaded when the
 * menu first opens.
 */
export function SharePanel() {
  const t = shareStrings[useAppStore(selectLang)];
  const presetName = useAppStore(selectPresetName);
  const scenario = useAppStore(selectScenario);
  const link = useCopyLink();
  const upload = useScenarioUpload();
  const download = useScenarioDownload();
  const [status, setStatus] = useState('');
  const linkLength = presetName === null ? linkOf(scenario).length : 0;

  const copy = async () => {
    upload.clearProblem();
    setStatus((await link.copy()) ? t.copied : t.copyFallback);
  };
  const saveScenario = () => {
    upload.clearProblem();
    download();
  };
  const openFile = async (file: File) => {
    setStatus('');
    const name = await upload.open(file);
    if (name === null) return;
    link.dismissFallback();
    setStatus(t.opened(name));
  };

  return (
    <>
      <ShareActions
        canCopy={linkLength <= MAX_LINK_CHARS}
        onCopy={() => void copy()}
        onDownload={saveScenario}
        onOpenFile={(file) => void openFile(file)}
      />
      <CopyEmbedCode disabled={linkLength > MAX_LINK_CHARS} onStatus={setStatus} />
      {linkLength > MAX_LINK_CHARS && <p className="share-note">{t.linkTooLong(linkLength, MAX_LINK_CHARS)}</p>}
      {link.fallback !== null && <CopyLinkFallback url={link.fallback} />}
      <p className="share-status" role="status" aria-live="polite" data-id="share-status">
        {status}
      </p>
      {upload.problem && <UploadErrors problem={upload.problem} />}
      <ExportActions onStatus={setStatus} />
    </>
  );
}

import { useRef } from 'react';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

export interface ShareActionsProps {
  /** False when the scenario is too large for a link. */
  readonly canCopy: boolean;
  readonly onCopy: () => void;
  readonly onDownload: () => void;
  readonly onOpenFile: (file: File) => void;
}

/** The share menu's items: copy a link, download JSON, upload JSON (through a hidden file input). */
export function ShareActions({ canCopy, onCopy, onDownload, onOpenFile }: ShareActionsProps) {
  const t = shareStrings[useAppStore(selectLang)];
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="share-actions">
      <button type="button" onClick={onCopy} disabled={!canCopy}>
        {t.copyLink}
      </button>
      <button type="button" onClick={onDownload}>
        {t.download}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t.upload}
      </button>
      <input
        ref={fileInput}
        className="sr-only"
        type="file"
        accept=".json,application/json"
        aria-label={t.upload}
        tabIndex={-1}
        data-id="share-upload"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after a fix
          if (file) onOpenFile(file);
        }}
      />
    </div>
  );
}

import { memo, useId, useRef, useState, type RefObject } from 'react';
import type { NodeStrings } from '../i18n/node-strings';

/**
 * The dump: a box to paste into (lines not wrapped, so a line number is a row), a file to
 * open instead, and the example. The text is only ever a textarea's value, never markup.
 */
export const NodeDumpInput = memo(function NodeDumpInput({
  t,
  text,
  onText,
  onExample,
  exampleShown,
  problem,
  box,
}: {
  readonly t: NodeStrings;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onExample: () => void | Promise<void>;
  readonly exampleShown: boolean;
  readonly problem: string | undefined;
  readonly box: RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const open = async (chosen: File | undefined) => {
    if (chosen === undefined) return;
    try {
      const read = await chosen.text();
      onText(read);
      setFileNote(t.fileRead(chosen.name, read.split('\n').length));
    } catch {
      setFileNote(t.fileFailed(chosen.name));
    }
  };
  return (
    <div className="pw-node-dump">
      <label htmlFor={`${id}-dump`} className="pw-node-label">
        {t.dump}
      </label>
      <p id={`${id}-hint`} className="pw-node-hint">
        {t.dumpHint}
      </p>
      <textarea
        ref={box}
        id={`${id}-dump`}
        data-id="node-dump"
        className="pw-node-text"
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
        aria-invalid={problem !== undefined}
        value={text}
        onChange={(e) => onText(e.target.value)}
        wrap="off"
        spellCheck={false}
        autoComplete="off"
        rows={10}
      />
      {problem && (
        <p id={`${id}-problem`} className="pw-node-problem">
          {problem}
        </p>
      )}
      <div className="pw-node-row">
        <button type="button" onClick={() => file.current?.click()} data-id="node-open-file">
          {t.openFile}
        </button>
        <input
          ref={file}
          type="file"
          accept=".txt,.rules,.save,.v4,text/plain"
          className="pw-node-file"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => void onExample()} data-id="node-example">
          {t.useExample}
        </button>
      </div>
      {fileNote !== null && (
        <p className="pw-node-hint" role="status">
          {fileNote}
        </p>
      )}
      {exampleShown && <p className="pw-node-hint">{t.exampleSays}</p>}
    </div>
  );
});

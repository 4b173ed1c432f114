import { Fragment, useEffect, useRef } from 'react';
import type { VerifyCommand } from '../../../src/index';
import { verifyStrings } from '../../i18n/verify-strings';
import { useAppStore } from '../../store/StoreProvider';
import { selectLang } from '../../store/selectors';

export interface VerifyCommandItemProps {
  readonly command: VerifyCommand;
  readonly onCopy: (command: string) => void;
  /** The clipboard refused this command: it is shown selected, for Ctrl+C. */
  readonly fallback: boolean;
}

/**
 * A command wrapped only between its words, never inside one ("--line-" / "numbers"
 * would read as two options): each word is a text node of its own, the spaces between
 * them kept, so the text is the command, character for character.
 */
function CommandText({ command }: { readonly command: string }) {
  return command.split(' ').map((word, i) => (
    <Fragment key={i}>
      {i > 0 && ' '}
      <span className="pw-verify-word">{word}</span>
    </Fragment>
  ));
}

/** One command: what it is for, the command with its Copy button, and what it prints when the engine knows. */
export function VerifyCommandItem({ command: c, onCopy, fallback }: VerifyCommandItemProps) {
  const t = verifyStrings[useAppStore(selectLang)];
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (fallback) area.current?.select();
  }, [fallback]);
  return (
    <li className="pw-verify-command" data-id="verify-command" data-command-id={c.id}>
      <p className="pw-verify-purpose">{t.purpose[c.id](c.params)}</p>
      <div className="pw-verify-line">
        <code className="pw-verify-text" data-id="verify-command-text">
          <CommandText command={c.command} />
        </code>
        <button
          type="button"
          className="pw-verify-copy"
          aria-label={t.copyLabel(c.command)}
          data-id="verify-copy"
          onClick={() => onCopy(c.command)}
        >
          {t.copy}
        </button>
      </div>
      {fallback && (
        <textarea
          ref={area}
          className="pw-verify-fallback"
          readOnly
          rows={2}
          value={c.command}
          aria-label={t.commandLabel}
          onFocus={(e) => e.target.select()}
        />
      )}
      {c.expected && (
        <figure className="pw-verify-output">
          <figcaption>{t.prints(c.expected.fidelity)}</figcaption>
          <div className="pw-scroll" role="group" tabIndex={0} data-scroll-keys="" aria-label={t.output(c.command)}>
            <pre className="pw-terminal pw-verify-pre" data-id="verify-output">
              <code>{c.expected.lines.join('\n')}</code>
            </pre>
          </div>
        </figure>
      )}
    </li>
  );
}

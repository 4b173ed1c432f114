import type { NodeStrings } from '../i18n/node-strings';

/** A rule's or a note's line in the pasted text: pressed, the text box shows and selects that line. */
export function LineButton({
  line,
  t,
  onShow,
}: {
  readonly line: number;
  readonly t: NodeStrings;
  readonly onShow: (line: number) => void;
}) {
  return (
    <button
      type="button"
      className="pw-node-line"
      data-id="node-line"
      data-line={line}
      aria-label={t.jumpTo(line)}
      onClick={() => onShow(line)}
    >
      {t.line} {line}
    </button>
  );
}

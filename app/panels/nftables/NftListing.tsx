import { useEffect, useRef, useState } from 'react';
import type { NftStepView } from '../../../src/index';
import type { NftPanelStrings } from '../../i18n/nft-panel-strings';

/**
 * The node's `nft list table ip kube-proxy`, exactly as printed, behind a disclosure: the
 * rules this step matched, the one that decided and the matched map elements marked. A big
 * cluster's table runs to thousands of lines: they are drawn only once it is opened.
 */
export function NftListing({ node, lines, t }: { node: string; lines: NftStepView['lines']; t: NftPanelStrings }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Opened on a big table, the box scrolls itself (not the page) to the first line the step matched.
  useEffect(() => {
    const mark = box.current?.querySelector<HTMLElement>('mark');
    if (box.current && mark) box.current.scrollTop = Math.max(0, mark.offsetTop - box.current.clientHeight / 3);
  }, [open, lines]);
  return (
    <details className="pw-nft-listing" data-id="nft-listing" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <code>{t.listing(node)}</code>
      </summary>
      {open && (
        <div ref={box} className="pw-scroll pw-ipvs-scroll" role="group" tabIndex={0} data-scroll-keys="" aria-label={t.listingLabel}>
          <pre className="pw-terminal">
            <code>
              {lines.map((line, i) =>
                line.mark ? (
                  <mark key={i} className="pw-ct-line pw-nft-line" data-mark={line.mark} title={t.marks[line.mark]}>
                    {line.text}
                  </mark>
                ) : (
                  <span key={i} className="pw-ct-line">
                    {line.text}
                  </span>
                ),
              )}
            </code>
          </pre>
        </div>
      )}
    </details>
  );
}

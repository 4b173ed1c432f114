import { useId, useState } from 'react';
import { shareStrings } from '../i18n/share-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import { sharePanel } from './lazy-parts';
import { useMenuPopover } from './useMenuPopover';

const preloadPanel = () => void sharePanel.preload();

/**
 * The header's share menu: a button that opens the share panel (copy a link,
 * copy embed code, download or open a scenario file). The panel's code loads
 * when the pointer or the focus first reaches the button; once opened it stays
 * mounted while closed, so its status line and a refused file's reasons remain.
 */
export function ShareMenu() {
  const t = shareStrings[useAppStore(selectLang)];
  const panelId = useId();
  const { root, toggle, open, align, onKeyDown, openOrClose } = useMenuPopover();
  const [opened, setOpened] = useState(false);
  const onToggle = () => {
    setOpened(true);
    openOrClose();
  };

  return (
    <div ref={root} className="share" data-id="share-menu" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="share-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={onToggle}
        onPointerEnter={preloadPanel}
        onFocus={preloadPanel}
      >
        {t.share}
      </button>
      <div className="share-panel" id={panelId} hidden={!open} role="group" aria-label={t.share} data-align={align}>
        {opened && <sharePanel.Part />}
      </div>
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { sideTabStrings } from '../i18n/side-tab-strings';
import { Panels } from '../panels/Panels';
import { useAppStore } from '../store/StoreProvider';
import { selectLab, selectLang, selectSetLab, selectStepIndex } from '../store/selectors';
import { labPanel, nodePanel, scenarioEditor } from './lazy-parts';
import '../editor/editor.css';

type Tab = 'details' | 'editor' | 'lab' | 'node';
const TABS: readonly Tab[] = ['details', 'editor', 'lab', 'node'];
// A part's code loads when the pointer or the focus reaches its tab, a moment before it is opened.
const PRELOAD: Partial<Record<Tab, () => void>> = {
  editor: () => void scenarioEditor.preload(),
  lab: () => void labPanel.preload(),
  node: () => void nodePanel.preload(),
};

/**
 * The column beside the view, in three tabs: the current step's panels, the
 * scenario editor, the load-balancing lab (`lab=lb` in the URL) and "Your node" (`lab=node`). A WAI-ARIA tablist: the arrows (and Home, End) move between
 * the tabs and select them; Tab goes on into the panel. The tab panel scrolls
 * on its own; on a new step the details go back to the top, where the step's
 * evidence is.
 */
export function SidePane() {
  const lang = useAppStore(selectLang);
  const t = sideTabStrings[lang];
  const lab = useAppStore(selectLab);
  const setLab = useAppStore(selectSetLab);
  const [otherTab, setOtherTab] = useState<Exclude<Tab, 'lab' | 'node'>>('details');
  // The lab's and the node's tabs are the URL's (lab=lb, lab=node); the other two are this pane's own.
  const tab: Tab = lab === 'lb' ? 'lab' : lab === 'node' ? 'node' : otherTab;
  const setTab = (next: Tab) => {
    setLab(next === 'lab' ? 'lb' : next === 'node' ? 'node' : null);
    if (next !== 'lab' && next !== 'node') setOtherTab(next);
  };
  const step = useAppStore(selectStepIndex);
  const panel = useRef<HTMLDivElement>(null);
  // Whether the person scrolled the panel down, kept from its scroll events: asking the panel
  // (or scrolling it to where it already is) at every step would force a layout of the page.
  const scrolledDown = useRef(false);
  useEffect(() => {
    if (tab === 'details' && scrolledDown.current) panel.current?.scrollTo?.({ top: 0 });
  }, [step, tab]);
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const id = useId();
  const select = (next: Tab) => {
    setTab(next);
    buttons.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowDown: i + 1,
      ArrowLeft: i - 1,
      ArrowUp: i - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    if (!Object.hasOwn(moves, e.key)) return;
    // Handled here: the page's playback shortcuts (arrows step the trace) see it as taken.
    e.preventDefault();
    select(TABS[(moves[e.key]! + TABS.length) % TABS.length]!);
  };
  return (
    <div className="side-pane">
      <div className="side-tabs" role="tablist" aria-label={t.label} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => void (buttons.current[name] = el)}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={tab === name ? `${id}-${name}-panel` : undefined}
            tabIndex={tab === name ? 0 : -1}
            data-id={`side-tab-${name}`}
            onClick={() => setTab(name)}
            onPointerEnter={PRELOAD[name]}
            onFocus={PRELOAD[name]}
          >
            {t[name]}
          </button>
        ))}
      </div>
      <div
        ref={panel}
        onScroll={(e) => {
          scrolledDown.current = e.currentTarget.scrollTop > 0;
        }}
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}-tab`}
        className="side-tabpanel"
      >
        {tab === 'details' ? (
          <Panels />
        ) : tab === 'editor' ? (
          <scenarioEditor.Part />
        ) : tab === 'lab' ? (
          <labPanel.Part />
        ) : (
          <nodePanel.Part />
        )}
      </div>
    </div>
  );
}

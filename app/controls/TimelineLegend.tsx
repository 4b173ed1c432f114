import { usePanelStrings } from '../panels/usePanelStrings';
import { tickCategory, type TickCategory, type TimelineStop } from './timeline-model';

const ORDER: readonly TickCategory[] = ['nat', 'conntrack', 'filter', 'l2', 'l3', 'control', 'stop'];

/** What the ticks' colours and shapes mean, for the kinds this timeline has (shown on demand, folded in the bar). */
export function TimelineLegend({ stops }: { readonly stops: readonly TimelineStop[] }) {
  const t = usePanelStrings();
  const present = new Set(stops.map((s) => tickCategory(s.kind)));
  return (
    <ul className="pw-legend">
      {ORDER.filter((c) => present.has(c)).map((c) => (
        <li key={c} data-category={c}>
          <span className="pw-kind-mark" aria-hidden="true" />
          {t.tickGroups[c]}
        </li>
      ))}
    </ul>
  );
}

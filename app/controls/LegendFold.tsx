import { useAppStore } from '../store/StoreProvider';
import { layoutStrings } from '../i18n/layout-strings';
import { selectLang } from '../store/selectors';
import { TimelineLegend } from './TimelineLegend';
import type { TimelineStop } from './timeline-model';

/** The timeline's legend (colours and shapes), folded: the bar stays one row, and the legend opens above it on demand. */
export function LegendFold({ stops }: { readonly stops: readonly TimelineStop[] }) {
  const lang = useAppStore(selectLang);
  return (
    <details className="pw-legend-fold" data-id="legend">
      <summary>{layoutStrings[lang].legend}</summary>
      <TimelineLegend stops={stops} />
    </details>
  );
}

import { useId } from 'react';
import type { LbLabResult } from '../../src/index';
import type { LabStrings } from '../i18n/lab-strings';
import { formatExpected, percent } from './lab-format';

const WIDTH = 320;
const HEIGHT = 150;
const TOP = 18;
const BOTTOM = 22;
const PLOT = HEIGHT - TOP - BOTTOM;

/**
 * The counts per endpoint as bars, each with its expected count marked (a dashed line),
 * and the same numbers in a table: the table is what a screen reader reads, the drawing
 * carries a one-line summary.
 */
export function LabHistogram({ result, t }: { readonly result: LbLabResult; readonly t: LabStrings }) {
  const titleId = useId();
  const answered = result.connections - result.unanswered;
  const rows = result.endpoints.map((e) => ({ ...e, name: e.pod ?? e.endpoint, expected: answered * e.expectedShare }));
  const top = Math.max(1, ...rows.map((r) => Math.max(r.count, r.expected)));
  const slot = WIDTH / Math.max(rows.length, 1);
  const barWidth = Math.min(56, slot * 0.6);
  const y = (n: number) => TOP + PLOT - (n / top) * PLOT;
  const labels = rows.length <= 12;
  return (
    <figure className="lab-histogram" data-id="lab-histogram">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t.histogram(result.connections, result.servicePort)}</title>
        <line className="lab-axis" x1={0} x2={WIDTH} y1={TOP + PLOT} y2={TOP + PLOT} />
        {rows.map((r, i) => {
          const x = slot * i + (slot - barWidth) / 2;
          return (
            <g key={r.endpoint}>
              <rect
                className="lab-bar"
                data-id="lab-bar"
                data-pod={r.name}
                data-count={r.count}
                x={x}
                y={y(r.count)}
                width={barWidth}
                height={Math.max(0, TOP + PLOT - y(r.count))}
              />
              <line className="lab-expected" x1={x - 4} x2={x + barWidth + 4} y1={y(r.expected)} y2={y(r.expected)} />
              {labels && (
                <>
                  <text className="lab-count" x={x + barWidth / 2} y={y(r.count) - 4}>
                    {r.count}
                  </text>
                  <text className="lab-label" x={x + barWidth / 2} y={HEIGHT - 6}>
                    {r.name}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="lab-legend">
        <span className="lab-legend-bar" aria-hidden="true" /> {t.count} <span className="lab-legend-expected" aria-hidden="true" />{' '}
        {t.expectedMark}
      </figcaption>
      <table className="lab-table" data-id="lab-table">
        <thead>
          <tr>
            <th scope="col">{t.pod}</th>
            <th scope="col">{t.endpoint}</th>
            <th scope="col">{t.count}</th>
            <th scope="col">{t.share}</th>
            <th scope="col">{t.expected}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.endpoint} data-id="lab-row">
              <th scope="row">{r.pod ?? '-'}</th>
              <td>{r.endpoint}</td>
              <td>{r.count}</td>
              <td>{percent(answered > 0 ? r.count / answered : 0)}</td>
              <td>
                {formatExpected(Math.round(r.expected * 10) / 10)} ({percent(r.expectedShare)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

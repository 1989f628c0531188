// The 5×5 risk heat map: impact up, probability across, each cell coloured by its level and
// showing how many risks sit there (and which, on hover).
import { useId } from 'react';
import './charts.css';

export interface HeatCell {
  probability: number;
  impact: number;
  score: number;
  level: string;
  count: number;
  ids: readonly string[];
}

const CELL = 64;
const LEFT = 70;
const TOP = 12;

/** `rows` as the analysis gives them: impact 5 first, probability 1 → 5 in each row. */
export function HeatMap({ title, rows }: { title: string; rows: ReadonlyArray<ReadonlyArray<HeatCell>> }) {
  const id = useId();
  const total = rows.flat().reduce((s, c) => s + c.count, 0);
  const width = LEFT + 5 * CELL + 10;
  const height = TOP + 5 * CELL + 50;
  return (
    <svg className="chart heat-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: `${width * 1.3}px` }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>
        {`${total} risks on a 5 by 5 grid of probability and impact. ` +
          rows
            .flat()
            .filter((c) => c.count > 0)
            .map((c) => `Probability ${c.probability}, impact ${c.impact} (${c.level}): ${c.count} – ${c.ids.join(', ')}.`)
            .join(' ')}
      </desc>
      {rows.map((row, r) =>
        row.map((c, p) => (
          <g key={`${c.impact}-${c.probability}`} className="heat-cell-group" data-probability={c.probability} data-impact={c.impact} data-count={c.count} data-level={c.level}>
            <rect className={`heat-cell heat-${c.level}`} x={LEFT + p * CELL} y={TOP + r * CELL} width={CELL} height={CELL}>
              <title>{`Probability ${c.probability} × impact ${c.impact} = ${c.score} (${c.level}): ${c.count === 0 ? 'no risk' : c.ids.join(', ')}`}</title>
            </rect>
            {c.count > 0 && (
              <text className="heat-count" x={LEFT + p * CELL + CELL / 2} y={TOP + r * CELL + CELL / 2 + 6} textAnchor="middle">
                {c.count}
              </text>
            )}
          </g>
        )),
      )}
      {[5, 4, 3, 2, 1].map((impact, r) => (
        <text key={impact} className="tick-label" x={LEFT - 8} y={TOP + r * CELL + CELL / 2 + 4} textAnchor="end">
          {impact}
        </text>
      ))}
      {[1, 2, 3, 4, 5].map((p) => (
        <text key={p} className="tick-label" x={LEFT + (p - 1) * CELL + CELL / 2} y={TOP + 5 * CELL + 16} textAnchor="middle">
          {p}
        </text>
      ))}
      <text className="axis-label" x={LEFT + (5 * CELL) / 2} y={TOP + 5 * CELL + 38} textAnchor="middle">
        Probability →
      </text>
      <text className="axis-label" x={14} y={TOP + (5 * CELL) / 2} textAnchor="middle" transform={`rotate(-90 14 ${TOP + (5 * CELL) / 2})`}>
        Impact →
      </text>
    </svg>
  );
}

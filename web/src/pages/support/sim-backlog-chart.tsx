// Open tickets over simulated time, As-Is against Orchestrated: two polylines on one scale, hours along
// the bottom. Built on the shared chart scale so it reads like the other charts.
import { useId } from 'react';
import { label, niceTicks } from '../../components/charts/chart-scale';
import '../../components/charts/charts.css';

const WIDTH = 860;
const HEIGHT = 240;
const LEFT = 52;
const BOTTOM = 28;
const TOP = 12;

export interface BacklogSeries {
  key: string;
  label: string;
  values: readonly number[];
  color: string;
  dashed?: boolean;
}

export function SimBacklogChart({ series, everyHours }: { series: readonly BacklogSeries[]; everyHours: number }) {
  const id = useId();
  const n = Math.max(...series.map((s) => s.values.length));
  if (n < 2) return null;
  const ticks = niceTicks(Math.max(1, ...series.flatMap((s) => s.values)), 4);
  const top = ticks.at(-1) ?? 1;
  const px = (i: number) => LEFT + (i / (n - 1)) * (WIDTH - LEFT - 16);
  const py = (v: number) => TOP + (1 - v / top) * (HEIGHT - TOP - BOTTOM);
  const days = ((n - 1) * everyHours) / 24;
  return (
    <svg className="chart sim-backlog" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>Open tickets over time</title>
      <desc id={`${id}-d`}>{series.map((s) => `${s.label}: peak ${Math.max(...s.values)}, at the end ${s.values.at(-1) ?? 0}`).join('; ')}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={LEFT} x2={WIDTH - 10} y1={py(t)} y2={py(t)} />
          <text className="tick-label" x={LEFT - 6} y={py(t) + 4} textAnchor="end">
            {label(t)}
          </text>
        </g>
      ))}
      {series.map((s) => (
        <polyline key={s.key} data-series={s.key} fill="none" stroke={s.color} strokeWidth={1.5} strokeDasharray={s.dashed ? '6 3' : undefined} points={s.values.map((v, i) => `${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ')}>
          <title>{s.label}</title>
        </polyline>
      ))}
      <text className="tick-label" x={LEFT} y={HEIGHT - 8}>
        day 0
      </text>
      <text className="tick-label" x={WIDTH - 10} y={HEIGHT - 8} textAnchor="end">
        {`day ${label(days)}`}
      </text>
    </svg>
  );
}

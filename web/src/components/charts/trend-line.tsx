// A KPI's history with its least-squares trend line and the target as a dashed line, dates
// along the bottom and values up the side.
import { useId } from 'react';
import { label, niceTicks } from './chart-scale';
import './charts.css';

export interface TrendPoint {
  at: string;
  value: number;
  fitted: number;
}

const WIDTH = 420;
const HEIGHT = 200;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 12;

function day(at: string): number {
  return Date.parse(`${at}T00:00:00Z`) / 86_400_000;
}

export function TrendLine({ title, points, target, unit }: { title: string; points: readonly TrendPoint[]; target: number | null; unit: string | null }) {
  const id = useId();
  if (points.length === 0) return null;
  const values = [...points.flatMap((p) => [p.value, p.fitted]), ...(target === null ? [] : [target])];
  const low = Math.min(0, ...values);
  const ticks = niceTicks(Math.max(...values) - low, 4).map((t) => t + low);
  const top = ticks.at(-1) ?? 1;
  const first = day(points[0]!.at);
  const span = Math.max(1, day(points.at(-1)!.at) - first);
  const px = (at: string) => LEFT + ((day(at) - first) / span) * (WIDTH - LEFT - 16);
  const py = (v: number) => TOP + (1 - (v - low) / (top - low || 1)) * (HEIGHT - TOP - BOTTOM);
  const last = points.at(-1)!;
  return (
    <svg className="chart trend-line" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>
        {`${points.length} measurements from ${points[0]!.at} to ${last.at}; latest ${label(last.value)}${unit ? ` ${unit}` : ''}` +
          (target === null ? '.' : `; target ${label(target)}.`)}
      </desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={LEFT} x2={WIDTH - 10} y1={py(t)} y2={py(t)} />
          <text className="tick-label" x={LEFT - 6} y={py(t) + 4} textAnchor="end">
            {label(t)}
          </text>
        </g>
      ))}
      {target !== null && <line className="trend-target" x1={LEFT} x2={WIDTH - 10} y1={py(target)} y2={py(target)} />}
      <line className="trend-fit" x1={px(points[0]!.at)} x2={px(last.at)} y1={py(points[0]!.fitted)} y2={py(last.fitted)} />
      {points.map((p) => (
        <circle key={p.at} className="trend-point" cx={px(p.at)} cy={py(p.value)} r={3.5}>
          <title>{`${p.at}: ${label(p.value)}${unit ? ` ${unit}` : ''}`}</title>
        </circle>
      ))}
      <text className="tick-label" x={LEFT} y={HEIGHT - 8}>
        {points[0]!.at}
      </text>
      <text className="tick-label" x={WIDTH - 10} y={HEIGHT - 8} textAnchor="end">
        {last.at}
      </text>
    </svg>
  );
}

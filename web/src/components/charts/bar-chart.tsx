// Horizontal bar chart, optionally stacked (process vs wait time per step): one labelled row per
// item, the total written after each bar, a highlighted row for what the analysis calls out.
import { useId } from 'react';
import { label, linearScale, niceTicks } from './chart-scale';
import './charts.css';

export interface BarSegment {
  key: string;
  label: string;
  value: number;
  className?: string;
}

export interface BarRow {
  id: string;
  label: string;
  segments: readonly BarSegment[];
  /** Drawn with an outline and "◀ note" after the value, e.g. the bottleneck. */
  highlight?: string;
}

export interface BarChartProps {
  title: string;
  description: string;
  rows: readonly BarRow[];
  unit?: string;
  labelWidth?: number;
}

const ROW = 28;
const TOP = 24;
const WIDTH = 860;

export function BarChart({ title, description, rows, unit = '', labelWidth = 230 }: BarChartProps) {
  const id = useId();
  const totals = rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const max = ticks.at(-1) ?? 0;
  const plot = WIDTH - labelWidth - 190;
  const x = linearScale(max, plot);
  const height = TOP + rows.length * ROW + 8;
  return (
    <svg className="chart bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: `${WIDTH * 1.15}px` }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={labelWidth + x(t)} x2={labelWidth + x(t)} y1={TOP - 6} y2={height - 8} />
          <text className="tick-label" x={labelWidth + x(t)} y={TOP - 10} textAnchor="middle">
            {label(t)}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y = TOP + i * ROW;
        let offset = 0;
        return (
          <g key={row.id} data-row={row.id} data-highlight={row.highlight !== undefined ? 'true' : undefined}>
            <text x={labelWidth - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
            </text>
            {row.segments.map((s) => {
              const left = offset;
              offset += s.value;
              return (
                <rect
                  key={s.key}
                  className={`bar ${s.className ?? 'bar-primary'}${row.highlight !== undefined ? ' bar-highlight' : ''}`}
                  x={labelWidth + x(left)}
                  y={y + 5}
                  width={Math.max(0, x(s.value))}
                  height={ROW - 10}
                >
                  <title>{`${row.label} – ${s.label}: ${label(s.value)}${unit ? ` ${unit}` : ''}`}</title>
                </rect>
              );
            })}
            <text x={labelWidth + x(totals[i] ?? 0) + 6} y={y + ROW / 2 + 4} className="bar-value">
              {`${label(totals[i] ?? 0)}${unit ? ` ${unit}` : ''}${row.highlight !== undefined ? `  ◀ ${row.highlight}` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// Gantt chart of a levelled schedule: one row per task in start order, critical bars marked in
// colour and in words, slack drawn as a dashed tail, milestones as diamonds, an optional deadline.
import { useId } from 'react';
import { label, linearScale, niceTicks } from './chart-scale';
import './charts.css';

export interface GanttTask {
  id: string;
  name: string;
  start: number;
  finish: number;
  assignee: string | null;
  critical: boolean;
  milestone: boolean;
}

export interface GanttChartProps {
  title: string;
  bars: readonly GanttTask[];
  duration: number;
  unit: string;
  milestones?: ReadonlyArray<{ name: string; at: number }>;
  slack?: Readonly<Record<string, number>>;
  deadline?: number | null;
}

const ROW = 26;
const TOP = 30;
const LEFT = 230;
const WIDTH = 900;

export function GanttChart({ title, bars, duration, unit, milestones = [], slack = {}, deadline = null }: GanttChartProps) {
  const id = useId();
  const end = Math.max(duration, deadline ?? 0);
  const ticks = niceTicks(end, 8);
  const x = linearScale(ticks.at(-1) ?? end, WIDTH - LEFT - 150);
  const height = TOP + (bars.length + (milestones.length > 0 ? 1 : 0)) * ROW + 10;
  const critical = bars.filter((b) => b.critical && !b.milestone).map((b) => b.id);
  return (
    <svg className="chart gantt-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>
        {`${bars.length} tasks over ${label(duration)} ${unit}. Critical (red, no slack): ${critical.join(', ') || 'none'}.` +
          (deadline !== null ? ` Deadline at ${label(deadline)}.` : '')}
      </desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid-line" x1={LEFT + x(t)} x2={LEFT + x(t)} y1={TOP - 8} y2={height - 6} />
          <text className="tick-label" x={LEFT + x(t)} y={TOP - 14} textAnchor="middle">
            {label(t)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={LEFT - 8} y={TOP - 14} textAnchor="end">
        {unit}
      </text>
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        const tail = slack[b.id] ?? 0;
        const what = b.milestone ? 'milestone' : `${label(b.start)}–${label(b.finish)} ${unit}, ${b.assignee ?? 'unassigned'}`;
        return (
          <g key={b.id} className="gantt-row" data-task={b.id} data-critical={b.critical ? 'true' : 'false'}>
            <title>{`${b.id} ${b.name}: ${what}${b.critical ? ', critical' : tail > 0 ? `, slack ${label(tail)}` : ''}`}</title>
            <text x={LEFT - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {`${b.id} ${b.name.length > 24 ? `${b.name.slice(0, 23)}…` : b.name}`}
            </text>
            {b.milestone ? (
              <path className="gantt-milestone" d={`M ${LEFT + x(b.start)} ${y + 5} l 8 8 l -8 8 l -8 -8 z`} />
            ) : (
              <>
                <rect className="gantt-bar" data-critical={b.critical ? 'true' : 'false'} x={LEFT + x(b.start)} y={y + 4} width={Math.max(2, x(b.finish - b.start))} height={ROW - 8} rx={3} />
                {tail > 0 && <rect className="gantt-slack" x={LEFT + x(b.finish)} y={y + 8} width={x(tail)} height={ROW - 16} />}
              </>
            )}
            <text x={LEFT + x(b.finish + tail) + 6} y={y + ROW / 2 + 4} className="tick-label">
              {b.milestone ? '◆' : `${b.assignee ?? ''}${b.critical ? ' · critical' : ''}`}
            </text>
          </g>
        );
      })}
      {milestones.length > 0 && (
        <g className="gantt-milestones">
          <text x={LEFT - 8} y={TOP + bars.length * ROW + ROW / 2 + 4} textAnchor="end">
            Milestones
          </text>
          {milestones.map((m) => (
            <path key={`${m.name}-${m.at}`} className="gantt-milestone" d={`M ${LEFT + x(m.at)} ${TOP + bars.length * ROW + 5} l 8 8 l -8 8 l -8 -8 z`}>
              <title>{`${m.name} at ${label(m.at)} ${unit}`}</title>
            </path>
          ))}
        </g>
      )}
      {deadline !== null && (
        <line className="gantt-deadline" x1={LEFT + x(deadline)} x2={LEFT + x(deadline)} y1={TOP - 8} y2={height - 6}>
          <title>{`Deadline at ${label(deadline)} ${unit}`}</title>
        </line>
      )}
    </svg>
  );
}

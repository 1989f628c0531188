// A live Gantt of the journey's units of work and their tasks: one row per unit, its tasks under
// it, bars from start to finish coloured (and labelled) by status. Running work is drawn up to now,
// so its bar grows while the page is open; work not started yet is a hollow marker where it waits.
// The toolkit's Gantt draws planned schedules (durations, critical path), not timestamps, hence
// this chart; it shares the toolkit's scale helpers and chart styles.
import { useId } from 'react';
import type { Task, Unit } from '../../api/journeys';
import { label, linearScale, niceTicks } from '../../components/charts/chart-scale';
import '../../components/charts/charts.css';
import { formatSpan } from './journey-format';

const ROW = 24;
const TOP = 30;
const LEFT = 270;
const WIDTH = 960;
const RIGHT = 120;

const SCALES: ReadonlyArray<[string, number]> = [
  ['seconds', 1_000],
  ['minutes', 60_000],
  ['hours', 3_600_000],
  ['days', 86_400_000],
];

/** The unit the axis counts in: the largest in which the span is at least two of them. */
export function axisUnit(spanMs: number): [string, number] {
  let chosen = SCALES[0]!;
  for (const s of SCALES) if (spanMs >= 2 * s[1]) chosen = s;
  return chosen;
}

interface Row {
  key: string;
  level: 'unit' | 'task';
  name: string;
  status: string;
  start: number | null;
  end: number | null;
  /** Where a row without a start waits (created or ready at). */
  mark: number;
  note: string;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function taskRow(t: Task, now: number): Row {
  const start = ms(t.startedAt);
  const end = ms(t.finishedAt) ?? (t.status === 'running' && start !== null ? now : start);
  const waiting =
    t.status === 'pending'
      ? t.kind === 'human' && t.ready
        ? 'waiting for a person'
        : t.waitingOn > 0
          ? `waiting on ${t.waitingOn}`
          : 'queued'
      : t.status === 'running' && start !== null
        ? `running · ${formatSpan(now - start)}`
        : t.status;
  const attempts = t.totalAttempts > 1 ? ` · ${t.totalAttempts} attempts` : '';
  return { key: t.id, level: 'task', name: t.name, status: t.status, start, end, mark: ms(t.readyAt) ?? Date.parse(t.createdAt), note: `${waiting}${attempts}` };
}

function unitRow(u: Unit, now: number): Row {
  const start = ms(u.startedAt);
  const end = ms(u.completedAt) ?? ms(u.rolledBackAt) ?? (start === null ? null : u.status === 'running' ? now : start);
  // A rollback unit belongs to the rollback stage: naming the stage once says it.
  const where = u.kind === 'rollback' && u.stage !== 'rollback' ? `rollback of ${u.stage}` : u.stage;
  return { key: u.id, level: 'unit', name: u.name, status: u.status, start, end, mark: Date.parse(u.createdAt), note: `${where} · ${u.status.replace('_', ' ')}` };
}

export function JourneyGantt({ units, now, startedAt }: { units: readonly Unit[]; now: number; startedAt: string }) {
  const id = useId();
  const rows = units.flatMap((u) => [unitRow(u, now), ...u.tasks.map((t) => taskRow(t, now))]);
  const t0 = Math.min(Date.parse(startedAt), ...rows.map((r) => r.start ?? r.mark));
  const t1 = Math.max(t0 + 1_000, ...rows.map((r) => Math.max(r.end ?? r.mark, r.mark)));
  const [unitName, unitMs] = axisUnit(t1 - t0);
  const span = (t1 - t0) / unitMs;
  const ticks = niceTicks(span, 6);
  const x = linearScale(ticks.at(-1) ?? span, WIDTH - LEFT - RIGHT);
  const at = (t: number) => LEFT + x((t - t0) / unitMs);
  const height = TOP + rows.length * ROW + 8;
  const counts = new Map<string, number>();
  for (const r of rows) if (r.level === 'task') counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');

  if (units.length === 0) return <p className="muted">No unit of work yet.</p>;
  return (
    <>
      <svg className="chart jg-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid="journey-gantt">
        <title id={`${id}-t`}>Units of work and tasks over time</title>
        <desc id={`${id}-d`}>{`${units.length} units of work, ${rows.length - units.length} tasks (${summary || 'none'}); time in ${unitName} since the journey started.`}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid-line" x1={LEFT + x(t)} x2={LEFT + x(t)} y1={TOP - 8} y2={height - 4} />
            <text className="tick-label" x={LEFT + x(t)} y={TOP - 14} textAnchor="middle">
              {label(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={LEFT - 8} y={TOP - 14} textAnchor="end">
          {unitName}
        </text>
        {rows.map((r, i) => {
          const y = TOP + i * ROW;
          const name = r.name.length > 34 ? `${r.name.slice(0, 33)}…` : r.name;
          const started = r.start !== null;
          const x0 = started ? at(r.start ?? t0) : at(r.mark);
          const x1 = started ? Math.max(x0 + 3, at(r.end ?? r.start ?? t0)) : x0;
          return (
            <g key={r.key} className={`jg-row jg-${r.level}`} data-testid="gantt-row" data-level={r.level} data-name={r.name} data-status={r.status}>
              <title>{`${r.level === 'unit' ? 'Unit' : 'Task'} ${r.name}: ${r.note}`}</title>
              {r.level === 'unit' && <rect className="jg-band" x={0} y={y} width={WIDTH} height={ROW} />}
              <text className="jg-label" x={r.level === 'unit' ? 8 : 24} y={y + ROW / 2 + 4}>
                {name}
              </text>
              {started ? (
                <rect className={`jg-bar jg-${r.status}`} x={x0} y={y + (r.level === 'unit' ? 7 : 5)} width={x1 - x0} height={r.level === 'unit' ? ROW - 14 : ROW - 10} rx={3} />
              ) : (
                <rect className={`jg-wait jg-${r.status}`} x={x0 - 5} y={y + 7} width={10} height={ROW - 14} rx={2} />
              )}
              <text className="tick-label" x={Math.min(x1 + 8, WIDTH - RIGHT + 8)} y={y + ROW / 2 + 4}>
                {r.note}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-label="Gantt legend">
        {['completed', 'running', 'pending', 'failed', 'cancelled', 'rolled_back'].map((s) => (
          <li key={s}>
            <span className={`jg-swatch jg-${s}`} aria-hidden="true" /> {s.replace('_', ' ')}
          </li>
        ))}
      </ul>
    </>
  );
}

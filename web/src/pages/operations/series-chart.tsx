// Small SVG line charts for operations data: a per-minute series with its scale, and an inline
// sparkline for a status history. Titles and descriptions make them readable to screen readers.
import { useId } from 'react';

const W = 320;
const H = 140;
const L = 36;
const B = 20;
const T = 8;

export function SeriesChart({ title, points, unit = '', fail = false, percent = false }: { title: string; points: ReadonlyArray<{ at: string; value: number | null }>; unit?: string; fail?: boolean; percent?: boolean }) {
  const id = useId();
  const values = points.map((p) => p.value ?? 0);
  const top = Math.max(percent ? 1 : 1, ...values);
  const x = (i: number) => L + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (W - L - 8));
  const y = (v: number) => T + (1 - v / top) * (H - T - B);
  const fmt = (v: number) => (percent ? `${Math.round(v * 100)} %` : `${Math.round(v * 10) / 10}${unit}`);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value ?? 0).toFixed(1)}`).join(' ');
  const last = points.at(-1);
  return (
    <figure>
      <svg className="ops-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`${points.length} minutes; peak ${fmt(Math.max(0, ...values))}; latest ${last?.value === null || last === undefined ? 'none' : fmt(last.value)}`}</desc>
        {[0, top / 2, top].map((t) => (
          <g key={t}>
            <line className="grid" x1={L} x2={W - 8} y1={y(t)} y2={y(t)} />
            <text x={L - 4} y={y(t) + 3} textAnchor="end">
              {fmt(t)}
            </text>
          </g>
        ))}
        <path className={fail ? 'line line-fail' : 'line'} d={path} />
        {points.length > 0 && (
          <>
            <text x={L} y={H - 4}>
              {points[0]!.at.slice(11, 16)}
            </text>
            <text x={W - 8} y={H - 4} textAnchor="end">
              {points.at(-1)!.at.slice(11, 16)}
            </text>
          </>
        )}
      </svg>
      <figcaption className="muted">{title}</figcaption>
    </figure>
  );
}

export function Sparkline({ label, points }: { label: string; points: ReadonlyArray<{ value: number; status: 'ok' | 'warn' | 'fail' }> }) {
  const w = 120;
  const h = 24;
  const top = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => (points.length <= 1 ? w / 2 : (i / (points.length - 1)) * (w - 4) + 2);
  const y = (v: number) => h - 2 - (v / top) * (h - 4);
  return (
    <svg className="sparkline" width={w} height={h} role="img" aria-label={`${label}: ${points.length} samples, latest ${points.at(-1)?.value.toFixed(1) ?? '—'} ms`}>
      <path className="line" d={points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />
      {points.map((p, i) => (p.status === 'ok' ? null : <circle key={i} className={`dot-${p.status}`} cx={x(i)} cy={y(p.value)} r={2} />))}
    </svg>
  );
}

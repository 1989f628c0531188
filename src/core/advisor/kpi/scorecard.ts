// The balanced scorecard: KPIs grouped by the four perspectives, each KPI's attainment and
// status, a perspective score, and the perspectives no KPI covers.
import { fmt, pct } from '../format-number';
import { parseInput } from '../validate-input';
import { attainment, BALANCED_SCORECARD_PERSPECTIVES, directionOf, kpiListSchema, type KpiInput, type Perspective } from './kpi';
import { fitTrend, type TrendLine } from './trend';

export type KpiStatus = 'met' | 'on track' | 'behind' | 'not measured';

export interface ScorecardKpi {
  id: string;
  name: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  attainment: number | null;
  status: KpiStatus;
  binding: { source: string; metric: string } | null;
  trend: TrendLine | null;
}

export interface ScorecardPerspective {
  perspective: Perspective;
  kpis: ScorecardKpi[];
  /** Mean attainment of its measured KPIs. */
  score: number | null;
}

export interface BalancedScorecard {
  perspectives: ScorecardPerspective[];
  unassigned: ScorecardKpi[];
  gaps: Perspective[];
  explanation: string[];
}

export function buildScorecard(inputs: ReadonlyArray<KpiInput>): BalancedScorecard {
  const kpis = parseInput(kpiListSchema, inputs, 'The KPI list');
  const rows = kpis.map((k) => {
    const current = k.current ?? k.history.at(-1)?.value;
    const a = attainment(k.baseline, k.target, current);
    const status: KpiStatus = a === null ? 'not measured' : a >= 1 ? 'met' : a >= 0.5 ? 'on track' : 'behind';
    const row: ScorecardKpi = {
      id: k.id,
      name: k.name,
      unit: k.unit ?? null,
      baseline: k.baseline ?? null,
      target: k.target ?? null,
      current: current ?? null,
      attainment: a,
      status,
      binding: k.binding ?? null,
      trend: fitTrend(k.history),
    };
    return { perspective: k.perspective, row, direction: directionOf(k) };
  });
  const perspectives = BALANCED_SCORECARD_PERSPECTIVES.map((perspective): ScorecardPerspective => {
    const own = rows.filter((r) => r.perspective === perspective).map((r) => r.row);
    const measured = own.flatMap((r) => (r.attainment === null ? [] : [r.attainment]));
    return { perspective, kpis: own, score: measured.length === 0 ? null : measured.reduce((a, b) => a + b, 0) / measured.length };
  });
  const unassigned = rows.filter((r) => r.perspective === undefined).map((r) => r.row);
  const gaps = perspectives.filter((p) => p.kpis.length === 0).map((p) => p.perspective);
  const explanation = [
    ...perspectives.map((p) =>
      p.kpis.length === 0
        ? `${p.perspective}: no KPI – the scorecard is blind here.`
        : `${p.perspective}: ${p.kpis.length} ${p.kpis.length === 1 ? 'KPI' : 'KPIs'}, ${p.score === null ? 'none measured yet' : `${pct(p.score)} of the way to target on average`}.`,
    ),
    ...rows.map(({ row, direction }) => `${row.name}: ${describe(row, direction)}`),
  ];
  if (unassigned.length > 0) explanation.push(`Not in any perspective: ${unassigned.map((r) => r.name).join(', ')}; set "perspective" to place them.`);
  return { perspectives, unassigned, gaps, explanation };
}

function describe(row: ScorecardKpi, direction: 'increase' | 'decrease' | null): string {
  const unit = row.unit === null ? '' : row.unit === '%' ? '%' : ` ${row.unit}`;
  const live = row.binding ? ` (live: ${row.binding.source} metric "${row.binding.metric}")` : '';
  if (row.attainment === null) {
    const plan = row.baseline !== null && row.target !== null ? `${fmt(row.baseline)}${unit} → ${fmt(row.target)}${unit}, ` : '';
    return `${plan}not measured yet${live}.`;
  }
  const trend = row.trend && direction ? `; trend ${trendWord(row.trend.slope, direction)}` : '';
  return `${fmt(row.baseline!)}${unit} → ${fmt(row.target!)}${unit}, now ${fmt(row.current!)}${unit}: ${pct(row.attainment)} of the way, ${row.status}${trend}${live}.`;
}

function trendWord(slope: number, direction: 'increase' | 'decrease'): string {
  if (slope === 0) return 'flat';
  return (slope > 0) === (direction === 'increase') ? 'improving' : 'worsening';
}

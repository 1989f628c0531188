// Before/after per metric and priority with % improvement, and the ROI of the implementation:
// hours of ticket time saved × cost per hour against what the implementation cost.
import { PRIORITIES, type Figures, type Priority, type PriorityFigures, type Workspace } from './workspace-schema';

export const METRICS = [
  { key: 'mttrHours', label: 'MTTR', unit: 'h', definition: 'mean time from ticket creation to resolution' },
  { key: 'firstResponseHours', label: 'Time to first response', unit: 'h', definition: 'mean time from creation to the first public agent reply' },
  { key: 'slaBreachRate', label: 'SLA breach rate', unit: '%', definition: 'breached ÷ completed SLA cycles' },
  { key: 'reEscalationRate', label: 'Re-escalation rate', unit: '%', definition: 'tickets escalated more than once or reopened after escalation' },
] as const;
export type MetricKey = (typeof METRICS)[number]['key'];

export type Segment = Priority | 'overall';

export interface ResultRow {
  metric: MetricKey;
  segment: Segment;
  before: number | null;
  after: number | null;
  /** Positive = better: every metric here is "lower is better". Null when either side is missing or before is 0. */
  improvementPercent: number | null;
}

export interface Roi {
  hoursSaved: number;
  savings: number;
  implementationCost: number;
  /** savings ÷ cost; null when the implementation cost nothing (or was not given). */
  multiple: number | null;
  net: number;
  currency: string;
}

export interface Results {
  rows: ResultRow[];
  roi: Roi | null;
}

/** Rounds for display and for deterministic bytes: two decimals, never -0. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

export function improvement(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return round2(((before - after) / before) * 100);
}

function segmentsOf(a: Figures, b: Figures): Segment[] {
  return [...PRIORITIES.filter((p) => a.byPriority[p] !== undefined || b.byPriority[p] !== undefined), 'overall'];
}

function pick(f: Figures, s: Segment): PriorityFigures | undefined {
  return s === 'overall' ? f.overall : f.byPriority[s];
}

export function compareFigures(before: Figures, after: Figures): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const { key } of METRICS) {
    for (const segment of segmentsOf(before, after)) {
      const b = pick(before, segment)?.[key] ?? null;
      const a = pick(after, segment)?.[key] ?? null;
      rows.push({ metric: key, segment, before: b, after: a, improvementPercent: improvement(b, a) });
    }
  }
  return rows;
}

/**
 * Hours saved: per priority, the MTTR reduction times the tickets resolved after (the overall
 * figures when no priority has both sides). Negative when things got worse.
 */
export function hoursSaved(before: Figures, after: Figures): number {
  const perPriority = PRIORITIES.flatMap((p) => {
    const b = before.byPriority[p];
    const a = after.byPriority[p];
    return b && a && b.mttrHours !== null && a.mttrHours !== null ? [(b.mttrHours - a.mttrHours) * a.tickets] : [];
  });
  if (perPriority.length > 0) return round2(perPriority.reduce((s, x) => s + x, 0));
  const b = before.overall.mttrHours;
  const a = after.overall.mttrHours;
  return b !== null && a !== null ? round2((b - a) * after.overall.tickets) : 0;
}

export function results(w: Workspace): Results | null {
  if (!w.baseline || !w.measured) return null;
  const rows = compareFigures(w.baseline.figures, w.measured.figures);
  if (!w.costs) return { rows, roi: null };
  const saved = hoursSaved(w.baseline.figures, w.measured.figures);
  const savings = round2(saved * w.costs.costPerHour);
  const cost = w.costs.implementationCost;
  return {
    rows,
    roi: { hoursSaved: saved, savings, implementationCost: cost, multiple: cost > 0 ? round2(savings / cost) : null, net: round2(savings - cost), currency: w.costs.currency },
  };
}

/** A metric's value as people read it: hours with one decimal, rates as percentages. */
export function formatValue(metric: MetricKey, v: number | null): string {
  if (v === null) return '–';
  const def = METRICS.find((m) => m.key === metric);
  return def?.unit === '%' ? `${round2(v * 100).toFixed(1)} %` : `${round2(v).toFixed(1)} h`;
}

export function formatImprovement(p: number | null): string {
  if (p === null) return '–';
  if (p === 0) return 'no change';
  return `${Math.abs(p).toFixed(1)} % ${p > 0 ? 'better' : 'worse'}`;
}

export function formatMoney(n: number, currency: string): string {
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(round2(n)).toFixed(2).split('.') as [string, string];
  return `${sign}${currency} ${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

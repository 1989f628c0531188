// A KPI's trend line: least-squares fit over its dated history, and where the line will be on
// a given date, so a chart can draw it and SMART can judge whether the target is in reach.
import { daysBetween } from './iso-date';

export interface TrendLine {
  /** Change per day. */
  slope: number;
  /** Fitted value on the first history date. */
  intercept: number;
  from: string;
  points: Array<{ at: string; value: number; fitted: number }>;
}

export function fitTrend(history: ReadonlyArray<{ at: string; value: number }>): TrendLine | null {
  if (history.length < 2) return null;
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const from = sorted[0]!.at;
  const xs = sorted.map((p) => daysBetween(from, p.at));
  const ys = sorted.map((p) => p.value);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / sxx;
  const intercept = my - slope * mx;
  return { slope, intercept, from, points: sorted.map((p, i) => ({ at: p.at, value: p.value, fitted: intercept + slope * xs[i]! })) };
}

export function projectTrend(trend: TrendLine, on: string): number {
  return trend.intercept + trend.slope * daysBetween(trend.from, on);
}

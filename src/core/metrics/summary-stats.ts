// Mean and percentiles of a sample: the mean alone hides a long tail, so p50 and p90 travel with it.
export interface Summary {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
}

/** Percentile by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p90: null };
  const sorted = [...values].sort((x, y) => x - y);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, mean, p50: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

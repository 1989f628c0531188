// Queue statistics from per-minute samples: the sampling window, failure rate, throughput and the
// series a chart draws (missing minutes filled with zero activity so gaps read as idle, not as lines).
export const SAMPLE_MINUTE_MS = 60_000;
/** Samples older than this are pruned by the sampler. */
export const SAMPLE_RETENTION_MS = 7 * 24 * 60 * 60_000;

export interface QueueSample {
  queue: string;
  /** Start of the minute the activity counts cover (ISO). */
  at: string;
  /** Ready tasks waiting to be claimed when the sample was taken. */
  depth: number;
  running: number;
  /** Age of the oldest ready task when sampled, 0 for an empty queue. */
  oldestAgeMs: number;
  /** Tasks completed during the minute. */
  completed: number;
  /** Attempts that failed during the minute (retried or dead-lettered). */
  failed: number;
  deadLettered: number;
}

export function minuteFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SAMPLE_MINUTE_MS) * SAMPLE_MINUTE_MS);
}

/** The last complete minute before `now`: the window a sample taken now describes. */
export function sampleWindow(now: Date): { from: Date; to: Date } {
  const to = minuteFloor(now);
  return { from: new Date(to.getTime() - SAMPLE_MINUTE_MS), to };
}

export function retentionCutoff(now: Date): Date {
  return new Date(now.getTime() - SAMPLE_RETENTION_MS);
}

/** Failed attempts over all finished attempts; null when nothing finished (no rate, not 0 %). */
export function failureRate(completed: number, failed: number): number | null {
  const total = completed + failed;
  return total === 0 ? null : failed / total;
}

export interface SampleSummary {
  minutes: number;
  completed: number;
  failed: number;
  deadLettered: number;
  throughputPerMinute: number;
  failureRate: number | null;
  maxDepth: number;
  maxOldestAgeMs: number;
}

/** Totals over a window of `minutes` minutes (missing samples count as idle minutes). */
export function summarize(samples: readonly QueueSample[], minutes: number): SampleSummary {
  const completed = samples.reduce((n, s) => n + s.completed, 0);
  const failed = samples.reduce((n, s) => n + s.failed, 0);
  return {
    minutes,
    completed,
    failed,
    deadLettered: samples.reduce((n, s) => n + s.deadLettered, 0),
    throughputPerMinute: minutes > 0 ? completed / minutes : 0,
    failureRate: failureRate(completed, failed),
    maxDepth: samples.reduce((m, s) => Math.max(m, s.depth), 0),
    maxOldestAgeMs: samples.reduce((m, s) => Math.max(m, s.oldestAgeMs), 0),
  };
}

export interface SeriesPoint {
  at: string;
  depth: number;
  completed: number;
  failed: number;
  failureRate: number | null;
}

/**
 * One point per minute from `from` (inclusive) to `to` (exclusive), oldest first. A minute without
 * a sample has no activity; its depth repeats the previous known depth (depth is a level, not a count).
 */
export function minuteSeries(samples: readonly QueueSample[], from: Date, to: Date): SeriesPoint[] {
  const byMinute = new Map(samples.map((s) => [minuteFloor(new Date(s.at)).getTime(), s] as const));
  const out: SeriesPoint[] = [];
  let depth = 0;
  for (let t = minuteFloor(from).getTime(); t < to.getTime(); t += SAMPLE_MINUTE_MS) {
    const s = byMinute.get(t);
    if (s) depth = s.depth;
    out.push({ at: new Date(t).toISOString(), depth, completed: s?.completed ?? 0, failed: s?.failed ?? 0, failureRate: s ? failureRate(s.completed, s.failed) : null });
  }
  return out;
}

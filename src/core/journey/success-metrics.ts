// Seed 003's primary success metrics from the journey event log: time to production, client
// success rate, rollback rate and first-pass exit-criteria rate. Pure: the caller reads the events.

/** The event topics the metrics read. */
export const METRIC_TOPICS = [
  'journey.started',
  'journey.stage.entered',
  'journey.gate.passed',
  'journey.gate.failed',
  'journey.rollback.started',
  'journey.cancelled',
] as const;

export interface LoggedEvent {
  id: number;
  topic: string;
  payload: unknown;
  createdAt: string;
}

export interface Ratio {
  /** null when nothing has been decided yet: no denominator. */
  rate: number | null;
  count: number;
  of: number;
}

export interface JourneyMetrics {
  journeys: number;
  /** Days from journey start to first entry into the production stage, over journeys that got there. */
  timeToProduction: { averageDays: number | null; medianDays: number | null; reached: number };
  /** Reached production / (reached production + cancelled before reaching it); running journeys wait. */
  successRate: Ratio;
  /** Journeys that entered a rollback at least once / journeys started. */
  rollbackRate: Ratio;
  /** Gated promotions whose first attempt in that stage visit passed / gated promotions attempted. */
  firstPassRate: Ratio;
}

const DAY_MS = 86_400_000;

function field(payload: unknown, name: string): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** When it happened: the payload's own instant (the journey clock), else when it was logged. */
function instant(event: LoggedEvent): number {
  const at = field(event.payload, 'at');
  const ms = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(ms) ? Date.parse(event.createdAt) : ms;
}

const ratio = (count: number, of: number): Ratio => ({ rate: of === 0 ? null : count / of, count, of });

interface Track {
  startedAt: number;
  productionAt: number | null;
  cancelled: boolean;
  rolledBack: boolean;
  /** Stage entries so far: a promotion attempt is counted once per stage visit. */
  entries: number;
}

/**
 * Computes the metrics over the journeys started with `definitionId` (every definition when null),
 * reaching "production" meaning entering the stage with that id.
 */
export function computeJourneyMetrics(events: readonly LoggedEvent[], definitionId: string | null, productionStage = 'production'): JourneyMetrics {
  const tracks = new Map<string, Track>();
  const attempts = new Map<string, boolean>();
  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    const journeyId = field(event.payload, 'journeyId');
    if (journeyId === undefined) continue;
    if (event.topic === 'journey.started') {
      if (definitionId === null || field(event.payload, 'definitionId') === definitionId) {
        tracks.set(journeyId, { startedAt: instant(event), productionAt: null, cancelled: false, rolledBack: false, entries: 0 });
      }
      continue;
    }
    const track = tracks.get(journeyId);
    if (track === undefined) continue;
    switch (event.topic) {
      case 'journey.stage.entered':
        track.entries += 1;
        if (field(event.payload, 'stage') === productionStage && track.productionAt === null) track.productionAt = instant(event);
        break;
      case 'journey.gate.passed':
      case 'journey.gate.failed': {
        const key = `${journeyId}|${track.entries}|${field(event.payload, 'event') ?? ''}`;
        if (!attempts.has(key)) attempts.set(key, event.topic === 'journey.gate.passed');
        break;
      }
      case 'journey.rollback.started':
        track.rolledBack = true;
        break;
      case 'journey.cancelled':
        track.cancelled = true;
        break;
    }
  }
  const all = [...tracks.values()];
  const days = all.filter((t) => t.productionAt !== null).map((t) => ((t.productionAt ?? 0) - t.startedAt) / DAY_MS);
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const reached = days.length;
  const failed = all.filter((t) => t.productionAt === null && t.cancelled).length;
  const firstPass = [...attempts.values()].filter(Boolean).length;
  return {
    journeys: all.length,
    timeToProduction: { averageDays: reached === 0 ? null : days.reduce((a, b) => a + b, 0) / reached, medianDays: median, reached },
    successRate: ratio(reached, reached + failed),
    rollbackRate: ratio(all.filter((t) => t.rolledBack).length, all.length),
    firstPassRate: ratio(firstPass, attempts.size),
  };
}

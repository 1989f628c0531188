// Work queues as operators watch them: one per task handler plus any a capability registers
// (`register(name, stats)`), with depth, oldest age, throughput and failure rate; the per-minute
// sampler (one per cluster, under a transaction-scoped advisory lock) and the flow between queues.
import { buildFlow, flowMermaid, type Flow } from '../core/ops/flow-edges';
import { failureRate, minuteSeries, retentionCutoff, sampleWindow, SAMPLE_MINUTE_MS, type QueueSample, type SeriesPoint } from '../core/ops/queue-stats';
import { AppError } from '../core/shared/error-codes';
import type { Db, Queryable } from '../store/db';
import { flowRows, hasSamplesAt, hasTasksFor, insertSamples, liveTaskQueues, pruneSamples, readSamples, sampledQueueNames, taskActivity, windowActivity, type LiveQueueRow, type WindowActivity } from '../store/queue-repo';
import type { Clock } from './clock';

/** What a registered queue reports: its level now and its activity in the window asked for. */
export interface QueueSnapshot {
  depth: number;
  running?: number;
  oldestAgeMs?: number;
  completed?: number;
  failed?: number;
  deadLettered?: number;
}

export type QueueStatsQuery = (db: Queryable, window: { from: Date; to: Date; now: Date }) => Promise<QueueSnapshot>;

export interface QueueOverview {
  name: string;
  source: 'tasks' | 'registered';
  description: string;
  depth: number;
  /** Pending tasks still waiting on a dependency (not claimable yet). */
  waiting: number;
  running: number;
  oldestAgeMs: number;
  deadLetters: number;
  lastHour: { completed: number; failed: number; throughputPerMinute: number; failureRate: number | null };
}

export interface QueueDetail extends QueueOverview {
  minutes: number;
  series: SeriesPoint[];
}

const SAMPLER_LOCK_KEY = 7_100_421_010;
const HOUR_MS = 3_600_000;

/**
 * How to count an hour's activity cheaply (windowActivity in the store applies this plan in SQL; the
 * store test checks the two agree): the minutes the sampler already summed come from its
 * samples, only the edges (and any stretch it has not sampled) from the event log. `sampled` are the
 * sampled minute starts inside the hour, oldest first; a gap in them falls back to the event log.
 */
export function activityPlan(from: Date, to: Date, sampled: readonly Date[]): { samples: { from: Date; to: Date } | null; events: Array<{ from: Date; to: Date }> } {
  if (sampled.length === 0) return { samples: null, events: [{ from, to }] };
  const first = sampled[0]!.getTime();
  const end = sampled.at(-1)!.getTime() + SAMPLE_MINUTE_MS;
  const contiguous = (end - first) / SAMPLE_MINUTE_MS === sampled.length;
  if (!contiguous || first < from.getTime() || end > to.getTime()) return { samples: null, events: [{ from, to }] };
  return { samples: { from: new Date(first), to: new Date(end) }, events: [{ from, to: new Date(first) }, { from: new Date(end), to }].filter((w) => w.to > w.from) };
}

export class QueueService {
  private readonly registered = new Map<string, { description: string; query: QueueStatsQuery }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly kind: 'serve' | 'worker' | 'cli',
    /** Handler names tasks may use (a queue may exist before its first task). */
    private readonly handlerNames: () => Promise<Set<string>>,
  ) {}

  /** A capability's own queue (the ticket router's waiting tickets, alert deliveries…). */
  register(name: string, query: QueueStatsQuery, description = 'registered by a capability'): void {
    this.registered.set(name, { description, query });
  }

  private fromTasks(r: LiveQueueRow, activity: { completed: number; failed: number } | undefined, now: Date): QueueOverview {
    const completed = activity?.completed ?? 0;
    const failed = activity?.failed ?? 0;
    return {
      name: r.queue,
      source: 'tasks',
      description: 'tasks run by this handler',
      depth: r.depth,
      waiting: r.waiting,
      running: r.running,
      oldestAgeMs: r.oldestReadyAt ? Math.max(0, now.getTime() - r.oldestReadyAt.getTime()) : 0,
      deadLetters: r.deadLetters,
      lastHour: { completed, failed, throughputPerMinute: completed / 60, failureRate: failureRate(completed, failed) },
    };
  }

  private async fromRegistered(name: string, now: Date): Promise<QueueOverview> {
    const reg = this.registered.get(name)!;
    const s = await reg.query(this.db, { from: new Date(now.getTime() - HOUR_MS), to: now, now });
    const completed = s.completed ?? 0;
    const failed = s.failed ?? 0;
    return {
      name,
      source: 'registered',
      description: reg.description,
      depth: s.depth,
      waiting: 0,
      running: s.running ?? 0,
      oldestAgeMs: s.oldestAgeMs ?? 0,
      deadLetters: s.deadLettered ?? 0,
      lastHour: { completed, failed, throughputPerMinute: completed / 60, failureRate: failureRate(completed, failed) },
    };
  }

  /**
   * Completions and failures per queue over the hour up to now: the sampled minutes from their samples,
   * the rest from events, by `activityPlan` (applied by the database in one statement: windowActivity).
   */
  async lastHour(now: Date): Promise<Map<string, WindowActivity>> {
    const from = new Date(now.getTime() - HOUR_MS);
    const to = new Date(now.getTime() + 1);
    const firstFull = new Date(Math.ceil(from.getTime() / SAMPLE_MINUTE_MS) * SAMPLE_MINUTE_MS);
    return windowActivity(this.db, { from, to, sampledFrom: firstFull, sampledTo: sampleWindow(now).to }, SAMPLE_MINUTE_MS);
  }

  async list(): Promise<QueueOverview[]> {
    const now = this.clock.now();
    const [live, activity] = await Promise.all([liveTaskQueues(this.db), this.lastHour(now)]);
    const out = live.map((r) => this.fromTasks(r, activity.get(r.queue), now));
    for (const name of this.registered.keys()) if (!out.some((q) => q.name === name)) out.push(await this.fromRegistered(name, now));
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Whether a queue by that name exists (what `get` would not answer 404 for), without computing its figures. */
  async exists(name: string): Promise<boolean> {
    if (this.registered.has(name) || (await hasTasksFor(this.db, name)) || (await this.handlerNames()).has(name)) return true;
    return (await sampledQueueNames(this.db, retentionCutoff(this.clock.now()))).includes(name);
  }

  /** One queue with its per-minute series over the last `minutes` minutes; unknown names are 404. */
  async get(name: string, minutes = 60): Promise<QueueDetail> {
    const now = this.clock.now();
    let overview: QueueOverview | undefined;
    if (this.registered.has(name)) overview = await this.fromRegistered(name, now);
    else {
      const [[live], activity] = await Promise.all([liveTaskQueues(this.db, name), this.lastHour(now)]);
      if (live) overview = this.fromTasks(live, activity.get(name), now);
      else if ((await this.handlerNames()).has(name) || (await sampledQueueNames(this.db, retentionCutoff(now))).includes(name)) {
        overview = this.fromTasks({ queue: name, depth: 0, waiting: 0, running: 0, deadLetters: 0, oldestReadyAt: null }, activity.get(name), now);
      }
    }
    if (!overview) throw new AppError('OW_NOT_FOUND', `No queue named '${name}': it is neither a task handler nor a registered queue`);
    const to = sampleWindow(now).to;
    const from = new Date(to.getTime() - minutes * SAMPLE_MINUTE_MS);
    const samples = await readSamples(this.db, from, name);
    return { ...overview, minutes, series: minuteSeries(samples, from, to) };
  }

  async samples(name: string, since: Date): Promise<QueueSample[]> {
    return readSamples(this.db, since, name);
  }

  async flow(journeyId?: string): Promise<Flow & { mermaid: string }> {
    const rows = await flowRows(this.db, journeyId);
    const flow = buildFlow(rows.nodes, rows.edges);
    return { ...flow, mermaid: flowMermaid(flow) };
  }

  /**
   * Writes the samples of the last complete minute, once per cluster: the advisory lock keeps a
   * second sampler out while one works, and the (queue, minute) key makes a late duplicate a no-op.
   * Returns how many samples were written (0 when another process did it or already had).
   */
  async sampleOnce(): Promise<number> {
    const now = this.clock.now();
    const { from, to } = sampleWindow(now);
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [SAMPLER_LOCK_KEY]);
      if (!lock?.ok) return 0;
      if (await hasSamplesAt(tx, from)) return 0;
      const live = await liveTaskQueues(tx);
      const activity = await taskActivity(tx, from, to);
      const samples: QueueSample[] = [];
      const seen = new Set<string>();
      for (const r of live) {
        const a = activity.get(r.queue);
        seen.add(r.queue);
        samples.push({ queue: r.queue, at: from.toISOString(), depth: r.depth, running: r.running, oldestAgeMs: r.oldestReadyAt ? Math.max(0, now.getTime() - r.oldestReadyAt.getTime()) : 0, completed: a?.completed ?? 0, failed: a?.failed ?? 0, deadLettered: a?.deadLettered ?? 0 });
      }
      for (const [name, reg] of this.registered) {
        if (seen.has(name)) continue;
        const s = await reg.query(tx, { from, to, now }).catch(() => undefined);
        if (s) samples.push({ queue: name, at: from.toISOString(), depth: s.depth, running: s.running ?? 0, oldestAgeMs: s.oldestAgeMs ?? 0, completed: s.completed ?? 0, failed: s.failed ?? 0, deadLettered: s.deadLettered ?? 0 });
      }
      const written = await insertSamples(tx, samples);
      await pruneSamples(tx, retentionCutoff(now));
      return written;
    });
  }

  /** serve and worker processes sample every minute, a second after the minute turns. */
  start(): void {
    if (this.kind === 'cli' || this.timer) return;
    this.stopped = false;
    const schedule = () => {
      if (this.stopped) return;
      const now = this.clock.now().getTime();
      const wait = SAMPLE_MINUTE_MS - (now % SAMPLE_MINUTE_MS) + 1_000;
      this.timer = setTimeout(() => {
        void this.sampleOnce().catch(() => undefined).finally(schedule);
      }, wait);
      this.timer.unref();
    };
    void this.sampleOnce().catch(() => undefined);
    schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

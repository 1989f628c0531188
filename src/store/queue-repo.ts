// Queue figures straight from the task table and the event log (live depth, running, oldest age,
// a window's completions and failed attempts), and the per-minute samples kept for charts.
import type { QueueSample } from '../core/ops/queue-stats';
import type { Queryable } from './db';

export interface LiveQueueRow {
  queue: string;
  depth: number;
  waiting: number;
  running: number;
  deadLetters: number;
  oldestReadyAt: Date | null;
}

/**
 * Every handler that has tasks, with its live counts, read through indexes (migration 0012): the
 * handlers by a skip scan, pending and running tasks by a partial index, dead letters by another.
 * `completed` is not counted here (it would scan every finished task): the overview takes completions
 * from the window's activity instead. One statement (each part MATERIALIZED keeps its own indexed plan):
 * a round trip costs more CPU in the server than any of the three parts.
 */
export async function liveTaskQueues(db: Queryable, queue?: string): Promise<LiveQueueRow[]> {
  const one = queue !== undefined;
  const rows = await db.query<{ queue: string; depth: number; waiting: number; running: number; dead: number; oldest: Date | null }>(
    `WITH RECURSIVE ${
      one
        ? 'names AS MATERIALIZED (SELECT handler AS queue FROM tasks WHERE handler = $1 LIMIT 1),'
        : `h(queue) AS (
             (SELECT handler FROM tasks ORDER BY handler LIMIT 1)
             UNION ALL
             SELECT (SELECT t.handler FROM tasks t WHERE t.handler > h.queue ORDER BY t.handler LIMIT 1) FROM h WHERE h.queue IS NOT NULL
           ),
           names AS MATERIALIZED (SELECT queue FROM h WHERE queue IS NOT NULL),`
    }
     active AS MATERIALIZED (
       SELECT handler AS queue,
         count(*) FILTER (WHERE status = 'pending' AND waiting_on = 0)::int AS depth,
         count(*) FILTER (WHERE status = 'pending' AND waiting_on > 0)::int AS waiting,
         count(*) FILTER (WHERE status = 'running')::int AS running,
         min(COALESCE(ready_at, created_at)) FILTER (WHERE status = 'pending' AND waiting_on = 0) AS oldest
       FROM tasks WHERE status IN ('pending', 'running') ${one ? 'AND handler = $1' : ''} GROUP BY handler),
     dead AS MATERIALIZED (
       SELECT handler AS queue, count(*)::int AS n FROM tasks WHERE status = 'failed' AND dead_lettered_at IS NOT NULL ${one ? 'AND handler = $1' : ''} GROUP BY handler)
     SELECT n.queue, COALESCE(a.depth, 0)::int AS depth, COALESCE(a.waiting, 0)::int AS waiting, COALESCE(a.running, 0)::int AS running,
       COALESCE(d.n, 0)::int AS dead, a.oldest
     FROM names n LEFT JOIN active a ON a.queue = n.queue LEFT JOIN dead d ON d.queue = n.queue`,
    one ? [queue] : [],
  );
  return rows
    .sort((a, b) => (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0))
    .map((r) => ({ queue: r.queue, depth: r.depth, waiting: r.waiting, running: r.running, deadLetters: r.dead, oldestReadyAt: r.oldest }));
}

/** Whether any task uses the handler (one index probe). */
export async function hasTasksFor(db: Queryable, handler: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM tasks WHERE handler = $1 LIMIT 1', [handler])).length > 0;
}

/** The figures as one full scan of tasks computed them before migration 0012: the reference the indexed reads are tested against. */
export async function liveTaskQueuesByScan(db: Queryable, queue?: string): Promise<LiveQueueRow[]> {
  const rows = await db.query<{ queue: string; depth: number; waiting: number; running: number; dead: number; oldest: Date | null }>(
    `SELECT handler AS queue,
       count(*) FILTER (WHERE status = 'pending' AND waiting_on = 0)::int AS depth,
       count(*) FILTER (WHERE status = 'pending' AND waiting_on > 0)::int AS waiting,
       count(*) FILTER (WHERE status = 'running')::int AS running,
       count(*) FILTER (WHERE status = 'failed' AND dead_lettered_at IS NOT NULL)::int AS dead,
       min(COALESCE(ready_at, created_at)) FILTER (WHERE status = 'pending' AND waiting_on = 0) AS oldest
     FROM tasks ${queue !== undefined ? 'WHERE handler = $1' : ''} GROUP BY handler ORDER BY handler`,
    queue !== undefined ? [queue] : [],
  );
  return rows.map((r) => ({ queue: r.queue, depth: r.depth, waiting: r.waiting, running: r.running, deadLetters: r.dead, oldestReadyAt: r.oldest }));
}

export interface WindowActivity {
  completed: number;
  failed: number;
  deadLettered: number;
}

/** Completions, failed attempts and dead letters per handler in [from, to), from the task events. */
export async function taskActivity(db: Queryable, from: Date, to: Date): Promise<Map<string, WindowActivity>> {
  const rows = await db.query<{ queue: string | null; completed: number; failed: number; dead: number }>(
    `SELECT payload->>'handler' AS queue,
       count(*) FILTER (WHERE topic = 'task.completed')::int AS completed,
       count(*) FILTER (WHERE topic IN ('task.attempt_failed', 'task.failed'))::int AS failed,
       count(*) FILTER (WHERE topic = 'task.failed')::int AS dead
     FROM events WHERE created_at >= $1 AND created_at < $2 AND topic IN ('task.completed', 'task.attempt_failed', 'task.failed')
     GROUP BY 1`,
    [from, to],
  );
  return new Map(rows.filter((r) => r.queue !== null).map((r) => [r.queue as string, { completed: r.completed, failed: r.failed, deadLettered: r.dead }] as const));
}

/**
 * Completions, failed attempts and dead letters per queue over [from, to) in one statement, by the plan
 * of QueueService's `activityPlan`: when the sampled minutes in [sampledFrom, sampledTo) form one
 * contiguous run inside the window, that run from its samples and only the edges from the task events;
 * otherwise the whole window from the events. (Three or four round trips before; each costs the server
 * more CPU than the index reads themselves.)
 */
export async function windowActivity(db: Queryable, w: { from: Date; to: Date; sampledFrom: Date; sampledTo: Date }, minuteMs: number): Promise<Map<string, WindowActivity>> {
  const topics = "('task.completed', 'task.attempt_failed', 'task.failed')";
  const counts = `count(*) FILTER (WHERE e.topic = 'task.completed') AS completed,
         count(*) FILTER (WHERE e.topic IN ('task.attempt_failed', 'task.failed')) AS failed,
         count(*) FILTER (WHERE e.topic = 'task.failed') AS dead`;
  const rows = await db.query<{ queue: string; completed: number; failed: number; dead: number }>(
    `WITH m AS MATERIALIZED (
       SELECT min(at) AS first, max(at) + $5::int * interval '1 millisecond' AS past, count(DISTINCT at)::int AS n
       FROM queue_samples WHERE at >= $3 AND at < $4),
     plan AS MATERIALIZED (
       SELECT CASE WHEN ok THEN first END AS lo, CASE WHEN ok THEN past END AS hi
       FROM (SELECT first, past, COALESCE(n > 0 AND past - first = n * ($5::int * interval '1 millisecond') AND first >= $1 AND past <= $2, false) AS ok FROM m) x),
     parts AS (
       SELECT s.queue, sum(s.completed) AS completed, sum(s.failed) AS failed, sum(s.dead_lettered) AS dead
       FROM queue_samples s, plan p WHERE s.at >= p.lo AND s.at < p.hi GROUP BY s.queue
       UNION ALL
       SELECT e.payload->>'handler', ${counts}
       FROM events e, plan p WHERE e.created_at >= $1 AND e.created_at < COALESCE(p.lo, $2) AND e.topic IN ${topics} GROUP BY 1
       UNION ALL
       SELECT e.payload->>'handler', ${counts}
       FROM events e, plan p WHERE e.created_at >= p.hi AND e.created_at < $2 AND e.topic IN ${topics} GROUP BY 1)
     SELECT queue, sum(completed)::int AS completed, sum(failed)::int AS failed, sum(dead)::int AS dead FROM parts WHERE queue IS NOT NULL GROUP BY queue`,
    [w.from, w.to, w.sampledFrom, w.sampledTo, minuteMs],
  );
  return new Map(rows.map((r) => [r.queue, { completed: r.completed, failed: r.failed, deadLettered: r.dead }] as const));
}

/** The minutes in [from, to) that the sampler wrote (any queue), oldest first. */
export async function sampledMinutes(db: Queryable, from: Date, to: Date): Promise<Date[]> {
  const rows = await db.query<{ at: Date }>('SELECT DISTINCT at FROM queue_samples WHERE at >= $1 AND at < $2 ORDER BY at', [from, to]);
  return rows.map((r) => r.at);
}

/** Completions, failed attempts and dead letters per queue summed over the samples of minutes in [from, to). */
export async function sampleActivity(db: Queryable, from: Date, to: Date): Promise<Map<string, WindowActivity>> {
  const rows = await db.query<{ queue: string; completed: number; failed: number; dead: number }>(
    `SELECT queue, sum(completed)::int AS completed, sum(failed)::int AS failed, sum(dead_lettered)::int AS dead
     FROM queue_samples WHERE at >= $1 AND at < $2 GROUP BY queue`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.queue, { completed: r.completed, failed: r.failed, deadLettered: r.dead }] as const));
}

export async function insertSamples(tx: Queryable, samples: readonly QueueSample[]): Promise<number> {
  let inserted = 0;
  for (const s of samples) {
    const rows = await tx.query<{ queue: string }>(
      `INSERT INTO queue_samples (queue, at, depth, running, oldest_age_ms, completed, failed, dead_lettered)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (queue, at) DO NOTHING RETURNING queue`,
      [s.queue, new Date(s.at), s.depth, s.running, s.oldestAgeMs, s.completed, s.failed, s.deadLettered],
    );
    inserted += rows.length;
  }
  return inserted;
}

export async function pruneSamples(tx: Queryable, before: Date): Promise<number> {
  const rows = await tx.query<{ queue: string }>('DELETE FROM queue_samples WHERE at < $1 RETURNING queue', [before]);
  return rows.length;
}

export async function hasSamplesAt(db: Queryable, at: Date): Promise<boolean> {
  return (await db.query('SELECT 1 FROM queue_samples WHERE at = $1 LIMIT 1', [at])).length > 0;
}

interface SampleRow {
  queue: string;
  at: Date;
  depth: number;
  running: number;
  oldest_age_ms: number | string;
  completed: number;
  failed: number;
  dead_lettered: number;
}

function toSample(r: SampleRow): QueueSample {
  return { queue: r.queue, at: r.at.toISOString(), depth: r.depth, running: r.running, oldestAgeMs: Number(r.oldest_age_ms), completed: r.completed, failed: r.failed, deadLettered: r.dead_lettered };
}

/** Samples of one queue (or all when omitted) since an instant, oldest first. */
export async function readSamples(db: Queryable, since: Date, queue?: string): Promise<QueueSample[]> {
  const rows = await db.query<SampleRow>(
    `SELECT queue, at, depth, running, oldest_age_ms, completed, failed, dead_lettered FROM queue_samples
     WHERE at >= $1 ${queue !== undefined ? 'AND queue = $2' : ''} ORDER BY at, queue`,
    queue !== undefined ? [since, queue] : [since],
  );
  return rows.map(toSample);
}

export async function sampledQueueNames(db: Queryable, since: Date): Promise<string[]> {
  const rows = await db.query<{ queue: string }>('SELECT DISTINCT queue FROM queue_samples WHERE at >= $1 ORDER BY queue', [since]);
  return rows.map((r) => r.queue);
}

export interface FlowRows {
  nodes: Array<{ handler: string; status: string; count: number }>;
  edges: Array<{ from: string; to: string; status: string; count: number }>;
}

/** Task counts per handler and status, and along dependency edges, optionally for one journey. */
export async function flowRows(db: Queryable, journeyId?: string): Promise<FlowRows> {
  const params = journeyId !== undefined ? [journeyId] : [];
  const nodes = await db.query<{ handler: string; status: string; count: number }>(
    `SELECT handler, status, count(*)::int AS count FROM tasks ${journeyId !== undefined ? 'WHERE journey_id = $1' : ''} GROUP BY handler, status`,
    params,
  );
  const edges = await db.query<{ from: string; to: string; status: string; count: number }>(
    `SELECT up.handler AS "from", down.handler AS "to", down.status, count(*)::int AS count
     FROM task_dependencies d JOIN tasks up ON up.id = d.depends_on JOIN tasks down ON down.id = d.task_id
     ${journeyId !== undefined ? 'WHERE down.journey_id = $1' : ''}
     GROUP BY up.handler, down.handler, down.status`,
    params,
  );
  return { nodes, edges };
}

// Reads for context observability: recent events that may concern a context (a coarse SQL
// prefilter; the core's eventMatchesContext decides), and task and journey figures for it.
import type { Context } from '../core/ops/context-filter';
import type { Queryable } from './db';
import type { StoredEvent } from './events-repo';

/**
 * SQL narrowing events to those that can match the context; exactness is the core's job. Payload
 * fields are matched by containment (`payload @> {"handler": id}`) so the GIN index of migration
 * 0012 finds them, and a journey's child keys by a prefix the key_prefix index serves; $1 is the id,
 * $2 the key prefix pattern (journeys only).
 */
function eventClause(c: Context): string {
  const field = (name: string) => `payload @> jsonb_build_object('${name}', $1::text)`;
  switch (c.kind) {
    case 'journey':
      return `(key = $1 OR key LIKE $2 OR ${field('journeyId')})`;
    case 'client':
      return `(key = $1 OR ${field('clientId')})`;
    case 'agent':
      return `(${field('agent')} OR ${field('handler')} OR (key = $1 AND topic LIKE 'agent.%'))`;
    case 'queue':
      return `(${field('queue')} OR ${field('handler')} OR (key = $1 AND topic LIKE 'queue.%'))`;
  }
}

/** Newest first, at most `limit`, optionally only ids below `before` and topics a predicate accepts in SQL. */
export async function contextEvents(db: Queryable, c: Context, limit: number, before?: number): Promise<StoredEvent[]> {
  // $2 (the key prefix) only where the clause uses it: PostgreSQL cannot type an unused parameter.
  const params: Array<string | number> = c.kind === 'journey' ? [c.id, `${c.id.replace(/[\\%_]/g, (x) => `\\${x}`)}/%`] : [c.id];
  let sql = `SELECT id, topic, key, payload, created_at FROM events WHERE ${eventClause(c)}`;
  if (before !== undefined) {
    params.push(before);
    sql += ` AND id < $${params.length}`;
  }
  params.push(limit);
  sql += ` ORDER BY id DESC LIMIT $${params.length}`;
  const rows = await db.query<{ id: number; topic: string; key: string | null; payload: Record<string, unknown>; created_at: Date }>(sql, params);
  return rows.map((r) => ({ id: Number(r.id), topic: r.topic, key: r.key, payload: r.payload, createdAt: r.created_at.toISOString() }));
}

export interface TaskFigures {
  byStatus: Record<string, number>;
  deadLetters: number;
  attempts: number;
  avgDurationMs: number | null;
}

/** Task counts for a context: a journey's tasks, an agent's or queue's (its handler), a client's journeys' tasks. */
export async function contextTaskFigures(db: Queryable, c: Context): Promise<TaskFigures> {
  const filter =
    c.kind === 'journey' ? 't.journey_id = $1'
    : c.kind === 'client' ? 't.journey_id IN (SELECT journey_id FROM journey_states WHERE client_id = $1)'
    : c.kind === 'agent' ? '(t.handler = $1 OR t.agent = $1)'
    : 't.handler = $1';
  const rows = await db.query<{ status: string; n: number; dead: number; attempts: number; avg_ms: number | null }>(
    `SELECT t.status, count(*)::int AS n, count(*) FILTER (WHERE t.dead_lettered_at IS NOT NULL)::int AS dead,
       COALESCE(sum(t.total_attempts), 0)::int AS attempts,
       avg(EXTRACT(EPOCH FROM (t.finished_at - t.started_at)) * 1000) FILTER (WHERE t.status = 'completed' AND t.started_at IS NOT NULL)::float8 AS avg_ms
     FROM tasks t WHERE ${filter} GROUP BY t.status`,
    [c.id],
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const completed = rows.find((r) => r.status === 'completed');
  return {
    byStatus,
    deadLetters: rows.reduce((n, r) => n + r.dead, 0),
    attempts: rows.reduce((n, r) => n + r.attempts, 0),
    avgDurationMs: completed?.avg_ms === null || completed?.avg_ms === undefined ? null : Math.round(completed.avg_ms),
  };
}

export interface JourneyFigures {
  byStatus: Record<string, number>;
  stages: Record<string, number>;
}

/** Journeys of a client (or the one journey) by status and current stage. */
export async function contextJourneyFigures(db: Queryable, c: Context): Promise<JourneyFigures | null> {
  if (c.kind !== 'journey' && c.kind !== 'client') return null;
  const rows = await db.query<{ status: string; current_stage: string; n: number }>(
    `SELECT status, current_stage, count(*)::int AS n FROM journey_states WHERE ${c.kind === 'journey' ? 'journey_id' : 'client_id'} = $1 GROUP BY status, current_stage`,
    [c.id],
  );
  const byStatus: Record<string, number> = {};
  const stages: Record<string, number> = {};
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    stages[r.current_stage] = (stages[r.current_stage] ?? 0) + r.n;
  }
  return { byStatus, stages };
}

// Dead letters (tasks whose retries were spent) filtered by queue, journey and error text; the
// locking read a bulk retry or purge works on; and the trail of purged tasks.
import type { DeadLetterFilter } from '../core/ops/purge-plan';
import type { Queryable } from './db';
import { TASK_COLUMNS, TASK_COLUMNS_WITH_DEPS } from './task-plans';
import { toTask, type TaskRecord } from './task-repo';

type Param = string | number | Date;

function where(f: DeadLetterFilter, params: Param[]): string {
  const clauses = ["t.status = 'failed'", 't.dead_lettered_at IS NOT NULL'];
  const add = (clause: (n: number) => string, value: Param) => {
    params.push(value);
    clauses.push(clause(params.length));
  };
  if (f.queue !== undefined) add((n) => `t.handler = $${n}`, f.queue);
  if (f.journey !== undefined) add((n) => `t.journey_id = $${n}`, f.journey);
  if (f.error !== undefined) add((n) => `t.last_error ILIKE $${n}`, `%${f.error.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return clauses.join(' AND ');
}

export async function listDeadLetters(db: Queryable, f: DeadLetterFilter, limit: number, before?: number): Promise<TaskRecord[]> {
  const params: Param[] = [];
  let sql = `SELECT ${TASK_COLUMNS_WITH_DEPS} FROM tasks t WHERE ${where(f, params)}`;
  if (before !== undefined) {
    params.push(before);
    sql += ` AND t.seq < $${params.length}`;
  }
  params.push(limit);
  sql += ` ORDER BY t.seq DESC LIMIT $${params.length}`;
  return (await db.query<Parameters<typeof toTask>[0]>(sql, params)).map(toTask);
}

export async function countDeadLetters(db: Queryable, f: DeadLetterFilter): Promise<number> {
  const params: Param[] = [];
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t WHERE ${where(f, params)}`, params);
  return rows[0]?.n ?? 0;
}

/** The journeys of matching dead letters (locked first, in id order, before the tasks: the engine's lock order). */
export async function deadLetterJourneys(db: Queryable, f: DeadLetterFilter): Promise<string[]> {
  const params: Param[] = [];
  const rows = await db.query<{ journey_id: string }>(`SELECT DISTINCT t.journey_id FROM tasks t WHERE ${where(f, params)} AND t.journey_id IS NOT NULL ORDER BY 1`, params);
  return rows.map((r) => r.journey_id);
}

/** Matching dead letters locked for a bulk change, oldest first, at most `limit`. */
export async function lockDeadLetters(tx: Queryable, f: DeadLetterFilter, limit: number): Promise<TaskRecord[]> {
  const params: Param[] = [];
  const w = where(f, params);
  params.push(limit);
  const rows = await tx.query<Parameters<typeof toTask>[0]>(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE ${w} ORDER BY t.id LIMIT $${params.length} FOR UPDATE`, params);
  return rows.map(toTask);
}

/** Takes tasks out of the dead-letter queue: cancelled, with the purge as their last word. */
export async function markPurged(tx: Queryable, ids: readonly string[], note: string, now: Date): Promise<TaskRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<Parameters<typeof toTask>[0]>(
    `UPDATE tasks t SET status = 'cancelled', dead_lettered_at = NULL, last_error = $2, updated_at = $3
     WHERE id = ANY($1::text[]) AND status = 'failed' AND dead_lettered_at IS NOT NULL RETURNING ${TASK_COLUMNS}`,
    [ids, note, now],
  );
  return rows.map(toTask);
}

export interface PurgedTask {
  purgeId: string;
  taskId: string;
  queue: string;
  journeyId: string | null;
  task: TaskRecord;
  purgedBy: string;
  reason: string;
  purgedAt: string;
}

export async function insertPurged(tx: Queryable, purgeId: string, tasks: readonly TaskRecord[], by: string, reason: string, now: Date): Promise<void> {
  for (const t of tasks) {
    await tx.query(
      'INSERT INTO purged_tasks (purge_id, task_id, queue, journey_id, task, purged_by, reason, purged_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)',
      [purgeId, t.id, t.handler, t.journeyId, JSON.stringify(t), by, reason, now],
    );
  }
}

export async function listPurged(db: Queryable, limit: number, queue?: string): Promise<PurgedTask[]> {
  const rows = await db.query<{ purge_id: string; task_id: string; queue: string; journey_id: string | null; task: TaskRecord; purged_by: string; reason: string; purged_at: Date }>(
    `SELECT purge_id, task_id, queue, journey_id, task, purged_by, reason, purged_at FROM purged_tasks
     ${queue !== undefined ? 'WHERE queue = $2' : ''} ORDER BY purged_at DESC, task_id LIMIT $1`,
    queue !== undefined ? [limit, queue] : [limit],
  );
  return rows.map((r) => ({ purgeId: r.purge_id, taskId: r.task_id, queue: r.queue, journeyId: r.journey_id, task: r.task, purgedBy: r.purged_by, reason: r.reason, purgedAt: r.purged_at.toISOString() }));
}

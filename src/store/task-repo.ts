// Runs the task queue's SQL (task-plans.ts) and maps rows to task records.
import type { RetryPolicy } from '../core/work/retry-policy';
import type { TaskKind } from '../core/work/unit-of-work';
import type { TaskStatus } from '../core/work/dag';
import type { Queryable, SqlParam } from './db';
import { EVENT_ID_BASE, EVENTS_CHANNEL, type StoredEvent } from './events-repo';
import * as plan from './task-plans';

export interface TaskRecord {
  id: string;
  seq: number;
  journeyId: string | null;
  unitId: string | null;
  stage: string | null;
  key: string;
  name: string;
  handler: string;
  agent: string;
  kind: TaskKind;
  status: TaskStatus;
  /** Attempts started since creation or the last manual retry (what the retry policy counts). */
  attempt: number;
  totalAttempts: number;
  maxRetries: number;
  retry: RetryPolicy;
  waitingOn: number;
  /** How many tasks depend on this one. */
  dependants: number;
  ready: boolean;
  dependsOn?: string[];
  runAt: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  /** A ready human task: when it fails as timed out unless someone completes it. */
  dueAt: string | null;
  idempotencyKey: string;
  input: Record<string, unknown>;
  output: Record<string, unknown> | null;
  outputSchema: Record<string, unknown> | null;
  emits: string | null;
  lastError: string | null;
  createdAt: string;
  readyAt: string | null;
  startedAt: string | null;
  attemptStartedAt: string | null;
  finishedAt: string | null;
  deadLetteredAt: string | null;
  updatedAt: string;
}

interface TaskRow {
  id: string;
  seq: number;
  journey_id: string | null;
  uow_id: string | null;
  stage: string | null;
  key: string;
  name: string;
  handler: string;
  agent: string;
  kind: TaskKind;
  status: TaskStatus;
  attempt: number;
  total_attempts: number;
  max_retries: number;
  retry: RetryPolicy;
  waiting_on: number;
  dependants: number;
  run_at: Date;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  idempotency_key: string;
  input: Record<string, unknown>;
  output: Record<string, unknown> | null;
  output_schema: Record<string, unknown> | null;
  emits: string | null;
  last_error: string | null;
  created_at: Date;
  ready_at: Date | null;
  started_at: Date | null;
  attempt_started_at: Date | null;
  finished_at: Date | null;
  dead_lettered_at: Date | null;
  updated_at: Date;
  depends_on?: string[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTask(r: TaskRow): TaskRecord {
  return {
    id: r.id,
    seq: r.seq,
    journeyId: r.journey_id,
    unitId: r.uow_id,
    stage: r.stage,
    key: r.key,
    name: r.name,
    handler: r.handler,
    agent: r.agent,
    kind: r.kind,
    status: r.status,
    attempt: r.attempt,
    totalAttempts: r.total_attempts,
    maxRetries: r.max_retries,
    retry: r.retry,
    waitingOn: r.waiting_on,
    dependants: r.dependants,
    ready: r.status === 'pending' && r.waiting_on === 0,
    ...(r.depends_on !== undefined ? { dependsOn: r.depends_on } : {}),
    runAt: r.run_at.toISOString(),
    leaseOwner: r.lease_owner,
    // A human task holds no lease: the column keeps its due instant while it waits for a person.
    leaseExpiresAt: r.kind === 'human' ? null : iso(r.lease_expires_at),
    dueAt: r.kind === 'human' && r.status === 'pending' && r.waiting_on === 0 ? iso(r.lease_expires_at) : null,
    idempotencyKey: r.idempotency_key,
    input: r.input,
    output: r.output,
    outputSchema: r.output_schema,
    emits: r.emits,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    readyAt: iso(r.ready_at),
    startedAt: iso(r.started_at),
    attemptStartedAt: iso(r.attempt_started_at),
    finishedAt: iso(r.finished_at),
    deadLetteredAt: iso(r.dead_lettered_at),
    updatedAt: r.updated_at.toISOString(),
  };
}

async function many(db: Queryable, sql: string, params: ReadonlyArray<SqlParam>): Promise<TaskRecord[]> {
  return (await db.query<TaskRow>(sql, params)).map(toTask);
}

async function one(db: Queryable, sql: string, params: ReadonlyArray<SqlParam>): Promise<TaskRecord | undefined> {
  return (await many(db, sql, params))[0];
}

export interface NewTask {
  id: string;
  journeyId: string | null;
  unitId: string | null;
  stage: string | null;
  key: string;
  name: string;
  handler: string;
  agent: string;
  kind: TaskKind;
  retry: RetryPolicy;
  /** Ids of tasks (already stored, or in the same batch) it depends on. */
  dependsOn: readonly string[];
  idempotencyKey: string;
  input: Record<string, unknown>;
  outputSchema?: Record<string, unknown> | undefined;
  emits?: string | undefined;
  runAt?: Date;
}

/**
 * Inserts tasks in order with their dependency edges; a task whose idempotency key exists is
 * skipped (enqueueing twice is harmless). Returns the tasks inserted now.
 */
export async function insertTasks(tx: Queryable, tasks: readonly NewTask[], now: Date): Promise<TaskRecord[]> {
  const inserted: TaskRecord[] = [];
  const completed = new Set<string>();
  const deps = [...new Set(tasks.flatMap((t) => t.dependsOn))];
  if (deps.length > 0) {
    const rows = await tx.query<{ id: string }>("SELECT id FROM tasks WHERE id = ANY($1::text[]) AND status = 'completed'", [deps]);
    for (const r of rows) completed.add(r.id);
  }
  // One statement for the batch (a round trip per task made enqueueing thousands slow); a key already
  // stored, or repeated in the batch, is skipped as before.
  const rows = tasks.length === 0 ? [] : await many(tx, plan.insertTaskBatch, batchParams(tasks, (t) => [...new Set(t.dependsOn)].filter((d) => !completed.has(d)).length, now));
  const byId = new Map(tasks.map((t) => [t.id, t] as const));
  for (const row of rows) inserted.push({ ...row, dependsOn: [...new Set(byId.get(row.id)?.dependsOn ?? [])].sort() });
  // Edges after every task of the batch exists: a task may depend on one listed after it.
  for (const t of inserted) for (const d of t.dependsOn ?? []) await tx.query(plan.insertDependency, [t.id, d]);
  return inserted;
}

/** insertTaskBatch's parameters ($1…$18): one array per column, in the tasks' order. */
function batchParams(tasks: readonly NewTask[], waitingOn: (t: NewTask) => number, now: Date): SqlParam[] {
  const cols: Array<Array<string | number | Date | null>> = Array.from({ length: 17 }, () => []);
  for (const t of tasks) {
    const row = [t.id, t.journeyId, t.unitId, t.stage, t.key, t.name, t.handler, t.agent, t.kind, t.retry.maxRetries, JSON.stringify(t.retry), waitingOn(t), (t.runAt ?? now).toISOString(), t.idempotencyKey, JSON.stringify(t.input), t.outputSchema ? JSON.stringify(t.outputSchema) : null, t.emits ?? null];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  return [...(cols as unknown as SqlParam[]), now];
}

const ENQUEUE_WITH_EVENT = plan.insertTaskBatchWithEvent(EVENT_ID_BASE, EVENTS_CHANNEL);

/** The task.enqueued event's payload for the tasks a batch stored (plan.insertTaskBatchWithEvent builds the same in SQL). */
export function enqueuedPayload(inserted: readonly TaskRecord[], actor: string): Record<string, unknown> {
  return { count: inserted.length, ids: inserted.slice(0, plan.ENQUEUED_IDS_SHOWN).map((t) => t.id), actor };
}

/** The batch's audit summary: how many, and the handlers in order of first appearance (as the SQL builds it). */
export function enqueuedSummary(inserted: readonly TaskRecord[]): string {
  return `enqueued ${inserted.length} task(s): ${[...new Set(inserted.map((t) => t.handler))].join(', ')}`;
}

/** What enqueueStandalone stored: the new tasks, and their task.enqueued event (none when every key was already stored). */
export interface Enqueued {
  tasks: TaskRecord[];
  event: StoredEvent | undefined;
}

/**
 * Enqueues tasks that have no journey, no unit and no dependencies, with their task.enqueued event and
 * audit entry, in one statement (its own transaction; see plan.insertTaskBatchWithEvent). `batch` is the
 * event's key and the audit target.
 */
export async function enqueueStandalone(db: Queryable, tasks: readonly NewTask[], batch: string, actor: string, now: Date): Promise<Enqueued> {
  if (tasks.some((t) => t.dependsOn.length > 0 || t.journeyId !== null || t.unitId !== null)) throw new Error('enqueueStandalone takes standalone tasks without dependencies');
  if (tasks.length === 0) return { tasks: [], event: undefined };
  const rows = await db.query<TaskRow & { event_id: number | null }>(ENQUEUE_WITH_EVENT, [...batchParams(tasks, () => 0, now), batch, actor]);
  const inserted = rows.map((r) => ({ ...toTask(r), dependsOn: [] }));
  const eventId = rows[0]?.event_id;
  const event: StoredEvent | undefined =
    eventId == null
      ? undefined
      : { id: eventId, topic: 'task.enqueued', key: batch, payload: enqueuedPayload(inserted, actor), createdAt: now.toISOString() };
  return { tasks: inserted, event };
}

export async function notifyTasksReady(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [plan.TASKS_CHANNEL, '']);
}

export function claimTasks(tx: Queryable, workerId: string, limit: number, now: Date, leaseMs: number): Promise<TaskRecord[]> {
  return many(tx, plan.claimTasks, [now, limit, workerId, new Date(now.getTime() + leaseMs)]);
}

/** A task together with the id of the event its claim or completion wrote. */
export interface TaskWithEvent {
  task: TaskRecord;
  eventId: number;
}

const CLAIM_WITH_EVENTS = plan.claimTasksWithEvents(EVENT_ID_BASE, EVENTS_CHANNEL);
const COMPLETE_WITH_EVENTS = plan.completeLeasedBatchWithEvents(EVENT_ID_BASE, EVENTS_CHANNEL);

async function withEvents(db: Queryable, sql: string, params: ReadonlyArray<SqlParam>): Promise<TaskWithEvent[]> {
  const rows = await db.query<TaskRow & { event_id: number }>(sql, params);
  return rows.map((r) => ({ task: toTask(r), eventId: r.event_id }));
}

/** claimTasks and its task.started events as one atomic statement (no transaction round trips). */
export function claimTasksWithEvents(db: Queryable, workerId: string, limit: number, now: Date, leaseMs: number): Promise<TaskWithEvent[]> {
  return withEvents(db, CLAIM_WITH_EVENTS, [now, limit, workerId, new Date(now.getTime() + leaseMs)]);
}

/** A completed task's id with the task.completed event the same statement wrote. */
export interface CompletedWithEvent {
  taskId: string;
  event: { id: number; key: string; payload: Record<string, unknown> };
}

/** completeLeasedBatch and its task.completed events as one atomic statement; `started` is when each handler began. */
export async function completeLeasedBatchWithEvents(
  db: Queryable,
  owner: string,
  done: ReadonlyArray<{ id: string; attempt: number; output: Record<string, unknown>; started: Date }>,
  now: Date,
): Promise<CompletedWithEvent[]> {
  if (done.length === 0) return [];
  const rows = await db.query<{ task_id: string; event_id: number; key: string; payload: Record<string, unknown> }>(COMPLETE_WITH_EVENTS, [
    done.map((d) => d.id),
    done.map((d) => d.attempt),
    done.map((d) => JSON.stringify(d.output)),
    now,
    owner,
    done.map((d) => d.started.toISOString()),
  ]);
  return rows.map((r) => ({ taskId: r.task_id, event: { id: r.event_id, key: r.key, payload: r.payload } }));
}

/** Gives back claimed tasks that never started (see plan.releaseUnstarted). */
export function releaseUnstarted(tx: Queryable, workerId: string, ids: readonly string[], reason: string, now: Date): Promise<TaskRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return many(tx, plan.releaseUnstarted, [workerId, ids, reason, now]);
}

export async function renewLeases(db: Queryable, workerId: string, ids: readonly string[], expiresAt: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>(plan.renewLeases, [workerId, ids, expiresAt]);
  return rows.map((r) => r.id);
}

export interface Lease {
  id: string;
  owner: string;
  attempt: number;
}

export function completeLeased(tx: Queryable, l: Lease, output: Record<string, unknown>, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.completeLeased, [l.id, l.owner, l.attempt, JSON.stringify(output), now]);
}

/** Completes several attempts leased by `owner` at once; returns those still held (the others were lost). */
export function completeLeasedBatch(tx: Queryable, owner: string, done: ReadonlyArray<{ id: string; attempt: number; output: Record<string, unknown> }>, now: Date): Promise<TaskRecord[]> {
  if (done.length === 0) return Promise.resolve([]);
  return many(tx, plan.completeLeasedBatch, [done.map((d) => d.id), done.map((d) => d.attempt), done.map((d) => JSON.stringify(d.output)), now, owner]);
}

export function retryLeased(tx: Queryable, l: Lease, error: string, runAt: Date, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.retryLeased, [l.id, l.owner, l.attempt, error, runAt, now]);
}

export function deadLetterLeased(tx: Queryable, l: Lease, error: string, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.deadLetterLeased, [l.id, l.owner, l.attempt, error, now]);
}

export function releaseLeases(tx: Queryable, workerId: string, reason: string, now: Date): Promise<TaskRecord[]> {
  return many(tx, plan.releaseLeases, [workerId, reason, now]);
}

export async function expiredLeases(db: Queryable, now: Date, limit: number): Promise<Array<{ id: string; journeyId: string | null }>> {
  const rows = await db.query<{ id: string; journey_id: string | null }>(plan.expiredLeases, [now, limit]);
  return rows.map((r) => ({ id: r.id, journeyId: r.journey_id }));
}

export function completeHuman(tx: Queryable, id: string, output: Record<string, unknown>, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.completeHuman, [id, JSON.stringify(output), now]);
}

export function failHuman(tx: Queryable, id: string, reason: string, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.failHuman, [id, reason, now]);
}

export async function overdueHumanTasks(db: Queryable, now: Date, limit: number): Promise<Array<{ id: string; journeyId: string | null }>> {
  const rows = await db.query<{ id: string; journey_id: string | null }>(plan.overdueHumanTasks, [now, limit]);
  return rows.map((r) => ({ id: r.id, journeyId: r.journey_id }));
}

export function timeOutHuman(tx: Queryable, id: string, reason: string, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.timeOutHuman, [id, reason, now]);
}

export function releaseDependants(tx: Queryable, completedId: string, now: Date): Promise<TaskRecord[]> {
  return many(tx, plan.releaseDependants, [completedId, now]);
}

export function retryManually(tx: Queryable, id: string, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.retryManually, [id, now]);
}

export function cancelTask(tx: Queryable, id: string, reason: string, now: Date): Promise<TaskRecord | undefined> {
  return one(tx, plan.cancelOne, [id, reason, now]);
}

export function cancelOpenTasksOfJourney(tx: Queryable, journeyId: string, stage: string | null, reason: string, now: Date): Promise<TaskRecord[]> {
  return many(tx, plan.cancelOpenOfJourney, [journeyId, stage, reason, now]);
}

export function lockTask(tx: Queryable, id: string): Promise<TaskRecord | undefined> {
  return one(tx, plan.lockTask, [id]);
}

export function getTask(db: Queryable, id: string): Promise<TaskRecord | undefined> {
  return one(db, plan.getTask, [id]);
}

export function tasksOfJourney(db: Queryable, journeyId: string): Promise<TaskRecord[]> {
  return many(db, plan.tasksOfJourney, [journeyId]);
}

export async function taskStatusesOfUnit(db: Queryable, unitId: string): Promise<Array<{ id: string; status: TaskStatus }>> {
  return db.query<{ id: string; status: TaskStatus }>(plan.tasksOfUnit, [unitId]);
}

export function listTasks(db: Queryable, filter: plan.TaskListFilter): Promise<TaskRecord[]> {
  const { sql, params } = plan.listTasksPlan(filter);
  return many(db, sql, params);
}

export async function nextDueAt(db: Queryable): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>(plan.nextDueAt);
  return rows[0]?.at ?? null;
}

export async function countTasksByStatus(db: Queryable): Promise<Record<string, number>> {
  const rows = await db.query<{ status: string; n: number }>(plan.countByStatus);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

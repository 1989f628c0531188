// Tasks as people and other systems meet them: enqueue standalone task graphs, list and read
// tasks (dead letters included), complete a human task, retry or cancel one; and the webhook
// handlers ("agents") tasks can be sent to.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { TASK_TOPICS } from '../core/journey/topics';
import { AppError, type ErrorLocation } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import { findDagProblems } from '../core/work/dag';
import { withHumanDue } from '../core/work/unit-of-work';
import type { Db, Queryable } from '../store/db';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { lockJourney } from '../store/journey-states-repo';
import { deleteWebhookHandler, upsertWebhookHandler, withoutSecret, type WebhookHandlerRecord } from '../store/task-handlers-repo';
import { cancelTask, enqueuedPayload, enqueuedSummary, enqueueStandalone, failHuman, getTask, insertTasks, listTasks, lockTask, notifyTasksReady, retryManually, type NewTask, type TaskRecord } from '../store/task-repo';
import type { Clock } from './clock';
import type { HandlerRegistry } from './handlers/handler-registry';
import { outputSchemaProblem } from './handlers/output-schema';
import { settleJourney } from './journey-automation';
import type { JourneyDefinitions } from './journey-definitions';
import { commitEngineChange, retryOnConflict } from './task-commit';
import { CancelTaskInput, CompleteTaskInput, EnqueueInput, RetryTaskInput, TaskListQuery, WebhookHandlerInput } from './task-inputs';
import { commitSuccess, taskEventKey, taskEventPayload } from './task-outcomes';
import { recomputeUnits } from './task-units';

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(parsed.error.issues));
  return parsed.data;
}

export class TaskService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly defs: JourneyDefinitions,
    private readonly handlers: HandlerRegistry,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  /**
   * Enqueues a graph of tasks not tied to a journey. Every problem is refused up front, nothing
   * stored: unknown handlers, dependencies on unknown keys, and cycles (named in full).
   */
  async enqueue(raw: unknown, actor: string): Promise<TaskRecord[]> {
    const { tasks } = parse(EnqueueInput, raw, 'task batch');
    const known = await this.handlers.names();
    const errors: ErrorLocation[] = [];
    tasks.forEach((t, i) => {
      if (t.kind === 'automated' && !known.has(t.handler)) errors.push({ pointer: `/tasks/${i}/handler`, message: `unknown handler '${t.handler}'` });
    });
    const unknownHandler = errors.length > 0;
    let cyclic = false;
    const index = new Map(tasks.map((t, i) => [t.key, i] as const));
    for (const p of findDagProblems(tasks.map((t) => ({ id: t.key, dependsOn: t.dependsOn })))) {
      if (p.kind === 'duplicate_id') errors.push({ pointer: `/tasks/${p.index}/key`, message: p.message });
      else if (p.kind === 'unknown_dependency') errors.push({ pointer: `/tasks/${p.index}/dependsOn/${tasks[p.index]!.dependsOn.indexOf(p.dependency)}`, message: p.message });
      else {
        cyclic = true;
        errors.push({ pointer: `/tasks/${index.get(p.cycle.path[0]!)}/dependsOn`, message: p.message });
      }
    }
    if (errors.length > 0) {
      // Well-formed but unrunnable: a cycle or an unknown handler is 422; a malformed graph stays 400.
      const code = cyclic ? 'OW_DEPENDENCY_CYCLE' : unknownHandler ? 'OW_UNKNOWN_HANDLER' : 'OW_VALIDATION';
      throw new AppError(code, `The task batch cannot run: ${errors.map((e) => e.message).join('; ')}`, errors);
    }
    const batch = randomBytes(6).toString('hex');
    const idOf = new Map(tasks.map((t) => [t.key, `task/${batch}/${t.key}`] as const));
    const rows: NewTask[] = tasks.map((t) => ({
      id: idOf.get(t.key)!,
      journeyId: null,
      unitId: null,
      stage: null,
      key: t.key,
      name: t.name ?? t.key,
      handler: t.handler,
      agent: t.handler,
      kind: t.kind,
      retry: withHumanDue(t.kind, t.retry, t.dueInMs),
      dependsOn: t.dependsOn.map((d) => idOf.get(d)!),
      idempotencyKey: t.idempotencyKey ?? idOf.get(t.key)!,
      input: t.input,
      outputSchema: t.outputSchema,
      ...(t.runAt !== undefined ? { runAt: new Date(t.runAt) } : {}),
    }));
    const result = rows.every((r) => r.dependsOn.length === 0) ? await this.enqueueAlone(rows, batch, actor) : await this.enqueueWithEdges(rows, batch, actor);
    // Keys already enqueued come back as the task that has them, so a repeated request sees the same tasks.
    const byKey = new Map(result.map((t) => [t.idempotencyKey, t] as const));
    const out: TaskRecord[] = [];
    for (const r of rows) {
      const hit = byKey.get(r.idempotencyKey) ?? (await this.byIdempotencyKey(r.idempotencyKey));
      if (hit) out.push(hit);
    }
    return out;
  }

  /** Tasks without dependencies: the tasks, their event and audit entry in one statement (one round trip, no transaction). */
  private async enqueueAlone(rows: NewTask[], batch: string, actor: string): Promise<TaskRecord[]> {
    const now = this.clock.now();
    const { tasks, event } = await retryOnConflict(() => enqueueStandalone(this.db, rows, `task/${batch}`, actor, now));
    if (event) this.onEvents([event]);
    return tasks;
  }

  private async enqueueWithEdges(rows: NewTask[], batch: string, actor: string): Promise<TaskRecord[]> {
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const inserted = await insertTasks(tx, rows, now);
        return {
          result: inserted,
          audits: inserted.length > 0 ? [{ actor, action: 'task.enqueue', target: `task/${batch}`, summary: enqueuedSummary(inserted) }] : [],
          events: inserted.length > 0 ? [{ topic: 'task.enqueued', key: `task/${batch}`, payload: enqueuedPayload(inserted, actor) }] : [],
        };
      },
      this.onEvents,
    );
    return result;
  }

  private async byIdempotencyKey(key: string): Promise<TaskRecord | undefined> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM tasks WHERE idempotency_key = $1', [key]);
    return rows[0] ? getTask(this.db, rows[0].id) : undefined;
  }

  list(raw: unknown): Promise<TaskRecord[]> {
    const q = parse(TaskListQuery, raw, 'task query');
    return listTasks(this.db, { status: q.status, journeyId: q.journey, handler: q.handler, kind: q.kind, before: q.before, limit: q.limit });
  }

  async get(id: string): Promise<TaskRecord> {
    const t = await getTask(this.db, id);
    if (!t) throw new AppError('OW_NOT_FOUND', `No task with id ${id}`);
    return t;
  }

  /** A person completes (or declines) a human task that is waiting for them. */
  async complete(id: string, raw: unknown, actor: string): Promise<TaskRecord> {
    const input = parse(CompleteTaskInput, raw, 'completion');
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const peek = await getTask(tx, id);
        if (!peek) throw new AppError('OW_NOT_FOUND', `No task with id ${id}`);
        if (peek.journeyId) await lockJourney(tx, peek.journeyId);
        const task = await lockTask(tx, id);
        if (!task) throw new AppError('OW_NOT_FOUND', `No task with id ${id}`);
        if (task.kind !== 'human') throw new AppError('OW_CONFLICT', `Task ${id} is automated: its handler '${task.handler}' completes it`);
        if (task.status !== 'pending') throw new AppError('OW_CONFLICT', `Task ${id} is ${task.status}; only a pending human task can be completed`);
        if (task.waitingOn > 0) throw new AppError('OW_CONFLICT', `Task ${id} is waiting on ${task.waitingOn} task(s) it depends on`);
        if (input.outcome === 'failed') {
          const reason = input.reason ?? 'declined';
          const failed = await failHuman(tx, id, `declined by ${actor}: ${reason}`, now);
          if (!failed) throw new AppError('OW_CONFLICT', `Task ${id} changed concurrently`);
          return {
            result: failed,
            audits: [{ actor, action: 'task.decline', target: id, summary: `declined human task "${failed.name}": ${reason}` }],
            events: [{ topic: TASK_TOPICS.failed, key: taskEventKey(failed), payload: taskEventPayload(failed, { error: `declined: ${reason}`, completedBy: actor }) }, ...(await recomputeUnits(tx, [failed.unitId], now))],
          };
        }
        const problem = task.outputSchema ? outputSchemaProblem(task.outputSchema, input.output) : null;
        if (problem) throw new AppError('OW_VALIDATION', problem, [{ pointer: '/output', message: problem }]);
        const out = await commitSuccess(tx, this.defs, task, { human: actor }, input.output, now);
        if (!out.task) throw new AppError('OW_CONFLICT', `Task ${id} changed concurrently`);
        return { result: out.task, audits: out.audits, events: out.events };
      },
      this.onEvents,
    );
    return result;
  }

  /** An operator retries a task: the request must say why (RetryTaskInput); the reason goes into the audit entry. */
  async retryWithReason(id: string, raw: unknown, actor: string): Promise<TaskRecord> {
    const { reason } = parse(RetryTaskInput, raw, 'retry request');
    return this.retry(id, actor, reason);
  }

  /**
   * Runs a failed (dead-lettered) or cancelled task again, with a fresh retry budget. `reason` is the
   * operator's (retryWithReason); a dead-letter retry records its own audit without one.
   */
  async retry(id: string, actor: string, reason?: string): Promise<TaskRecord> {
    return this.operate(id, actor, async (tx, task, now) => {
      if (task.status !== 'failed' && task.status !== 'cancelled') throw new AppError('OW_CONFLICT', `Task ${id} is ${task.status}; only a failed or cancelled task can be retried`);
      const again = await retryManually(tx, id, now);
      if (!again) throw new AppError('OW_CONFLICT', `Task ${id} changed concurrently`);
      if (again.ready) await notifyTasksReady(tx);
      const unitEvents = await recomputeUnits(tx, [again.unitId], now);
      const why = reason === undefined ? '' : `: ${reason}`;
      return {
        task: again,
        action: 'task.retry',
        summary: `retried ${task.status} task "${task.name}"${why} (last error: ${task.lastError ?? 'none'})`,
        events: [{ topic: 'task.retried', key: taskEventKey(again), payload: taskEventPayload(again, { previousStatus: task.status, actor, ...(reason === undefined ? {} : { reason }) }) }, ...unitEvents],
      };
    });
  }

  async cancel(id: string, raw: unknown, actor: string): Promise<TaskRecord> {
    const { reason } = parse(CancelTaskInput, raw, 'cancellation');
    return this.operate(id, actor, async (tx, task, now) => {
      const cancelled = await cancelTask(tx, id, `cancelled by ${actor}: ${reason}`, now);
      if (!cancelled) throw new AppError('OW_CONFLICT', `Task ${id} is ${task.status}; only a pending or running task can be cancelled`);
      const unitEvents = await recomputeUnits(tx, [cancelled.unitId], now);
      return { task: cancelled, action: 'task.cancel', summary: `cancelled task "${task.name}": ${reason}`, events: [{ topic: TASK_TOPICS.cancelled, key: taskEventKey(cancelled), payload: taskEventPayload(cancelled, { reason, actor }) }, ...unitEvents] };
    });
  }

  private async operate(
    id: string,
    actor: string,
    change: (tx: Queryable, task: TaskRecord, now: Date) => Promise<{ task: TaskRecord; action: string; summary: string; events: NewEvent[] }>,
  ): Promise<TaskRecord> {
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const peek = await getTask(tx, id);
        if (!peek) throw new AppError('OW_NOT_FOUND', `No task with id ${id}`);
        if (peek.journeyId) await lockJourney(tx, peek.journeyId);
        const task = await lockTask(tx, id);
        if (!task) throw new AppError('OW_NOT_FOUND', `No task with id ${id}`);
        const done = await change(tx, task, now);
        const settled = done.task.journeyId ? await settleJourney(tx, this.defs, now, done.task.journeyId, {}, done.events) : { events: [] };
        return { result: done.task, audits: [{ actor, action: done.action, target: id, summary: done.summary }], events: [...done.events, ...settled.events] };
      },
      this.onEvents,
    );
    return result;
  }

  async handlerList() {
    return this.handlers.list();
  }

  async registerWebhook(raw: unknown, actor: string): Promise<WebhookHandlerRecord> {
    const input = parse(WebhookHandlerInput, raw, 'webhook handler');
    if (this.handlers.isReserved(input.name)) throw new AppError('OW_CONFLICT', `'${input.name}' is a built-in handler`, [{ pointer: '/name', message: 'reserved name' }]);
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const saved = await upsertWebhookHandler(tx, { ...input, createdBy: actor }, now);
        const origin = new URL(saved.url).origin;
        return {
          result: withoutSecret(saved),
          audits: [{ actor, action: 'task.handler.register', target: saved.name, summary: `tasks with handler '${saved.name}' are POSTed to ${origin} (timeout ${saved.timeoutMs} ms)` }],
          events: [{ topic: 'task.handler.registered', key: saved.name, payload: { name: saved.name, origin, timeoutMs: saved.timeoutMs } }],
        };
      },
      this.onEvents,
    );
    this.handlers.invalidate();
    return result;
  }

  async removeWebhook(name: string, actor: string): Promise<void> {
    await commitEngineChange(
      this.db,
      this.clock,
      async (tx) => {
        if (!(await deleteWebhookHandler(tx, name))) throw new AppError('OW_NOT_FOUND', `No webhook handler named '${name}'`);
        return { result: undefined, audits: [{ actor, action: 'task.handler.remove', target: name, summary: `removed webhook handler '${name}'` }], events: [{ topic: 'task.handler.removed', key: name, payload: { name } }] };
      },
      this.onEvents,
    );
    this.handlers.invalidate();
  }
}

// Committing what happened to a task, inside the caller's transaction: completion (dependants
// released, unit updated, reported metrics and beat events, the journey moved on when that
// follows) or a failed attempt (retry with backoff and jitter, or dead letter).
// Lock order everywhere: journey row, then task rows, then unit rows, so writers never deadlock.
import { toEventName } from '../core/journey/from-sequence';
import { TASK_TOPICS } from '../core/journey/topics';
import { METRIC_PATTERN } from '../core/journey/criterion';
import { isBuiltinMetric } from '../core/journey/builtin-metrics';
import { nextAttempt } from '../core/work/retry-policy';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { lockJourney } from '../store/journey-states-repo';
import { completeHuman, completeLeased, deadLetterLeased, notifyTasksReady, releaseDependants, retryLeased, type Lease, type TaskRecord } from '../store/task-repo';
import type { AuditEntry } from '../store/audit-repo';
import { settleJourney, type AutomaticTransition } from './journey-automation';
import type { JourneyDefinitions } from './journey-definitions';
import { recomputeUnits } from './task-units';

export interface OutcomeResult {
  /** The task after the change; undefined when the lease was lost (another worker has it now). */
  task: TaskRecord | undefined;
  events: NewEvent[];
  audits: AuditEntry[];
  transitions: AutomaticTransition[];
}

export function taskEventPayload(t: TaskRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { journeyId: t.journeyId, stage: t.stage, unitId: t.unitId, taskId: t.id, handler: t.handler, attempt: t.attempt, ...extra };
}

export function taskEventKey(t: TaskRecord): string {
  return t.journeyId ?? t.id;
}

/** Metrics a result reports (`output.metrics`): finite numbers under metric names; anything else is ignored. */
export function reportedMetrics(output: Record<string, unknown>): Record<string, number> | undefined {
  const m = output.metrics;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const values = Object.fromEntries(Object.entries(m).filter(([k, v]) => METRIC_PATTERN.test(k) && !isBuiltinMetric(k) && typeof v === 'number' && Number.isFinite(v)));
  return Object.keys(values).length > 0 ? (values as Record<string, number>) : undefined;
}

export async function commitSuccess(
  tx: Queryable,
  defs: JourneyDefinitions,
  task: TaskRecord,
  how: { lease: Lease } | { human: string },
  output: Record<string, unknown>,
  now: Date,
): Promise<OutcomeResult> {
  if (task.journeyId) await lockJourney(tx, task.journeyId);
  const done = 'lease' in how ? await completeLeased(tx, how.lease, output, now) : await completeHuman(tx, task.id, output, now);
  if (!done) return { task: undefined, events: [], audits: [], transitions: [] };
  const key = taskEventKey(done);
  const startedMs = done.attemptStartedAt ? now.getTime() - Date.parse(done.attemptStartedAt) : null;
  const events: NewEvent[] = [
    { topic: TASK_TOPICS.completed, key, payload: taskEventPayload(done, { ...('lease' in how ? { worker: how.lease.owner, durationMs: startedMs } : { completedBy: how.human }) }) },
  ];
  if (done.dependants > 0) {
    const released = await releaseDependants(tx, done.id, now);
    if (released.some((t) => t.ready && t.kind === 'automated')) await notifyTasksReady(tx);
  }
  const metrics = reportedMetrics(output);
  if (metrics && done.journeyId) {
    events.push({ topic: 'journey.metrics.reported', key, payload: { journeyId: done.journeyId, stage: done.stage, metrics, source: 'task', taskId: done.id, actor: 'lease' in how ? `worker:${how.lease.owner}` : how.human } });
  }
  if (done.emits) {
    events.push({ topic: `beat.${toEventName(done.emits)}`, key, payload: taskEventPayload(done, { event: done.emits, output }) });
  }
  events.push(...(await recomputeUnits(tx, [done.unitId], now)));
  const audits: AuditEntry[] = 'human' in how ? [{ actor: how.human, action: 'task.complete', target: done.id, summary: `completed human task "${done.name}"` }] : [];
  if (!done.journeyId) return { task: done, events, audits, transitions: [] };
  const settled = await settleJourney(tx, defs, now, done.journeyId, { emitted: done.emits, metricsChanged: metrics !== undefined }, events);
  return { task: done, events: [...events, ...settled.events], audits, transitions: settled.transitions };
}

/**
 * A failed attempt: retried after a backoff drawn with the injected `random`, or dead-lettered
 * when the retries are spent. `immediate` retries without backoff (a crashed worker is not the task's fault);
 * `journeyLocked`: the caller already holds the journey's row lock in this transaction.
 */
export async function commitFailure(
  tx: Queryable,
  task: TaskRecord,
  lease: Lease,
  error: string,
  now: Date,
  random: number,
  options: { immediate?: boolean; journeyLocked?: boolean } = {},
): Promise<OutcomeResult> {
  if (task.journeyId && !options.journeyLocked) await lockJourney(tx, task.journeyId);
  const decision = nextAttempt(task.retry, Math.max(1, lease.attempt), random, error);
  if (!decision.deadLetter) {
    const waitMs = options.immediate ? 0 : decision.retryAfterMs;
    const runAt = new Date(now.getTime() + waitMs);
    const again = await retryLeased(tx, lease, error, runAt, now);
    if (!again) return { task: undefined, events: [], audits: [], transitions: [] };
    if (waitMs === 0) await notifyTasksReady(tx);
    const payload = taskEventPayload(again, { attempt: lease.attempt, error, retryNumber: decision.retryNumber, retryInMs: waitMs, runAt: runAt.toISOString(), worker: lease.owner });
    return { task: again, events: [{ topic: TASK_TOPICS.attemptFailed, key: taskEventKey(again), payload }], audits: [], transitions: [] };
  }
  const dead = await deadLetterLeased(tx, lease, decision.reason, now);
  if (!dead) return { task: undefined, events: [], audits: [], transitions: [] };
  const events: NewEvent[] = [{ topic: TASK_TOPICS.failed, key: taskEventKey(dead), payload: taskEventPayload(dead, { error: decision.reason, worker: lease.owner }) }];
  events.push(...(await recomputeUnits(tx, [dead.unitId], now)));
  const audits: AuditEntry[] = [{ actor: `worker:${lease.owner}`, action: 'task.dead_letter', target: dead.id, summary: `dead-lettered task "${dead.name}": ${decision.reason}` }];
  return { task: dead, events, audits, transitions: [] };
}

// Dead letters for operators: list them by queue, journey and error text; retry one (the task
// service's retry) or all matching a filter in one audited change; purge matching ones with a typed
// confirmation and a reason (refused in read-only mode), keeping each purged task in purged_tasks.
// Both bulk actions offer a dry run that shows what would be touched and changes nothing.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BULK_LIMIT, deadLetterFilterSchema, describeFilter, expectedConfirmations, purgeInputSchema, purgeProblems, retryAllInputSchema, type DeadLetterFilter } from '../core/ops/purge-plan';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db, Queryable } from '../store/db';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { lockJourney } from '../store/journey-states-repo';
import { countDeadLetters, deadLetterJourneys, insertPurged, listDeadLetters, listPurged, lockDeadLetters, markPurged, type PurgedTask } from '../store/queue-dead-letters-repo';
import { notifyTasksReady, retryManually, type TaskRecord } from '../store/task-repo';
import type { Clock } from './clock';
import { settleJourney } from './journey-automation';
import type { JourneyDefinitions } from './journey-definitions';
import { commitEngineChange } from './task-commit';
import { taskEventKey, taskEventPayload } from './task-outcomes';
import type { TaskService } from './task-service';
import { recomputeUnits } from './task-units';

export const DeadLetterQuery = deadLetterFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(parsed.error.issues));
  return parsed.data;
}

export interface BulkOutcome {
  dryRun: boolean;
  filter: DeadLetterFilter;
  /** Dead letters matching the filter (before the change). */
  matched: number;
  /** Tasks changed (0 in a dry run). */
  changed: number;
  /** What to type to confirm a purge of what matched. */
  confirmWith: string[];
  /** The first matching dead letters (up to 50): what is or would be touched. */
  sample: Array<{ id: string; queue: string; journeyId: string | null; lastError: string | null; attempts: number }>;
  purgeId?: string;
}

const sampleOf = (tasks: readonly TaskRecord[]) => tasks.slice(0, 50).map((t) => ({ id: t.id, queue: t.handler, journeyId: t.journeyId, lastError: t.lastError, attempts: t.totalAttempts }));

export class DeadLetterService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly defs: JourneyDefinitions,
    private readonly tasks: TaskService,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  async list(raw: unknown): Promise<{ items: TaskRecord[]; total: number; nextBefore: number | null }> {
    const q = parse(DeadLetterQuery, raw, 'dead-letter query');
    const { limit, before, ...filter } = q;
    const [items, total] = await Promise.all([listDeadLetters(this.db, filter, limit, before), countDeadLetters(this.db, filter)]);
    return { items, total, nextBefore: items.length === limit ? (items.at(-1)?.seq ?? null) : null };
  }

  /** One dead letter run again: the task service's retry (fresh retry budget, audited). */
  retryOne(id: string, actor: string): Promise<TaskRecord> {
    return this.tasks.retry(id, actor);
  }

  purged(limit: number, queue?: string): Promise<PurgedTask[]> {
    return listPurged(this.db, limit, queue);
  }

  /** Locks the journeys of matching dead letters, then the dead letters themselves (the engine's lock order). */
  private async lockMatching(tx: Queryable, filter: DeadLetterFilter, limit: number): Promise<TaskRecord[]> {
    for (const j of await deadLetterJourneys(tx, filter)) await lockJourney(tx, j);
    return lockDeadLetters(tx, filter, limit);
  }

  private async settle(tx: Queryable, changed: readonly TaskRecord[], events: NewEvent[], now: Date): Promise<NewEvent[]> {
    const unitEvents = await recomputeUnits(tx, changed.map((t) => t.unitId), now);
    const all = [...events, ...unitEvents];
    const settled: NewEvent[] = [];
    for (const j of [...new Set(changed.map((t) => t.journeyId).filter((x): x is string => x !== null))].sort()) {
      settled.push(...(await settleJourney(tx, this.defs, now, j, {}, all)).events);
    }
    return [...all, ...settled];
  }

  /** Every dead letter matching the filter runs again, in one change with one audit entry. */
  async retryAll(raw: unknown, actor: string, opts: { dryRun?: boolean; readOnly?: boolean } = {}): Promise<BulkOutcome> {
    if (opts.readOnly && !opts.dryRun) throw new AppError('OW_READ_ONLY', 'Destructive actions are disabled on this server (OW_READ_ONLY): dead letters cannot be retried in bulk');
    const { filter } = parse(retryAllInputSchema, raw, 'retry request');
    if (opts.dryRun) return this.preview(filter);
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const matched = await countDeadLetters(tx, filter);
        if (matched > BULK_LIMIT) throw new AppError('OW_VALIDATION', `${matched} dead letters match ${describeFilter(filter)}; narrow the filter to at most ${BULK_LIMIT}`, [{ pointer: '/filter', message: 'too many dead letters match' }]);
        const locked = await this.lockMatching(tx, filter, BULK_LIMIT);
        const retried: TaskRecord[] = [];
        for (const t of locked) {
          const again = await retryManually(tx, t.id, now);
          if (again) retried.push(again);
        }
        if (retried.some((t) => t.ready)) await notifyTasksReady(tx);
        const events = await this.settle(tx, retried, retried.map((t) => ({ topic: 'task.retried', key: taskEventKey(t), payload: taskEventPayload(t, { previousStatus: 'failed', actor, bulk: true }) })), now);
        const outcome: BulkOutcome = { dryRun: false, filter, matched, changed: retried.length, confirmWith: expectedConfirmations(filter, matched), sample: sampleOf(locked) };
        return {
          result: outcome,
          audits: retried.length > 0 ? [{ actor, action: 'dead-letter.retry-all', target: filter.queue ?? 'dead-letters', summary: `retried ${retried.length} dead letter(s) of ${describeFilter(filter)}`, details: { filter, count: retried.length, taskIds: retried.slice(0, 100).map((t) => t.id) } }] : [],
          events,
        };
      },
      this.onEvents,
    );
    return result;
  }

  /**
   * Purges matching dead letters: refused (nothing changed) in read-only mode, without a reason, or
   * unless `confirm` is the queue's name or the number that match. Each purged task is kept as it was
   * in purged_tasks, cancelled in the task table, and the purge is one audit entry with its count.
   */
  async purge(raw: unknown, actor: string, opts: { dryRun?: boolean; readOnly?: boolean } = {}): Promise<BulkOutcome> {
    if (opts.readOnly && !opts.dryRun) throw new AppError('OW_READ_ONLY', 'Destructive actions are disabled on this server (OW_READ_ONLY): dead letters cannot be purged');
    const input = parse(purgeInputSchema, raw, 'purge request');
    if (opts.dryRun) return this.preview(input.filter);
    const reason = input.reason?.trim() ?? '';
    const { result } = await commitEngineChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const matched = await countDeadLetters(tx, input.filter);
        const problems = purgeProblems(input, matched, false);
        if (problems.length > 0) throw new AppError('OW_VALIDATION', `The purge was refused: ${problems.map((p) => p.message).join('; ')}`, problems);
        const locked = await this.lockMatching(tx, input.filter, matched);
        const purgeId = `purge_${randomBytes(6).toString('hex')}`;
        await insertPurged(tx, purgeId, locked, actor, reason, now);
        const purged = await markPurged(tx, locked.map((t) => t.id), `purged by ${actor}: ${reason}`, now);
        const events = await this.settle(tx, purged, [
          { topic: 'queue.dead_letters.purged', key: input.filter.queue ?? 'dead-letters', payload: { purgeId, queue: input.filter.queue ?? null, filter: input.filter, count: purged.length, reason, actor, taskIds: purged.slice(0, 100).map((t) => t.id) } },
          ...purged.map((t) => ({ topic: 'task.purged', key: taskEventKey(t), payload: taskEventPayload(t, { purgeId, reason, actor }) })),
        ], now);
        const outcome: BulkOutcome = { dryRun: false, filter: input.filter, matched, changed: purged.length, confirmWith: expectedConfirmations(input.filter, matched), sample: sampleOf(locked), purgeId };
        return {
          result: outcome,
          audits: [{ actor, action: 'dead-letter.purge', target: input.filter.queue ?? 'dead-letters', summary: `purged ${purged.length} dead letter(s) of ${describeFilter(input.filter)}: ${reason}`, details: { purgeId, filter: input.filter, count: purged.length, reason, taskIds: purged.slice(0, 100).map((t) => t.id) } }],
          events,
        };
      },
      this.onEvents,
    );
    return result;
  }

  private async preview(filter: DeadLetterFilter): Promise<BulkOutcome> {
    const [matched, first] = await Promise.all([countDeadLetters(this.db, filter), listDeadLetters(this.db, filter, 50)]);
    return { dryRun: true, filter, matched, changed: 0, confirmWith: expectedConfirmations(filter, matched), sample: sampleOf(first) };
  }
}

// Group commit of finished tasks: while one completion transaction runs, the next finished tasks
// queue up and are committed together in the following one (one UPDATE … FROM unnest and one
// multi-row event insert), instead of a transaction per task. Only tasks whose completion touches
// nothing else qualify: outside journeys and units, nothing depending on them, no beat to emit.
import { TASK_TOPICS } from '../core/journey/topics';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { completeLeasedBatchWithEvents, type TaskRecord } from '../store/task-repo';
import type { Clock } from './clock';
import { retryOnConflict } from './task-commit';
import { reportedMetrics } from './task-outcomes';

interface Pending {
  task: TaskRecord;
  output: Record<string, unknown>;
  started: Date;
  resolve: (completed: boolean) => void;
  reject: (err: unknown) => void;
}

/** Most completions per transaction: keeps one commit short even when thousands finish at once. */
const MAX_BATCH = 256;

export function completesAlone(task: TaskRecord, output: Record<string, unknown>): boolean {
  return task.journeyId === null && task.unitId === null && task.dependants === 0 && task.emits === null && reportedMetrics(output) === undefined;
}

export class CompletionBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly owner: string,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  /** Resolves once the completion is committed: true, or false when its lease was lost. `started`: when the handler began. */
  complete(task: TaskRecord, output: Record<string, unknown>, started: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, output, started, resolve, reject });
      if (this.flushing) return;
      // Tasks claimed together finish within a few ticks: wait one turn of the event loop so they share the first commit too.
      this.flushing = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          // The completions and their task.completed events are one statement: one round trip per batch.
          const now = this.clock.now();
          const done = await retryOnConflict(() => completeLeasedBatchWithEvents(this.db, this.owner, batch.map((p) => ({ id: p.task.id, attempt: p.task.attempt, output: p.output, started: p.started })), now));
          if (done.length > 0) this.onEvents(done.map(({ event }) => ({ ...event, topic: TASK_TOPICS.completed, createdAt: now.toISOString() })));
          const completed = new Set(done.map((d) => d.taskId));
          for (const p of batch) p.resolve(completed.has(p.task.id));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

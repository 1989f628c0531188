// The durable timer of human tasks: a ready human task nobody completed by its due instant (stored
// with the task, so it survives restarts) fails as timed out; the sweep of any worker fires it.
import { TASK_TOPICS } from '../core/journey/topics';
import { HUMAN_TIMEOUT_REASON } from '../core/work/unit-of-work';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { lockJourney } from '../store/journey-states-repo';
import { overdueHumanTasks, timeOutHuman } from '../store/task-repo';
import type { Clock } from './clock';
import { commitEngineChange } from './task-commit';
import { taskEventKey, taskEventPayload } from './task-outcomes';
import { recomputeUnits } from './task-units';

/** Fails every overdue human task (up to `limit` per call), each in its own transaction; returns how many. */
export async function timeOutOverdueHumanTasks(db: Db, clock: Clock, onEvents: (events: StoredEvent[]) => void, limit = 100): Promise<number> {
  const overdue = await overdueHumanTasks(db, clock.now(), limit);
  let failed = 0;
  for (const candidate of overdue) {
    const { result } = await commitEngineChange(
      db,
      clock,
      async (tx, now) => {
        if (candidate.journeyId) await lockJourney(tx, candidate.journeyId);
        // The guard re-checks under the lock: a person who completed it meanwhile wins.
        const t = await timeOutHuman(tx, candidate.id, HUMAN_TIMEOUT_REASON, now);
        if (!t) return { result: false };
        return {
          result: true,
          audits: [{ actor: 'system:timer', action: 'task.timed_out', target: t.id, summary: `human task "${t.name}" was not completed in time (due after ${t.retry.timeoutMs} ms)` }],
          events: [{ topic: TASK_TOPICS.failed, key: taskEventKey(t), payload: taskEventPayload(t, { error: HUMAN_TIMEOUT_REASON, dueInMs: t.retry.timeoutMs }) }, ...(await recomputeUnits(tx, [t.unitId], now))],
        };
      },
      onEvents,
    );
    if (result) failed++;
  }
  return failed;
}

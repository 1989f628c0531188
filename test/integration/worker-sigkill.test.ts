// A worker process killed with SIGKILL in the middle of a task loses nothing: once its lease
// expires another worker process takes the task and finishes it, and the task's effect (a row
// keyed by its idempotency key) is applied once although the handler ran twice.
import { describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import { systemClock } from '../../src/engine/clock';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';
import { readEvents } from '../../src/store/events-repo';
import { listEffects } from '../../src/store/task-handlers-repo';
import { getTask } from '../../src/store/task-repo';
import { startOw } from '../helpers/cli';
import { createPgDatabase } from '../helpers/databases';
import { until } from '../helpers/until';

const LEASE_MS = 2_000;
const SWEEP_MS = 300;

describe('a worker killed with SIGKILL mid-task on PostgreSQL', () => {
  it('another worker finishes the task after the lease expires, applying its effect once', async () => {
    const url = await createPgDatabase();
    const db = await openPostgres(url, { max: 3 });
    const children: ChildProcess[] = [];
    try {
      await migrate(db);
      const env = { DATABASE_URL: url, OW_TASK_LEASE_MS: String(LEASE_MS), OW_TASK_SWEEP_MS: String(SWEEP_MS), OW_TASK_POLL_MS: '200' };
      const local = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
      // The handler applies its effect, then holds for 3 s: the kill lands after the effect, before the result.
      const [task] = await local.tasks.enqueue({ tasks: [{ key: 'provision', handler: 'record-effect', input: { holdMs: 3_000 }, retry: { maxRetries: 3, baseDelayMs: 0 } }] }, 'test');
      const first = await startOw(['worker'], /joined postgres/, env);
      children.push(first.child);
      const running = await until('the first worker to apply the effect', async () => {
        const [effect] = await listEffects(db, [task!.idempotencyKey]);
        const t = await getTask(db, task!.id);
        return effect && t?.status === 'running' ? t : undefined;
      });
      const killedWorker = running.leaseOwner!;
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;
      // Every lease the dead worker will ever hold was computed by now: none runs out later than one lease from here.
      const deadAt = Date.now();
      // The lease's final expiry, read from the row (latest value seen: a renewal on the wire at the kill may land after it).
      let expiresAt = Date.parse(running.leaseExpiresAt!);
      const readExpiry = async () => {
        const t = await getTask(db, task!.id);
        if (t?.status === 'running' && t.leaseOwner === killedWorker && t.leaseExpiresAt) expiresAt = Math.max(expiresAt, Date.parse(t.leaseExpiresAt));
      };
      await readExpiry();

      const second = await startOw(['worker'], /joined postgres/, env);
      children.push(second.child);
      // The second worker could not sweep before it ran: from then on, one sweep interval.
      const joinedAt = Date.now();
      const done = await until('another worker to complete the task', async () => {
        await readExpiry();
        const t = await getTask(db, task!.id);
        return t?.status === 'completed' ? t : undefined;
      });
      expect(done).toMatchObject({ totalAttempts: 2, output: { firstRun: false, runs: 2 } });
      expect(await listEffects(db, [task!.idempotencyKey])).toEqual([{ idempotencyKey: task!.idempotencyKey, taskId: task!.id, runs: 2 }]);
      const events = (await readEvents(db, { key: task!.id, limit: 100 })).map((e) => ({ topic: e.topic, worker: e.payload.worker, error: e.payload.error }));
      expect(events.map((e) => e.topic)).toEqual(['task.started', 'task.attempt_failed', 'task.started', 'task.completed']);
      expect(events[1]!.error).toContain(`lease expired: worker ${killedWorker}`);
      expect(events[3]!.worker).not.toBe(killedWorker);
      // Picked up within one lease plus one sweep, on the database's timestamps: the lease ran out within one
      // lease of the kill, and the sweep (its 'lease expired' event) came within one sweep interval of the
      // later of that and the second worker's start, plus 5 s for a loaded two-core machine where event loops
      // stall for seconds (a worker that never sweeps would never take the task back: the wait above times out).
      const swept = (await readEvents(db, { key: task!.id, limit: 100 })).find((e) => e.topic === 'task.attempt_failed')!;
      expect(expiresAt).toBeLessThanOrEqual(deadAt + LEASE_MS);
      expect(Date.parse(swept.createdAt)).toBeGreaterThanOrEqual(expiresAt);
      expect(Date.parse(swept.createdAt) - Math.max(expiresAt, joinedAt)).toBeLessThanOrEqual(SWEEP_MS + 5_000);
      expect(await second.stop('SIGTERM')).toBe(0);
    } finally {
      for (const c of children) c.kill('SIGKILL');
      await db.close();
    }
  }, 120_000);
});

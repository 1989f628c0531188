// The running loop on both drivers, in real time: NOTIFY wakes an idle worker long before its poll,
// the heartbeat keeps a task longer than its lease from being taken back, and a stop gives the
// leases of unfinished tasks back so another worker runs them at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { systemClock } from '../../src/engine/clock';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import type { TaskWorkerOptions } from '../../src/engine/task-worker';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { until } from '../helpers/until';

function runtime(db: Db, worker: Partial<TaskWorkerOptions>): JourneyRuntime {
  return new JourneyRuntime({ db, clock: systemClock, kind: 'worker', onEvents: () => undefined, worker, env: {} });
}

describe.each(DRIVERS)('the task loop on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('an idle worker is woken by NOTIFY, not by its (one-minute) poll', async () => {
    const rt = runtime(db, { pollMs: 60_000, sweepMs: 60_000 });
    await rt.start();
    try {
      await new Promise((r) => setTimeout(r, 200));
      const [task] = await rt.tasks.enqueue({ tasks: [{ key: 'wake', handler: 'noop' }] }, 't');
      const t0 = Date.now();
      await until('the task to complete', async () => ((await rt.tasks.get(task!.id)).status === 'completed' ? true : undefined), 5_000);
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      await rt.stop();
    }
  });

  it('the heartbeat renews the lease of a task that runs longer than the lease', async () => {
    const a = runtime(db, { leaseMs: 400, heartbeatMs: 100, sweepMs: 100, pollMs: 100 });
    const b = runtime(db, { leaseMs: 400, heartbeatMs: 100, sweepMs: 100, pollMs: 100 });
    await a.start();
    const [task] = await a.tasks.enqueue({ tasks: [{ key: 'long', handler: 'sleep', input: { ms: 1_500 }, retry: { maxRetries: 2, timeoutMs: 10_000 } }] }, 't');
    await until('the task to start', async () => ((await a.tasks.get(task!.id)).status === 'running' ? true : undefined));
    // A second worker sweeps all along: it must find nothing expired.
    await b.start();
    try {
      const done = await until('the task to complete', async () => {
        const t = await a.tasks.get(task!.id);
        return t.status === 'completed' ? t : undefined;
      });
      expect(done.totalAttempts).toBe(1);
      expect(b.worker!.stats.swept).toBe(0);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('stopping gives the leases of unfinished tasks back; another worker runs them without waiting for expiry', async () => {
    const a = runtime(db, { leaseMs: 60_000, shutdownGraceMs: 100, pollMs: 100 });
    await a.start();
    const [task] = await a.tasks.enqueue({ tasks: [{ key: 'interrupted', handler: 'sleep', input: { ms: 30_000 }, retry: { maxRetries: 0, timeoutMs: 60_000 } }] }, 't');
    await until('the task to start', async () => ((await a.tasks.get(task!.id)).status === 'running' ? true : undefined));
    await a.stop();
    const released = await a.tasks.get(task!.id);
    expect(released).toMatchObject({ status: 'pending', attempt: 0, leaseOwner: null, lastError: expect.stringContaining('the worker stopped before the task finished') });
    expect((await readEvents(db, { key: task!.id, limit: 10 })).map((e) => e.topic)).toEqual(['task.started', 'task.released']);
    const b = runtime(db, { pollMs: 100 });
    // No retry budget was spent: maxRetries 0, yet it runs again (and is cancelled here to end the test quickly).
    await b.start();
    try {
      await until('another worker to take it', async () => ((await b.tasks.get(task!.id)).leaseOwner === b.worker!.id ? true : undefined));
      await b.tasks.cancel(task!.id, { reason: 'end of test' }, 't');
    } finally {
      await b.stop();
    }
  });
});

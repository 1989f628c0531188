// The queue overview's cheap reads give the same figures as the full scans they replaced, on both
// drivers: live counts through the 0012 indexes vs one GROUP BY over every task, and the last hour's
// activity from the sampler's minutes plus the edges from events vs the whole hour from events.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueService } from '../../src/engine/queue-service';
import type { Db } from '../../src/store/db';
import { insertSamples, liveTaskQueues, liveTaskQueuesByScan, taskActivity, type LiveQueueRow } from '../../src/store/queue-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const HANDLERS = ['alpha', 'beta', 'gamma', 'delta'];
const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
const T0 = Date.parse('2026-05-04T10:00:00Z');

const taskArb = fc.record({
  handler: fc.constantFrom(...HANDLERS),
  status: fc.constantFrom(...STATUSES),
  waiting: fc.boolean(),
  dead: fc.boolean(),
  readyOffsetMs: fc.option(fc.integer({ min: -3_600_000, max: 0 }), { nil: null }),
  createdOffsetMs: fc.integer({ min: -7_200_000, max: 0 }),
});

const eventArb = fc.record({
  handler: fc.constantFrom(...HANDLERS),
  topic: fc.constantFrom('task.completed', 'task.attempt_failed', 'task.failed', 'task.enqueued'),
  offsetMs: fc.integer({ min: -3_900_000, max: 0 }),
});

const byName = (rows: LiveQueueRow[]) => [...rows].sort((a, b) => (a.queue < b.queue ? -1 : 1)).map((r) => ({ ...r, oldestReadyAt: r.oldestReadyAt?.getTime() ?? null }));

describe.each(DRIVERS)('queue figures on %s', (driver) => {
  let db: Db;
  let run = 0;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('live counts through the indexes equal the full scan (all queues and one)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(taskArb, { maxLength: 40 }), async (tasks) => {
        run += 1;
        await db.query('DELETE FROM tasks');
        for (const [i, t] of tasks.entries()) {
          await db.query(
            `INSERT INTO tasks (id, key, name, handler, agent, kind, status, max_retries, retry, waiting_on, run_at, idempotency_key, created_at, ready_at, dead_lettered_at, updated_at)
             VALUES ($1, $1, $1, $2, $2, 'automated', $3, 0, '{}', $4, $5, $1, $5, $6, $7, $5)`,
            [`r${run}-${i}`, t.handler, t.status, t.waiting ? 1 : 0, new Date(T0 + t.createdOffsetMs), t.readyOffsetMs === null ? null : new Date(T0 + t.readyOffsetMs), t.dead ? new Date(T0) : null],
          );
        }
        expect(byName(await liveTaskQueues(db))).toEqual(byName(await liveTaskQueuesByScan(db)));
        for (const h of HANDLERS) expect(byName(await liveTaskQueues(db, h))).toEqual(byName(await liveTaskQueuesByScan(db, h)));
      }),
      { numRuns: 15 },
    );
  });

  it("the last hour's activity from samples plus edge events equals the hour counted from events", async () => {
    const now = new Date(T0 + 25_500);
    const queues = new QueueService(db, { now: () => now }, 'cli', async () => new Set(HANDLERS));
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 60 }),
        // Which minutes the sampler wrote: a contiguous run (start, length) inside the hour, or a gap.
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        async (events, start, length, gap) => {
          await db.query('DELETE FROM events');
          await db.query('DELETE FROM queue_samples');
          for (const e of events) {
            await db.query('INSERT INTO events (id, topic, key, payload, created_at) VALUES ((SELECT COALESCE(max(id), 0) + 1 FROM events), $1, $2, $3, $4)', [e.topic, 'k', JSON.stringify({ handler: e.handler }), new Date(T0 + e.offsetMs)]);
          }
          // Samples summed by the sampler's own query for each chosen minute (a gap leaves one out).
          const lastComplete = Math.floor(now.getTime() / 60_000) * 60_000 - 60_000;
          const minutes = Array.from({ length: Math.min(length, 60 - start) }, (_, i) => lastComplete - (start + i) * 60_000).filter((_, i) => !(gap && i === 1));
          for (const m of minutes) {
            const activity = await taskActivity(db, new Date(m), new Date(m + 60_000));
            await insertSamples(db, [...activity].map(([queue, a]) => ({ queue, at: new Date(m).toISOString(), depth: 0, running: 0, oldestAgeMs: 0, completed: a.completed, failed: a.failed, deadLettered: a.deadLettered })));
          }
          const expected = await taskActivity(db, new Date(now.getTime() - 3_600_000), new Date(now.getTime() + 1));
          const got = await queues.lastHour(now);
          const norm = (m: Map<string, { completed: number; failed: number; deadLettered: number }>) =>
            Object.fromEntries([...m].filter(([, a]) => a.completed + a.failed + a.deadLettered > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
          expect(norm(got)).toEqual(norm(expected));
        },
      ),
      { numRuns: 15 },
    );
  });
});

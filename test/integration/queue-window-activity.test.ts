// The queue overview's hour of activity read in one statement (windowActivity) follows the plan
// activityPlan states, on both drivers: the samples are made to differ from the events (ten times the
// counts), so the figures show which source each minute came from, and they must equal the plan applied
// in parts (the sampled run from samples, the edges from events; a gap or no samples: all from events).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MINUTE_MS } from '../../src/core/ops/queue-stats';
import { activityPlan } from '../../src/engine/queue-service';
import type { Db } from '../../src/store/db';
import { insertSamples, sampleActivity, sampledMinutes, taskActivity, windowActivity, type WindowActivity } from '../../src/store/queue-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const HANDLERS = ['alpha', 'beta', 'gamma'];
const T0 = Date.parse('2026-05-04T10:00:00Z');
const eventArb = fc.record({
  handler: fc.constantFrom(...HANDLERS),
  topic: fc.constantFrom('task.completed', 'task.attempt_failed', 'task.failed', 'task.enqueued'),
  offsetMs: fc.integer({ min: -3_900_000, max: 0 }),
});

function sum(parts: Array<Map<string, WindowActivity>>): Record<string, WindowActivity> {
  const total = new Map<string, WindowActivity>();
  for (const p of parts) {
    for (const [q, a] of p) {
      const had = total.get(q) ?? { completed: 0, failed: 0, deadLettered: 0 };
      total.set(q, { completed: had.completed + a.completed, failed: had.failed + a.failed, deadLettered: had.deadLettered + a.deadLettered });
    }
  }
  return Object.fromEntries([...total].filter(([, a]) => a.completed + a.failed + a.deadLettered > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe.each(DRIVERS)('hour of queue activity in one statement on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('equals activityPlan applied in parts, whichever minutes were sampled', async () => {
    const now = new Date(T0 + 25_500);
    const from = new Date(now.getTime() - 3_600_000);
    const to = new Date(now.getTime() + 1);
    const sampledFrom = new Date(Math.ceil(from.getTime() / SAMPLE_MINUTE_MS) * SAMPLE_MINUTE_MS);
    const sampledTo = new Date(Math.floor(now.getTime() / SAMPLE_MINUTE_MS) * SAMPLE_MINUTE_MS);
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { maxLength: 50 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), async (events, start, length, gap) => {
        await db.query('DELETE FROM events');
        await db.query('DELETE FROM queue_samples');
        for (const e of events) {
          await db.query('INSERT INTO events (id, topic, key, payload, created_at) VALUES ((SELECT COALESCE(max(id), 0) + 1 FROM events), $1, $2, $3, $4)', [e.topic, 'k', JSON.stringify({ handler: e.handler }), new Date(T0 + e.offsetMs)]);
        }
        const lastComplete = sampledTo.getTime() - SAMPLE_MINUTE_MS;
        const minutes = Array.from({ length: Math.min(length, 60 - start) }, (_, i) => lastComplete - (start + i) * SAMPLE_MINUTE_MS).filter((_, i) => !(gap && i === 1));
        for (const m of minutes) {
          const a = await taskActivity(db, new Date(m), new Date(m + SAMPLE_MINUTE_MS));
          // Ten times the events' counts, plus one completion: a minute read from its sample shows it.
          await insertSamples(db, [...a, ['alpha', { completed: 0, failed: 0, deadLettered: 0 }] as const].map(([queue, x]) => ({ queue, at: new Date(m).toISOString(), depth: 0, running: 0, oldestAgeMs: 0, completed: x.completed * 10 + 1, failed: x.failed * 10, deadLettered: x.deadLettered * 10 })));
        }
        const plan = activityPlan(from, to, await sampledMinutes(db, sampledFrom, sampledTo));
        const expected = sum([...(plan.samples ? [await sampleActivity(db, plan.samples.from, plan.samples.to)] : []), ...(await Promise.all(plan.events.map((w) => taskActivity(db, w.from, w.to))))]);
        expect(sum([await windowActivity(db, { from, to, sampledFrom, sampledTo }, SAMPLE_MINUTE_MS)])).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});

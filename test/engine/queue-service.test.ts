// Queue figures and the per-minute sampler on both drivers: live depth and failures per handler,
// one sample per queue and minute however many samplers run, registered queues, the flow between queues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { QueueService } from '../../src/engine/queue-service';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { TestClock, journeyRuntime, rows } from './journey-helpers';

describe.each(DRIVERS)('queue service on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  let queues: QueueService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock(Date.parse('2026-03-02T09:00:10.000Z'));
    jr = journeyRuntime(db, clock);
    queues = new QueueService(db, clock, 'cli', () => jr.handlers.names());
  });
  afterAll(async () => {
    await db.close();
  });

  it('reports depth, failures and throughput per handler, and samples each minute once', async () => {
    await jr.tasks.enqueue({ tasks: [{ key: 'a', handler: 'echo' }, { key: 'b', handler: 'echo' }, { key: 'c', handler: 'fail-n-times', input: { failures: 5 }, retry: { maxRetries: 1, baseDelayMs: 0 } }] }, 'tester');
    await jr.tasks.enqueue({ tasks: [{ key: 'later', handler: 'echo', runAt: '2026-03-02T10:00:00.000Z' }] }, 'tester');
    expect((await queues.list()).find((q) => q.name === 'echo')).toMatchObject({ depth: 3, running: 0, oldestAgeMs: 0 });
    clock.advance(2_000);
    await jr.worker!.drain();
    await jr.worker!.drain();
    const list = await queues.list();
    expect(list.find((q) => q.name === 'echo')).toMatchObject({ source: 'tasks', depth: 1, lastHour: { completed: 2, failed: 0, failureRate: 0 } });
    expect(list.find((q) => q.name === 'fail-n-times')).toMatchObject({ depth: 0, deadLetters: 1, lastHour: { completed: 0, failed: 2, failureRate: 1 } });

    clock.advance(60_000);
    const racing = await Promise.all([queues.sampleOnce(), queues.sampleOnce(), new QueueService(db, clock, 'cli', async () => new Set()).sampleOnce()]);
    expect(racing.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await queues.sampleOnce()).toBe(0);
    const samples = await rows<{ queue: string; at: Date; completed: number; failed: number; dead_lettered: number; depth: number }>(db, 'SELECT queue, at, completed, failed, dead_lettered, depth FROM queue_samples ORDER BY queue');
    expect(samples.map((s) => [s.queue, s.at.toISOString(), s.completed, s.failed, s.dead_lettered, s.depth])).toEqual([
      ['echo', '2026-03-02T09:00:00.000Z', 2, 0, 0, 1],
      ['fail-n-times', '2026-03-02T09:00:00.000Z', 0, 2, 1, 0],
    ]);

    const detail = await queues.get('echo', 5);
    expect(detail.series).toHaveLength(5);
    expect(detail.series.at(-1)).toMatchObject({ at: '2026-03-02T09:00:00.000Z', completed: 2, depth: 1 });
  });

  it('prunes samples older than seven days', async () => {
    await db.query("INSERT INTO queue_samples (queue, at, depth, running, oldest_age_ms, completed, failed, dead_lettered) VALUES ('old', '2026-02-20T00:00:00Z', 1, 0, 0, 0, 0, 0)");
    clock.advance(60_000);
    expect(await queues.sampleOnce()).toBeGreaterThan(0);
    expect(await rows(db, "SELECT 1 FROM queue_samples WHERE queue = 'old'")).toEqual([]);
  });

  it('includes registered queues, answers 404 for unknown ones and an empty known handler', async () => {
    queues.register('tickets.waiting', async (_q, w) => ({ depth: 7, oldestAgeMs: w.now.getTime() - Date.parse('2026-03-02T08:00:00Z'), completed: 3 }), 'tickets waiting for an agent');
    expect((await queues.list()).find((q) => q.name === 'tickets.waiting')).toMatchObject({ source: 'registered', depth: 7, description: 'tickets waiting for an agent', lastHour: { completed: 3 } });
    expect(await queues.get('tickets.waiting')).toMatchObject({ depth: 7 });
    await expect(queues.get('no-such-queue')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    expect(await queues.get('sleep')).toMatchObject({ depth: 0, running: 0 });
    clock.advance(60_000);
    await queues.sampleOnce();
    expect(await rows(db, "SELECT depth FROM queue_samples WHERE queue = 'tickets.waiting'")).toEqual([{ depth: 7 }]);
  });

  it('shows tasks moving along dependencies between queues', async () => {
    await jr.tasks.enqueue({ tasks: [{ key: 'up', handler: 'noop' }, { key: 'down', handler: 'echo', dependsOn: ['up'] }, { key: 'down2', handler: 'echo', dependsOn: ['up', 'down'] }] }, 'tester');
    const flow = await queues.flow();
    expect(flow.edges).toEqual(expect.arrayContaining([{ from: 'noop', to: 'echo', moved: 0, waiting: 2 }, { from: 'echo', to: 'echo', moved: 0, waiting: 1 }]));
    clock.advance(3_600_000);
    await jr.worker!.drain();
    await jr.worker!.drain();
    await jr.worker!.drain();
    const after = await queues.flow();
    expect(after.edges).toEqual(expect.arrayContaining([{ from: 'noop', to: 'echo', moved: 2, waiting: 0 }]));
    expect(after.mermaid).toMatch(/\nflowchart LR\n/);
  });
});

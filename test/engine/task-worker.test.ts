// The task runtime on both drivers: batches claimed with SKIP LOCKED, retries with backoff and
// injected jitter, dead letters and manual retries, timeouts, output schemas, leases taken back
// from a crashed worker, idempotent effects, and two workers sharing one queue without overlap.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { completeLeased, listTasks } from '../../src/store/task-repo';
import { listEffects } from '../../src/store/task-handlers-repo';
import { DRIVERS, createPgDatabase, openTestDb } from '../helpers/databases';
import { TestClock, journeyRuntime, rows } from './journey-helpers';

describe.each(DRIVERS)('task runtime on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock();
    jr = journeyRuntime(db, clock, { leaseMs: 30_000 });
  });
  afterAll(async () => {
    await db.close();
  });
  afterEach(async () => {
    // Nothing a test leaves ready may run in the next one.
    for (const t of await listTasks(db, { status: 'pending', limit: 1000 })) await jr.tasks.cancel(t.id, { reason: 'end of test' }, 'test');
  });

  const eventsOf = async (taskId: string) => (await readEvents(db, { key: taskId, limit: 100 })).map((e) => [e.topic, e.payload.attempt]);

  it('retries a failing task after a backoff drawn with the injected jitter, then completes it', async () => {
    const [task] = await jr.tasks.enqueue({ tasks: [{ key: 'flaky', handler: 'fail-n-times', input: { failures: 2 }, retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60_000 } }] }, 'tester');
    expect(await jr.worker!.drain()).toBe(1);
    let t = await jr.tasks.get(task!.id);
    // random() = 0.5: the first retry waits floor(0.5 × 1000) ms.
    expect(t).toMatchObject({ status: 'pending', attempt: 1, lastError: 'planned failure 1 of 2', runAt: new Date(clock.t + 500).toISOString() });
    expect(await jr.worker!.drain()).toBe(0);
    clock.advance(500);
    expect(await jr.worker!.drain()).toBe(1);
    t = await jr.tasks.get(task!.id);
    expect(t.runAt).toBe(new Date(clock.t + 1000).toISOString());
    clock.advance(1000);
    expect(await jr.worker!.drain()).toBe(1);
    t = await jr.tasks.get(task!.id);
    expect(t).toMatchObject({ status: 'completed', attempt: 3, totalAttempts: 3, output: { succeededOnAttempt: 3 }, lastError: null });
    expect(await eventsOf(task!.id)).toEqual([
      ['task.started', 1],
      ['task.attempt_failed', 1],
      ['task.started', 2],
      ['task.attempt_failed', 2],
      ['task.started', 3],
      ['task.completed', 3],
    ]);
  });

  it('dead-letters a task whose retries are spent, lists it, and an operator retry runs it again', async () => {
    const [task] = await jr.tasks.enqueue({ tasks: [{ key: 'doomed', handler: 'fail-n-times', input: { failures: 2, message: 'agent unreachable' }, retry: { maxRetries: 1, baseDelayMs: 0 } }] }, 'tester');
    await jr.worker!.drain();
    await jr.worker!.drain();
    const dead = await jr.tasks.get(task!.id);
    expect(dead).toMatchObject({ status: 'failed', attempt: 2, lastError: 'gave up after 2 failed attempts (max retries 1); last error: agent unreachable' });
    expect(dead.deadLetteredAt).toBe(clock.now().toISOString());
    expect((await jr.tasks.list({ status: 'dead_lettered' })).map((x) => x.id)).toContain(task!.id);
    expect((await listAudit(db, { target: task!.id, limit: 5 })).map((a) => a.action)).toEqual(['task.dead_letter']);
    await expect(jr.tasks.retry((await jr.tasks.enqueue({ tasks: [{ key: 'fine', handler: 'noop' }] }, 't'))[0]!.id, 'op')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    await jr.worker!.drain();

    const again = await jr.tasks.retry(task!.id, 'operator-olga');
    expect(again).toMatchObject({ status: 'pending', attempt: 0, totalAttempts: 2, deadLetteredAt: null });
    await jr.worker!.drain();
    expect(await jr.tasks.get(task!.id)).toMatchObject({ status: 'completed', totalAttempts: 3, output: { succeededOnAttempt: 3 } });
    expect((await listAudit(db, { target: task!.id, limit: 5 })).map((a) => [a.actor, a.action])).toEqual([['operator-olga', 'task.retry'], ['worker:' + jr.worker!.id, 'task.dead_letter']]);
  });

  it('fails an attempt that outlives its timeout, and a result that breaks the declared output schema', async () => {
    const [slow, wrong] = await jr.tasks.enqueue(
      {
        tasks: [
          { key: 'slow', handler: 'sleep', input: { ms: 10_000 }, retry: { maxRetries: 0, timeoutMs: 100 } },
          { key: 'wrong', handler: 'echo', input: { count: 'three' }, retry: { maxRetries: 0 }, outputSchema: { type: 'object', properties: { count: { type: 'number' } }, required: ['count'] } },
        ],
      },
      'tester',
    );
    const started = Date.now();
    await jr.worker!.drain();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await jr.tasks.get(slow!.id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('timed out after 100 ms') });
    const w = await jr.tasks.get(wrong!.id);
    expect(w.status).toBe('failed');
    expect(w.lastError).toMatch(/does not match the task's output schema: \/count /);
  });

  it('refuses a batch with an unknown handler or a dependency cycle, naming it, and stores nothing', async () => {
    const before = await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM tasks');
    await expect(jr.tasks.enqueue({ tasks: [{ key: 'a', handler: 'no-such-agent' }] }, 't')).rejects.toMatchObject({ code: 'OW_UNKNOWN_HANDLER', status: 422, errors: [{ pointer: '/tasks/0/handler', message: "unknown handler 'no-such-agent'" }] });
    const cyclic = jr.tasks.enqueue({ tasks: [{ key: 'a', handler: 'noop', dependsOn: ['b'] }, { key: 'b', handler: 'noop', dependsOn: ['c'] }, { key: 'c', handler: 'noop', dependsOn: ['a'] }] }, 't');
    await expect(cyclic).rejects.toMatchObject({ code: 'OW_DEPENDENCY_CYCLE', status: 422, errors: [{ pointer: '/tasks/0/dependsOn', message: 'dependency cycle: a → b → c → a' }] });
    await expect(jr.tasks.enqueue({ tasks: [{ key: 'a', handler: 'noop', dependsOn: ['zz'] }] }, 't')).rejects.toMatchObject({ errors: [{ pointer: '/tasks/0/dependsOn/0' }] });
    expect(await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM tasks')).toEqual(before);
  });

  it('runs a task graph in dependency order and enqueueing the same idempotency key twice is a no-op', async () => {
    const batch = { tasks: [{ key: 'second', handler: 'echo', input: { n: 2 }, dependsOn: ['first'] }, { key: 'first', handler: 'echo', input: { n: 1 }, idempotencyKey: 'order-77-first' }] };
    const [second, first] = await jr.tasks.enqueue(batch, 't');
    expect(second).toMatchObject({ ready: false, waitingOn: 1 });
    expect(await jr.worker!.drain({ max: 1 })).toBe(1);
    expect((await jr.tasks.get(first!.id)).status).toBe('completed');
    expect((await jr.tasks.get(second!.id)).status).toBe('pending');
    await jr.worker!.drain();
    expect((await jr.tasks.get(second!.id)).status).toBe('completed');
    const again = await jr.tasks.enqueue({ tasks: [{ key: 'first', handler: 'echo', idempotencyKey: 'order-77-first' }] }, 't');
    expect(again.map((t) => t.id)).toEqual([first!.id]);
    expect(await rows(db, "SELECT id FROM tasks WHERE idempotency_key = 'order-77-first'")).toHaveLength(1);
  });

  it('takes back the task of a worker that stopped renewing its lease; the late result is refused and the effect is applied once', async () => {
    const crashed = journeyRuntime(db, clock, { leaseMs: 5_000 });
    const [task] = await jr.tasks.enqueue({ tasks: [{ key: 'effect', handler: 'record-effect', retry: { maxRetries: 2 } }] }, 't');
    // The crashed worker claimed the task and applied the effect, then vanished before committing.
    const [claimed] = await crashed.worker!.claim(1);
    expect(claimed).toMatchObject({ id: task!.id, status: 'running', leaseOwner: crashed.worker!.id });
    await rows(db, "INSERT INTO task_effects (idempotency_key, task_id, runs, first_at, last_at) VALUES ($1, $2, 1, $3, $3)", [claimed!.idempotencyKey, claimed!.id, clock.now()]);
    expect(await jr.worker!.sweep()).toBe(0);
    clock.advance(5_001);
    expect(await jr.worker!.sweep()).toBe(1);
    expect(await jr.tasks.get(task!.id)).toMatchObject({ status: 'pending', leaseOwner: null, lastError: expect.stringContaining(`lease expired: worker ${crashed.worker!.id}`) });
    await jr.worker!.drain();
    expect(await jr.tasks.get(task!.id)).toMatchObject({ status: 'completed', totalAttempts: 2, output: { firstRun: false, runs: 2 } });
    expect(await db.transaction((tx) => completeLeased(tx, { id: task!.id, owner: crashed.worker!.id, attempt: 1 }, {}, clock.now()))).toBeUndefined();
    expect(await listEffects(db, [task!.idempotencyKey])).toEqual([{ idempotencyKey: task!.idempotencyKey, taskId: task!.id, runs: 2 }]);
  });

  it('one sweep takes back every expired lease a crashed worker held (claimed and prefetched alike), once each', async () => {
    const crashed = journeyRuntime(db, clock, { leaseMs: 5_000 });
    const tasks = await jr.tasks.enqueue({ tasks: Array.from({ length: 12 }, (_, i) => ({ key: `orphan${i}`, handler: 'noop', retry: { maxRetries: 2 } })) }, 't');
    expect(await crashed.worker!.claim(12)).toHaveLength(12);
    clock.advance(5_001);
    // Two sweepers at once (surviving workers): each orphan is taken back by exactly one of them.
    const other = journeyRuntime(db, clock, { leaseMs: 5_000 });
    const [a, b] = await Promise.all([jr.worker!.sweep(), other.worker!.sweep()]);
    expect(a + b).toBe(12);
    for (const t of tasks) {
      expect(await jr.tasks.get(t.id)).toMatchObject({ status: 'pending', leaseOwner: null });
      expect((await readEvents(db, { key: t.id, limit: 10 })).filter((e) => e.topic === 'task.attempt_failed')).toHaveLength(1);
    }
    expect(await jr.worker!.drain()).toBe(12);
  });

  it('a person declines a human task: it fails and its unit with it; a retry makes it wait again', async () => {
    const [human] = await jr.tasks.enqueue({ tasks: [{ key: 'approve', handler: 'approver', kind: 'human' }] }, 't');
    expect(await jr.worker!.drain()).toBe(0);
    expect((await jr.tasks.list({ status: 'waiting_for_person' })).map((t) => t.id)).toContain(human!.id);
    const declined = await jr.tasks.complete(human!.id, { outcome: 'failed', reason: 'budget not approved' }, 'vp');
    expect(declined).toMatchObject({ status: 'failed', lastError: 'declined by vp: budget not approved' });
    expect(await jr.tasks.retry(human!.id, 'vp')).toMatchObject({ status: 'pending', ready: true });
  });

  it('a human task nobody completes fails as timed out at its due instant (default 14 days), by the sweep’s durable timer', async () => {
    const HOUR = 3_600_000;
    const [quick, slow] = await jr.tasks.enqueue({ tasks: [{ key: 'sign-off', handler: 'cfo', kind: 'human', dueInMs: HOUR }, { key: 'review', handler: 'lead', kind: 'human' }] }, 't');
    expect(quick).toMatchObject({ dueAt: new Date(clock.t + HOUR).toISOString(), leaseExpiresAt: null, retry: { timeoutMs: HOUR } });
    expect(slow!.dueAt).toBe(new Date(clock.t + 14 * 24 * HOUR).toISOString());
    // A human task waiting on another is not due yet; its clock starts when it becomes ready.
    const [first, after] = await jr.tasks.enqueue({ tasks: [{ key: 'prep', handler: 'noop' }, { key: 'approve', handler: 'cfo', kind: 'human', dueInMs: HOUR, dependsOn: ['prep'] }] }, 't');
    expect(after!.dueAt).toBeNull();
    clock.advance(HOUR - 1);
    expect(await jr.worker!.drain()).toBe(1);
    expect((await jr.tasks.get(after!.id)).dueAt).toBe(new Date(clock.t + HOUR).toISOString());
    expect((await jr.tasks.get(first!.id)).status).toBe('completed');
    await jr.worker!.maintain();
    expect((await jr.tasks.get(quick!.id)).status).toBe('pending');
    clock.advance(2);
    await jr.worker!.maintain();
    expect(await jr.tasks.get(quick!.id)).toMatchObject({ status: 'failed', lastError: 'timed out', dueAt: null, finishedAt: new Date(clock.t).toISOString() });
    expect((await jr.tasks.get(slow!.id)).status).toBe('pending');
    expect((await jr.tasks.get(after!.id)).status).toBe('pending');
    expect((await readEvents(db, { key: quick!.id, limit: 10 })).map((e) => [e.topic, e.payload.error])).toEqual([['task.failed', 'timed out']]);
    expect((await listAudit(db, { target: quick!.id, limit: 10 })).map((a) => a.action)).toEqual(['task.timed_out']);
    await expect(jr.tasks.complete(quick!.id, {}, 'cfo')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    // A person who answers in time wins; the timer then has nothing to fire.
    await jr.tasks.complete(after!.id, { output: { ok: true } }, 'cfo');
    clock.advance(HOUR);
    await jr.worker!.maintain();
    expect((await jr.tasks.get(after!.id)).status).toBe('completed');
  });
});

describe('two worker processes on one PostgreSQL', () => {
  it('share 300 tasks through SKIP LOCKED: each runs exactly once, both do some', async () => {
    const url = await createPgDatabase();
    const a = await openPostgres(url, { max: 4 });
    const b = await openPostgres(url, { max: 4 });
    try {
      await migrate(a);
      const clock = new TestClock();
      const ra = journeyRuntime(a, clock, { concurrency: 8 });
      const rb = journeyRuntime(b, clock, { concurrency: 8 });
      const tasks = Array.from({ length: 300 }, (_, i) => ({ key: `t${i}`, handler: 'record-effect' }));
      await ra.tasks.enqueue({ tasks }, 'bench');
      const [ranA, ranB] = await Promise.all([ra.worker!.drain({ batch: 8 }), rb.worker!.drain({ batch: 8 })]);
      expect(ranA + ranB).toBe(300);
      expect(ranA).toBeGreaterThan(0);
      expect(ranB).toBeGreaterThan(0);
      const effects = await listEffects(a);
      expect(effects).toHaveLength(300);
      expect(effects.every((e) => e.runs === 1)).toBe(true);
      const completions = await rows<{ n: number }>(a, "SELECT count(*)::int AS n FROM events WHERE topic = 'task.completed'");
      expect(completions).toEqual([{ n: 300 }]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

// Prefetch on both drivers, in real time: a worker claims beyond its free slots (fewer, larger claims)
// yet runs no more handlers at once than its concurrency; a prefetched task's recorded start is its
// handler's; tasks that wait too long behind busy slots, or whose worker stops, are given back unstarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { systemClock } from '../../src/engine/clock';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import type { TaskWorkerOptions } from '../../src/engine/task-worker';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { until } from '../helpers/until';

/** A handler that holds every call until `open()`; it counts calls per task and the most running at once. */
function gate() {
  let release: () => void = () => undefined;
  let opened = new Promise<void>((r) => (release = r));
  const calls = new Map<string, number>();
  const state = { running: 0, most: 0, openedAt: 0 };
  return {
    state,
    calls,
    open() {
      state.openedAt = Date.now();
      release();
    },
    close() {
      opened = new Promise<void>((r) => (release = r));
    },
    handler: async (ctx: { taskId: string }) => {
      calls.set(ctx.taskId, (calls.get(ctx.taskId) ?? 0) + 1);
      state.running++;
      state.most = Math.max(state.most, state.running);
      try {
        await opened;
        return { ok: true };
      } finally {
        state.running--;
      }
    },
  };
}

function runtime(db: Db, worker: Partial<TaskWorkerOptions>, g: ReturnType<typeof gate>, name: string): JourneyRuntime {
  const rt = new JourneyRuntime({ db, clock: systemClock, kind: 'worker', onEvents: () => undefined, worker: { pollMs: 100, sweepMs: 60_000, ...worker }, env: {} });
  rt.handlers.register(name, g.handler);
  return rt;
}

describe.each(DRIVERS)('prefetching workers on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  const statuses = async (ids: string[]) =>
    db.query<{ id: string; status: string; attempt: number; total_attempts: number; lease_owner: string | null; attempt_started_at: Date | null }>(
      'SELECT id, status, attempt, total_attempts, lease_owner, attempt_started_at FROM tasks WHERE id = ANY($1::text[]) ORDER BY seq',
      [ids],
    );

  it('holds claimed tasks beyond its slots but runs at most `concurrency` handlers; a prefetched task starts when its handler does', async () => {
    const g = gate();
    const rt = runtime(db, { concurrency: 2, prefetch: 4, prefetchTtlMs: 60_000 }, g, 'gated-a');
    await rt.start();
    try {
      const tasks = await rt.tasks.enqueue({ tasks: Array.from({ length: 6 }, (_, i) => ({ key: `a${i}`, handler: 'gated-a' })) }, 't');
      const ids = tasks.map((t) => t.id);
      // All six claimed in the store, and the worker has the claim's answer (its two slots busy).
      await until('all six claimed and two started', async () => (g.state.running === 2 && (await statuses(ids)).every((t) => t.status === 'running') ? true : undefined), 15_000, 20);
      // Four more wait for a slot; give the worker time to (wrongly) start any of them.
      await new Promise((r) => setTimeout(r, 200));
      expect(g.state.running).toBe(2);
      g.open();
      await until('all six completed', async () => ((await statuses(ids)).every((t) => t.status === 'completed') ? true : undefined), 15_000, 20);
      expect(g.state.most).toBe(2);
      expect([...g.calls.values()]).toEqual([1, 1, 1, 1, 1, 1]);
      // Four waited in the worker until the gate opened: their recorded start is their handler's, not their claim's.
      const startedAfterOpen = (await statuses(ids)).filter((t) => t.attempt_started_at!.getTime() >= g.state.openedAt - 1);
      expect(startedAfterOpen.length).toBeGreaterThanOrEqual(4);
    } finally {
      await rt.stop();
    }
  });

  it('gives back prefetched tasks that wait past the TTL, unstarted, and another worker runs them; each runs once', async () => {
    const g = gate();
    const a = runtime(db, { concurrency: 1, prefetch: 3, prefetchTtlMs: 300 }, g, 'gated-b');
    await a.start();
    const b = runtime(db, { concurrency: 3, prefetch: 0 }, g, 'gated-b');
    try {
      const tasks = await a.tasks.enqueue({ tasks: Array.from({ length: 4 }, (_, i) => ({ key: `b${i}`, handler: 'gated-b' })) }, 't');
      const ids = tasks.map((t) => t.id);
      await until('one running on A and three given back', async () => {
        const rows = await statuses(ids);
        return rows.filter((t) => t.status === 'pending').length === 3 && rows.filter((t) => t.status === 'running').length === 1 ? rows : undefined;
      }, 15_000, 20);
      // Given back as if never claimed, each with a task.released event naming why.
      for (const t of (await statuses(ids)).filter((x) => x.status === 'pending')) {
        expect(t).toMatchObject({ attempt: 0, total_attempts: 0, lease_owner: null, attempt_started_at: null });
        const events = await readEvents(db, { key: t.id, limit: 10 });
        expect(events.map((e) => e.topic)).toEqual(['task.started', 'task.released']);
        expect(String(events[1]!.payload.reason)).toMatch(/not started within 300 ms/);
      }
      await b.start();
      await until('B running the three', async () => (g.state.running === 4 ? true : undefined), 15_000, 20);
      g.open();
      await until('all four completed', async () => ((await statuses(ids)).every((t) => t.status === 'completed') ? true : undefined), 15_000, 20);
      expect([...g.calls.values()]).toEqual([1, 1, 1, 1]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a stopping worker gives its prefetched tasks back at once, without waiting for the running one', async () => {
    const g = gate();
    const a = runtime(db, { concurrency: 1, prefetch: 2, prefetchTtlMs: 60_000, shutdownGraceMs: 60_000 }, g, 'gated-c');
    await a.start();
    const tasks = await a.tasks.enqueue({ tasks: Array.from({ length: 3 }, (_, i) => ({ key: `c${i}`, handler: 'gated-c' })) }, 't');
    const ids = tasks.map((t) => t.id);
    // Claimed in the store is not enough: the worker must have the claim's answer (one handler started).
    await until('all three claimed and one started', async () => (g.state.running === 1 && (await statuses(ids)).every((t) => t.status === 'running') ? true : undefined), 15_000, 20);
    const stopped = a.stop();
    await until('two given back while one still runs', async () => ((await statuses(ids)).filter((t) => t.status === 'pending').length === 2 ? true : undefined), 15_000, 20);
    expect(g.state.running).toBe(1);
    g.open();
    await stopped;
    const rows = await statuses(ids);
    expect(rows.filter((t) => t.status === 'completed')).toHaveLength(1);
    expect(rows.filter((t) => t.status === 'pending').every((t) => t.total_attempts === 0)).toBe(true);
    expect([...g.calls.values()]).toEqual([1]);
  });
});

describe('a commit that waits on postgres', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres');
  });
  afterAll(async () => {
    await db.close();
  });

  it('holds no slot: while a finished task\'s completion waits on a row lock, the worker claims and starts the next task', async () => {
    const g = gate();
    const rt = runtime(db, { concurrency: 1, prefetch: 0 }, g, 'gated-d');
    await rt.start();
    let unlock: () => void = () => undefined;
    let held: Promise<void> | undefined;
    try {
      const [first] = await rt.tasks.enqueue({ tasks: [{ key: 'd0', handler: 'gated-d' }] }, 't');
      await until('d0 running', async () => (g.state.running === 1 ? true : undefined), 15_000, 20);
      // Another session locks d0's row: the worker's completion of d0 must wait for it.
      let locked: () => void = () => undefined;
      const isLocked = new Promise<void>((r) => (locked = r));
      held = db.transaction(async (tx) => {
        await tx.query('SELECT id FROM tasks WHERE id = $1 FOR UPDATE', [first!.id]);
        locked();
        await new Promise<void>((r) => (unlock = r));
      });
      await isLocked;
      g.open();
      await until('d0 finished its handler', async () => (g.state.running === 0 ? true : undefined), 15_000, 20);
      const [second] = await rt.tasks.enqueue({ tasks: [{ key: 'd1', handler: 'gated-d' }] }, 't');
      await until('d1 started while d0 still waits to commit', async () => (g.calls.get(second!.id) === 1 ? true : undefined), 15_000, 20);
      expect((await db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [first!.id]))[0]!.status).toBe('running');
      unlock();
      await held;
      await until('both completed', async () => ((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1::text[]) AND status = 'completed'", [[first!.id, second!.id]]))[0]!.n === 2 ? true : undefined), 15_000, 20);
    } finally {
      unlock();
      await held;
      await rt.stop();
    }
  });
});

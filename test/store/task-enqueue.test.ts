// The one-statement enqueue of standalone tasks on both drivers: it stores what the transaction path
// stores (tasks, one task.enqueued event, one audit entry, both wake-ups), answers with the event as
// stored, and a repeated batch stores nothing at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../../src/core/work/retry-policy';
import { commitEngineChange } from '../../src/engine/task-commit';
import { listAudit } from '../../src/store/audit-repo';
import type { Db } from '../../src/store/db';
import { EVENTS_CHANNEL, readEvents } from '../../src/store/events-repo';
import { TASKS_CHANNEL } from '../../src/store/task-plans';
import { enqueueStandalone, insertTasks, type NewTask } from '../../src/store/task-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { until } from '../helpers/until';

const T0 = new Date('2026-04-01T08:00:00.000Z');
const clock = { now: () => T0 };

function batchOf(prefix: string, n: number): NewTask[] {
  // Handlers in a known first-appearance order: b, a, c.
  const handlers = ['b', 'a', 'b', 'c'];
  return Array.from({ length: n }, (_, i) => {
    const id = `task/${prefix}/${i}`;
    return { id, journeyId: null, unitId: null, stage: null, key: `k${i}`, name: `k${i}`, handler: handlers[i % 4]!, agent: handlers[i % 4]!, kind: 'automated', retry: DEFAULT_RETRY_POLICY, dependsOn: [], idempotencyKey: id, input: { i } };
  });
}

describe.each(DRIVERS)('one-statement enqueue on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores the tasks, their task.enqueued event and audit entry, and wakes workers and event readers', async () => {
    const heard: string[] = [];
    const offTasks = await db.listen(TASKS_CHANNEL, () => heard.push('tasks'));
    const offEvents = await db.listen(EVENTS_CHANNEL, (p) => heard.push(`events ${p.split(' ').slice(1).join(' ')}`));
    try {
      const { tasks, event } = await enqueueStandalone(db, batchOf('one', 60), 'task/one', 'ana', T0);
      expect(tasks.map((t) => t.id)).toEqual(batchOf('one', 60).map((t) => t.id));
      expect(tasks[0]).toMatchObject({ status: 'pending', ready: true, waitingOn: 0, createdAt: T0.toISOString(), dependsOn: [], input: { i: 0 } });
      const stored = await readEvents(db, { key: 'task/one', limit: 10 });
      expect(stored).toEqual([event]);
      expect(event).toMatchObject({ topic: 'task.enqueued', payload: { count: 60, actor: 'ana' } });
      expect(event!.payload.ids).toEqual(tasks.slice(0, 50).map((t) => t.id));
      const audit = await listAudit(db, { target: 'task/one', limit: 10 });
      expect(audit.map((a) => [a.actor, a.action, a.summary])).toEqual([['ana', 'task.enqueue', 'enqueued 60 task(s): b, a, c']]);
      await until('both wake-ups', async () => (heard.includes('tasks') && heard.includes('events task') ? true : undefined), 5_000, 10);
    } finally {
      await offTasks();
      await offEvents();
    }
  });

  it('writes what the transaction path writes for the same batch', async () => {
    const alone = await enqueueStandalone(db, batchOf('same-a', 7), 'task/same-a', 'ana', T0);
    const edges = await commitEngineChange(db, clock, async (tx, now) => {
      const inserted = await insertTasks(tx, batchOf('same-b', 7), now);
      return {
        result: inserted,
        audits: [{ actor: 'ana', action: 'task.enqueue', target: 'task/same-b', summary: `enqueued ${inserted.length} task(s): ${[...new Set(inserted.map((t) => t.handler))].join(', ')}` }],
        events: [{ topic: 'task.enqueued', key: 'task/same-b', payload: { count: inserted.length, ids: inserted.map((t) => t.id), actor: 'ana' } }],
      };
    });
    const strip = (t: { id: string; seq: number; idempotencyKey: string }) => ({ ...t, id: '', seq: 0, idempotencyKey: '' });
    expect(alone.tasks.map(strip)).toEqual(edges.result.map(strip));
    const [a] = await listAudit(db, { target: 'task/same-a', limit: 1 });
    const [b] = await listAudit(db, { target: 'task/same-b', limit: 1 });
    expect({ ...a, id: 0, target: '' }).toEqual({ ...b, id: 0, target: '' });
    const [ea] = await readEvents(db, { key: 'task/same-a', limit: 1 });
    const [eb] = await readEvents(db, { key: 'task/same-b', limit: 1 });
    expect(Object.keys(ea!.payload)).toEqual(Object.keys(eb!.payload));
    expect({ ...ea, id: 0, key: '', payload: { ...ea!.payload, ids: [] } }).toEqual({ ...eb, id: 0, key: '', payload: { ...eb!.payload, ids: [] } });
  });

  it('a batch whose keys are all stored already writes nothing: no task, event or audit entry', async () => {
    await enqueueStandalone(db, batchOf('again', 3), 'task/again-1', 'ana', T0);
    const count = async () => (await db.query<{ n: number }>("SELECT (SELECT count(*) FROM tasks) + (SELECT count(*) FROM events) + (SELECT count(*) FROM audit_log) AS n"))[0]!.n;
    const before = await count();
    const again = await enqueueStandalone(db, batchOf('again', 3), 'task/again-2', 'ana', T0);
    expect(again).toEqual({ tasks: [], event: undefined });
    expect(await count()).toBe(before);
  });

  it('refuses tasks with dependencies or a journey (they need the transaction path)', async () => {
    const [t] = batchOf('refused', 1);
    await expect(enqueueStandalone(db, [{ ...t!, dependsOn: ['x'] }], 'task/refused', 'ana', T0)).rejects.toThrow(/without dependencies/);
  });
});

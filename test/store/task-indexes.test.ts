// The journey and unit indexes of tasks hold only tasks that have a journey or a unit: queued
// standalone tasks add no entry to them (they cost every claim and completion), and lookups by a
// journey or a unit still find their index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../../src/core/work/retry-policy';
import type { Db } from '../../src/store/db';
import { claimTasks, completeLeasedBatch, insertTasks, type NewTask } from '../../src/store/task-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const T0 = new Date('2026-04-01T08:00:00.000Z');

function standalone(i: number): NewTask {
  const id = `task/idx/${i}`;
  return { id, journeyId: null, unitId: null, stage: null, key: `k${i}`, name: `k${i}`, handler: 'noop', agent: 'noop', kind: 'automated', retry: DEFAULT_RETRY_POLICY, dependsOn: [], idempotencyKey: id, input: {} };
}

describe.each(DRIVERS)('task indexes on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  const sizes = async () =>
    (await db.query<{ j: string; u: string; s: string }>("SELECT pg_relation_size('tasks_journey_idx') AS j, pg_relation_size('tasks_uow_idx') AS u, pg_relation_size('tasks_seq_idx') AS s"))[0]!;

  it('queued standalone tasks, claimed and completed, add nothing to the journey and unit indexes', async () => {
    const before = await sizes();
    const tasks = Array.from({ length: 2_000 }, (_, i) => standalone(i));
    await db.transaction((tx) => insertTasks(tx, tasks, T0));
    const claimed = await db.transaction((tx) => claimTasks(tx, 'w1', 2_000, T0, 30_000));
    expect(claimed).toHaveLength(2_000);
    const done = await db.transaction((tx) =>
      completeLeasedBatch(tx, 'w1', claimed.map((t) => ({ id: t.id, attempt: t.attempt, output: {} })), T0),
    );
    expect(done).toHaveLength(2_000);
    const after = await sizes();
    expect(Number(after.j)).toBe(Number(before.j));
    expect(Number(after.u)).toBe(Number(before.u));
    // The same rows did grow a full index, so the sizes above are not blind.
    expect(Number(after.s)).toBeGreaterThan(Number(before.s));
  });

  it.each([
    ['journey', 'SELECT id FROM tasks WHERE journey_id = $1 ORDER BY seq', 'tasks_journey_idx'],
    ['journey and stage', 'SELECT id FROM tasks WHERE journey_id = $1 AND stage = $2', 'tasks_journey_idx'],
    ['unit', 'SELECT id, status FROM tasks WHERE uow_id = $1 ORDER BY seq', 'tasks_uow_idx'],
  ])('a lookup by %s still reads its index', async (_what, sql, index) => {
    const plan = await db.withConnection(async (conn) => {
      // With sequential scans priced out, the plan names the index only if the index can answer the query at all.
      await conn.exec('SET enable_seqscan = off');
      try {
        const params = sql.includes('$2') ? "('j1', 'PILOT')" : "('j1')";
        await conn.exec(`PREPARE probe AS ${sql}`);
        const rows = await conn.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE probe${params}`);
        await conn.exec('DEALLOCATE probe');
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await conn.exec('RESET enable_seqscan');
      }
    });
    expect(plan).toContain(index);
  });
});

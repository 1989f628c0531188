// The task queue's SQL on both drivers: claims take only ready, due, automated tasks, never the
// same task twice (SKIP LOCKED across open transactions on PostgreSQL), outcomes need the lease,
// completions release dependants, and the sweep finds expired leases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { DEFAULT_RETRY_POLICY } from '../../src/core/work/retry-policy';
import {
  claimTasks,
  completeLeased,
  expiredLeases,
  getTask,
  insertTasks,
  releaseDependants,
  renewLeases,
  retryLeased,
  type NewTask,
} from '../../src/store/task-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';

const T0 = new Date('2026-04-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function task(id: string, extra: Partial<NewTask> = {}): NewTask {
  return { id, journeyId: null, unitId: null, stage: null, key: id, name: id, handler: 'noop', agent: 'noop', kind: 'automated', retry: DEFAULT_RETRY_POLICY, dependsOn: [], idempotencyKey: id, input: {}, ...extra };
}

describe.each(DRIVERS)('task repository on %s', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  it('claims only ready, due, automated tasks, in due order, and counts the attempt', async () => {
    await db.transaction((tx) =>
      insertTasks(tx, [task('r1'), task('later', { runAt: at(60_000) }), task('person', { kind: 'human' }), task('child', { dependsOn: ['r1'] }), task('r2')], T0),
    );
    const claimed = await db.transaction((tx) => claimTasks(tx, 'w1', 10, T0, 30_000));
    expect(claimed.map((t) => t.id).sort()).toEqual(['r1', 'r2']);
    expect(claimed[0]).toMatchObject({ status: 'running', attempt: 1, totalAttempts: 1, leaseOwner: 'w1', leaseExpiresAt: at(30_000).toISOString(), startedAt: T0.toISOString() });
    expect(await db.transaction((tx) => claimTasks(tx, 'w2', 10, T0, 30_000))).toEqual([]);
    expect((await db.transaction((tx) => claimTasks(tx, 'w2', 10, at(60_000), 30_000))).map((t) => t.id)).toEqual(['later']);
  });

  it('an outcome needs the lease: another worker, or a stale attempt, changes nothing', async () => {
    await db.transaction((tx) => insertTasks(tx, [task('guarded')], T0));
    const [mine] = await db.transaction((tx) => claimTasks(tx, 'w1', 1, T0, 30_000));
    expect(mine?.id).toBe('guarded');
    expect(await db.transaction((tx) => completeLeased(tx, { id: 'guarded', owner: 'w2', attempt: 1 }, {}, T0))).toBeUndefined();
    expect(await db.transaction((tx) => completeLeased(tx, { id: 'guarded', owner: 'w1', attempt: 2 }, {}, T0))).toBeUndefined();
    expect(await renewLeases(db, 'w2', ['guarded'], at(99_000))).toEqual([]);
    expect(await renewLeases(db, 'w1', ['guarded'], at(45_000))).toEqual(['guarded']);
    const retried = await db.transaction((tx) => retryLeased(tx, { id: 'guarded', owner: 'w1', attempt: 1 }, 'boom', at(5_000), T0));
    expect(retried).toMatchObject({ status: 'pending', lastError: 'boom', runAt: at(5_000).toISOString(), leaseOwner: null });
  });

  it('completing a task releases its dependants; the last dependency makes them ready', async () => {
    await db.transaction((tx) => insertTasks(tx, [task('p1'), task('p2'), task('joined', { dependsOn: ['p1', 'p2'] })], T0));
    expect(await getTask(db, 'joined')).toMatchObject({ waitingOn: 2, ready: false, dependsOn: ['p1', 'p2'] });
    const [a, b] = await db.transaction((tx) => claimTasks(tx, 'w1', 2, T0, 30_000));
    await db.transaction(async (tx) => {
      await completeLeased(tx, { id: a!.id, owner: 'w1', attempt: 1 }, {}, at(1_000));
      expect((await releaseDependants(tx, a!.id, at(1_000))).map((t) => [t.id, t.waitingOn])).toEqual([['joined', 1]]);
    });
    await db.transaction(async (tx) => {
      await completeLeased(tx, { id: b!.id, owner: 'w1', attempt: 1 }, {}, at(2_000));
      await releaseDependants(tx, b!.id, at(2_000));
    });
    expect(await getTask(db, 'joined')).toMatchObject({ waitingOn: 0, ready: true, readyAt: at(2_000).toISOString() });
    // A task that depends on an already completed task starts ready.
    await db.transaction((tx) => insertTasks(tx, [task('after-done', { dependsOn: ['p1'] })], at(3_000)));
    expect(await getTask(db, 'after-done')).toMatchObject({ waitingOn: 0, ready: true });
  });

  it('finds running tasks whose lease expired', async () => {
    await db.transaction((tx) => insertTasks(tx, [task('abandoned')], T0));
    await db.transaction((tx) => claimTasks(tx, 'ghost', 5, T0, 10_000));
    const expired = (await expiredLeases(db, at(10_001), 100)).map((t) => t.id);
    expect(expired).toContain('abandoned');
    expect((await expiredLeases(db, at(9_999), 100)).map((t) => t.id)).not.toContain('abandoned');
  });
});

describe('task repository on postgres with concurrent transactions', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres');
  });
  afterAll(async () => {
    await db.close();
  });

  it('two open transactions never claim the same task (SKIP LOCKED)', async () => {
    await db.transaction((tx) => insertTasks(tx, Array.from({ length: 6 }, (_, i) => task(`c${i}`, { runAt: at(-1_000) })), at(-1_000)));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstClaimed: string[] = [];
    const first = db.transaction(async (tx) => {
      firstClaimed = (await claimTasks(tx, 'wa', 3, at(-500), 30_000)).map((t) => t.id);
      await held;
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = (await db.transaction((tx) => claimTasks(tx, 'wb', 10, at(-500), 30_000))).map((t) => t.id);
    release();
    await first;
    expect(firstClaimed).toHaveLength(3);
    expect(second.filter((id) => id.startsWith('c'))).toHaveLength(3);
    expect(second.some((id) => firstClaimed.includes(id))).toBe(false);
  });
});

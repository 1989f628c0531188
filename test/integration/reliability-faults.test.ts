// Reliability on a real PostgreSQL: 5,000 tasks (OW_RELIABILITY_TASKS; 1,000 by default) over 4 `ow worker` processes under each fault in
// turn — a worker SIGKILLed mid-run, workers killed repeatedly, every worker's backend terminated,
// the pool exhausted by a slow handler. Every task completes, every effect is applied exactly once
// (one row per idempotency key under a unique constraint), and the workers recover by themselves.
// (PostgreSQL stopped and restarted mid-run: reliability-restart.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';
import { createPgDatabase } from '../helpers/databases';
import { allCompleted, completed, enqueueEffects, expectExactlyOnce, Fleet, LEASE_MS, prepareEffects, SWEEP_MS, TASKS, until, WORKERS } from './reliability-fleet';

describe(`${TASKS} tasks over 4 worker processes under faults`, () => {
  let db: Db;
  let fleet: Fleet;

  beforeAll(async () => {
    const url = await createPgDatabase();
    db = await openPostgres(url, { max: 3, applicationName: 'reliability-test' });
    await migrate(db);
    await prepareEffects(db);
    fleet = new Fleet(url);
    await fleet.spawn(WORKERS);
  }, 180_000);

  afterAll(async () => {
    await fleet?.stop();
    await db?.close();
  });

  it('a worker SIGKILLed mid-run: its tasks are taken back within one lease plus one sweep, each effect applied once', async () => {
    // A fresh prefix per attempt: a retried test must not find the first attempt's tasks done.
    const kill = `kill${Date.now()}`;
    await enqueueEffects(db, kill, { holdMs: 20 });
    await until('a fifth of the tasks to complete', async () => ((await completed(db, kill)) >= TASKS / 5 ? true : undefined));
    // The victim: a worker holding leases. Once it is dead, the tasks still running under its lease are orphans.
    const replacements: Array<Promise<unknown>> = [];
    let orphans: { leaseId: string; ids: string[]; killedAt: number } | undefined;
    while (!orphans) {
      const victim = await until('a worker holding leases', async () => {
        for (const w of fleet.alive()) {
          const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'running' AND lease_owner = $1", [w.leaseId]);
          if (rows[0]!.n > 0) return w;
        }
        return undefined;
      }, 60_000, 10);
      const killedAt = Date.now();
      await fleet.kill(victim);
      replacements.push(fleet.spawn(1));
      const rows = await db.query<{ id: string }>("SELECT id FROM tasks WHERE status = 'running' AND lease_owner = $1", [victim.leaseId]);
      if (rows.length > 0) orphans = { leaseId: victim.leaseId, ids: rows.map((r) => r.id), killedAt };
    }
    const dead = orphans;
    await until('the killed worker’s leases to be taken back', async () => {
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1::text[]) AND status = 'running' AND lease_owner = $2", [dead.ids, dead.leaseId]);
      return rows[0]!.n === 0 ? true : undefined;
    }, 30_000, 20);
    const takenBackMs = Date.now() - dead.killedAt;
    // Each orphan's lease ran out no later than one lease after the kill (the last renewal came before it)…
    const leases = await db.query<{ late: number }>(
      "SELECT max(extract(epoch FROM (e.created_at - $2::timestamptz)) * 1000)::int AS late FROM events e WHERE e.topic = 'task.attempt_failed' AND e.payload->>'taskId' = ANY($1::text[])",
      [dead.ids, new Date(dead.killedAt)],
    );
    // …and the sweep took it back within one lease plus one sweep of the kill, measured on the server's
    // own timestamps (3 s of slack for process scheduling on a loaded two-core machine).
    expect(leases[0]!.late).toBeLessThan(LEASE_MS + SWEEP_MS + 3_000);
    expect(takenBackMs).toBeLessThan(LEASE_MS + SWEEP_MS + 5_000);
    const swept = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE topic = 'task.attempt_failed' AND payload->>'error' LIKE $1", [`lease expired: worker ${dead.leaseId}%`]);
    expect(swept[0]!.n).toBe(dead.ids.length);
    console.info(`reliability: ${dead.ids.length} orphaned task(s) taken back ${takenBackMs} ms after the SIGKILL (lease ${LEASE_MS} ms, sweep ${SWEEP_MS} ms)`);
    await allCompleted(db, kill);
    const { reruns } = await expectExactlyOnce(db, kill);
    // The orphans ran again (after applying their effect, most of them): counted, never applied twice.
    expect(reruns).toBeLessThanOrEqual(dead.ids.length);
    await Promise.all(replacements);
    fleet.expectAllAlive();
  }, 240_000);

  it('workers killed again and again while replacements join: all complete, each effect once', async () => {
    await enqueueEffects(db, 'churn', { holdMs: 10 });
    const spawns: Array<Promise<unknown>> = [];
    for (let round = 0; round < 3; round++) {
      await until(`round ${round} progress`, async () => ((await completed(db, 'churn')) >= (TASKS / 5) * (round + 1) ? true : undefined));
      const victim = fleet.alive()[0]!;
      await fleet.kill(victim);
      spawns.push(fleet.spawn(1));
    }
    await allCompleted(db, 'churn');
    await expectExactlyOnce(db, 'churn');
    await Promise.all(spawns);
    fleet.expectAllAlive();
    expect(fleet.alive()).toHaveLength(WORKERS);
  }, 240_000);

  it('every worker backend terminated with pg_terminate_backend: workers reconnect (pool and LISTEN), all complete, each effect once', async () => {
    await enqueueEffects(db, 'terminate', { holdMs: 10 });
    await until('some progress', async () => ((await completed(db, 'terminate')) >= TASKS / 5 ? true : undefined));
    const terminated = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ('ow-worker', 'orchestration-wisdom-listen')) x",
    );
    expect(terminated[0]!.n).toBeGreaterThanOrEqual(WORKERS);
    await allCompleted(db, 'terminate');
    await expectExactlyOnce(db, 'terminate');
    fleet.expectAllAlive();
    // The LISTEN connections came back by themselves: one per worker again.
    await until('every worker to LISTEN again', async () => {
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'orchestration-wisdom-listen'");
      return rows[0]!.n === fleet.alive().length ? true : undefined;
    }, 30_000);
  }, 240_000);

  it('the connection pool exhausted by a slow handler: heartbeats and commits queue, nothing is lost or applied twice', async () => {
    // Each task holds two pooled connections for 400 ms: 8 slots want 16 of the pool's 10.
    await enqueueEffects(db, 'pool', { holdDbMs: 400, holdConnections: 2 });
    await allCompleted(db, 'pool', 200_000);
    await expectExactlyOnce(db, 'pool');
    fleet.expectAllAlive();
  }, 300_000);
});

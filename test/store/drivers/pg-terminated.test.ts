// A backend terminated under the PostgreSQL driver (pg_terminate_backend, a server restart) never
// becomes an unheard 'error' event that ends the process: the caller's next query fails instead,
// and the pool opens a fresh connection for the one after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/db';
import { openTestDb } from '../../helpers/databases';
import { until } from '../../helpers/until';

describe('terminated backends on postgres', () => {
  let db: Db;
  let admin: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres', { migrate: false });
    admin = await openTestDb('postgres', { migrate: false });
  });
  afterAll(async () => {
    await db.close();
    await admin.close();
  });

  const terminate = async (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
  const gone = (pid: number) => until(`backend ${pid} to end`, async () => ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length === 0 ? true : undefined), 10_000, 20);

  it('a connection held between queries: the next query on it fails, the process lives, the pool recovers', async () => {
    await expect(
      db.withConnection(async (conn) => {
        const [{ pid }] = (await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
        await terminate(pid);
        await gone(pid);
        // The FATAL arrived while no query ran on this connection: heard, not thrown at the process.
        await new Promise((r) => setTimeout(r, 100));
        await conn.query('SELECT $1::int AS one', [1]);
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT $1::int AS one', [1])).toEqual([{ one: 1 }]);
  });

  it('an idle pooled connection and a transaction’s connection, terminated: later statements still run', async () => {
    const [{ pid }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', [])) as [{ pid: number }];
    await terminate(pid);
    await gone(pid);
    await new Promise((r) => setTimeout(r, 100));
    await expect(
      db.transaction(async (tx) => {
        const [{ pid: txPid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', [])) as [{ pid: number }];
        await terminate(txPid);
        await gone(txPid);
        await new Promise((r) => setTimeout(r, 100));
        await tx.query('SELECT 1');
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT $1::int AS two', [2])).toEqual([{ two: 2 }]);
  });
});

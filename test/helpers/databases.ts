// Fresh databases for store and engine tests on both drivers: in-memory PGlite and a new
// database on the run's embedded PostgreSQL.
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/store/db';
import { openPglite } from '../../src/store/drivers/pglite-driver';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { migrate } from '../../src/store/migrate';

export const DRIVERS = ['pglite', 'postgres'] as const;
export type TestDriver = (typeof DRIVERS)[number];

/** Creates an empty PostgreSQL database and returns its URL. */
export async function createPgDatabase(): Promise<string> {
  const admin = inject('pgUrl');
  const name = `ow_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

let blankPglite: Promise<Blob | File> | undefined;

/** PGlite's initdb is slow; every in-memory test database starts from one blank cluster's dump. */
function blankPgliteDump(): Promise<Blob | File> {
  blankPglite ??= (async () => {
    const pg = await PGlite.create();
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    return dump;
  })();
  return blankPglite;
}

export async function openTestDb(driver: TestDriver, options: { migrate?: boolean } = {}): Promise<Db> {
  const db = driver === 'pglite' ? await openPglite(undefined, 'memory', { loadDataDir: await blankPgliteDump() }) : await openPostgres(await createPgDatabase(), { max: 5 });
  if (options.migrate !== false) await migrate(db);
  return db;
}

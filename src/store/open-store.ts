// Opens the configured store: PostgreSQL when a DATABASE_URL is given, else PGlite in the data directory.
import { join } from 'node:path';
import type { Db } from './db';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { openPglite } from './drivers/pglite-driver';
import { openPostgres } from './drivers/pg-driver';
import { migrate, type MigrationReport } from './migrate';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
  /** What the process is (`serve`, `worker`, `token`), shown to a second process that finds the directory locked. */
  command: string;
  poolSize?: number;
}

export interface OpenedStore {
  db: Db;
  migrations: MigrationReport;
  lock?: DataDirLock;
  close(): Promise<void>;
}

export async function openStore(config: StoreConfig, now: () => Date = () => new Date()): Promise<OpenedStore> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl, { max: config.poolSize ?? 10, applicationName: `ow-${config.command}` });
    try {
      const migrations = await migrate(db);
      return { db, migrations, close: () => db.close() };
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  const lock = await lockDataDir(config.dataDir, config.command, now);
  let db: Db | undefined;
  try {
    db = await openPglite(join(config.dataDir, 'pg'), config.dataDir);
    const migrations = await migrate(db);
    const opened = db;
    return {
      db: opened,
      migrations,
      lock,
      async close() {
        await opened.close();
        await lock.release();
      },
    };
  } catch (err) {
    if (db) await db.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { loadMigrations, migrate, migrationStatus } from '../../src/store/migrate';
import { DRIVERS, openTestDb } from '../helpers/databases';

describe.each(DRIVERS)('migrations on %s', (driver) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('applies every migration once, in order, and records them', async () => {
    db = await openTestDb(driver, { migrate: false });
    const first = await migrate(db);
    const all = loadMigrations();
    expect(first.applied.map((m) => m.version)).toEqual(all.map((m) => m.version));
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(await migrationStatus(db)).toEqual({ current: all.at(-1)?.version, latest: all.at(-1)?.version, pending: 0 });
    const tables = await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.map((r) => r.t)).toEqual(expect.arrayContaining(['api_tokens', 'audit_log', 'events', 'ow_schema_migrations']));
  });

  it('refuses a database written by a newer schema and changes nothing', async () => {
    db = await openTestDb(driver);
    await db.query("INSERT INTO ow_schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x')");
    const before = await db.query('SELECT version FROM ow_schema_migrations ORDER BY version');
    const future = [...loadMigrations(), { version: 10_000, name: 'never', sql: 'CREATE TABLE must_not_exist (x int)', checksum: 'y' }];
    await expect(migrate(db, future.slice(0, -1))).rejects.toThrow(/newer version .*schema 9999.*nothing was changed/);
    expect(await db.query('SELECT version FROM ow_schema_migrations ORDER BY version')).toEqual(before);
  });

  it('rolls back a failing migration and names it', async () => {
    db = await openTestDb(driver);
    const bad = [...loadMigrations(), { version: 9000, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT * FROM no_such_table;', checksum: 'z' }];
    await expect(migrate(db, bad)).rejects.toThrow(/Migration 9000_broken failed/);
    const exists = await db.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
    expect(exists[0]?.t).toBeNull();
  });
});

describe('concurrent migrations on postgres', () => {
  it('never race: two processes migrating at once both succeed and apply each migration once', async () => {
    const a = await openTestDb('postgres', { migrate: false });
    // A second pool on the same database stands in for a second process.
    const { openPostgres } = await import('../../src/store/drivers/pg-driver');
    const rows = await a.query<{ db: string }>('SELECT current_database() AS db');
    const { inject } = await import('vitest');
    const admin = new URL(inject('pgUrl'));
    admin.pathname = `/${rows[0]?.db}`;
    const b = await openPostgres(admin.toString());
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect(ra.applied.length + rb.applied.length).toBe(loadMigrations().length);
      const recorded = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM ow_schema_migrations');
      expect(recorded[0]?.n).toBe(loadMigrations().length);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.each(DRIVERS)('out-of-order migrations on %s', (driver) => {
  it('applies a migration numbered below the highest applied one when it was never recorded', async () => {
    const db = await openTestDb(driver, { migrate: false });
    try {
      const all = loadMigrations();
      const withoutSecond = all.filter((m) => m.version !== all[1]?.version);
      await migrate(db, withoutSecond);
      expect((await migrationStatus(db, all)).pending).toBe(1);
      const report = await migrate(db, all);
      expect(report.applied.map((m) => m.version)).toEqual([all[1]?.version]);
      expect((await migrationStatus(db, all)).pending).toBe(0);
    } finally {
      await db.close();
    }
  });
});

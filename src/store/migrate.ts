// Applies the ordered plain .sql migrations under an advisory lock, so concurrent
// processes never race; refuses a database written by a newer schema, changing nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db';
import { StoreOpenError } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: Array<{ version: number; name: string }>;
  current: number;
  latest: number;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** An arbitrary constant: the advisory lock key all our processes agree on for migrations. */
const MIGRATION_LOCK_KEY = 7_100_421_001;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file) => {
    const sql = readFileSync(join(dir, file), 'utf8');
    return {
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ow_schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

async function currentVersion(conn: Queryable): Promise<number> {
  const rows = await conn.query<{ v: number | null }>('SELECT max(version)::int AS v FROM ow_schema_migrations');
  return rows[0]?.v ?? 0;
}

async function appliedVersions(conn: Queryable): Promise<Set<number>> {
  const rows = await conn.query<{ version: number }>('SELECT version FROM ow_schema_migrations');
  return new Set(rows.map((r) => r.version));
}

async function tableExists(conn: Queryable): Promise<boolean> {
  const rows = await conn.query<{ t: string | null }>("SELECT to_regclass('ow_schema_migrations')::text AS t");
  return Boolean(rows[0]?.t);
}

export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<MigrationReport> {
  const latest = migrations.at(-1)?.version ?? 0;
  return db.withConnection(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      // Check before touching anything: a newer schema means this program is too old for the data.
      const exists = await tableExists(conn);
      const done = exists ? await appliedVersions(conn) : new Set<number>();
      const known = new Set(migrations.map((m) => m.version));
      const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
      if (unknown.length > 0) {
        throw new StoreOpenError(
          `The database at ${db.location} was written by a newer version of Orchestration Wisdom (schema ${unknown.at(-1)}, this program knows up to ${latest}); nothing was changed. Upgrade this program.`,
        );
      }
      if (!exists) await conn.query(CREATE_TABLE);
      const applied: MigrationReport['applied'] = [];
      // Every migration not yet recorded runs, in order, even one numbered below the highest applied:
      // capabilities developed in parallel can land their migrations out of number order.
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await conn.query('BEGIN');
        try {
          await conn.exec(m.sql);
          await conn.query('INSERT INTO ow_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
          await conn.query('COMMIT');
        } catch (err) {
          await conn.query('ROLLBACK');
          throw new StoreOpenError(`Migration ${m.version}_${m.name} failed: ${(err as Error).message}`);
        }
        applied.push({ version: m.version, name: m.name });
      }
      return { applied, current: latest, latest };
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

export async function migrationStatus(db: Queryable, migrations: Migration[] = loadMigrations()): Promise<{ current: number; latest: number; pending: number }> {
  const latest = migrations.at(-1)?.version ?? 0;
  const exists = await tableExists(db);
  const current = exists ? await currentVersion(db) : 0;
  const done = exists ? await appliedVersions(db) : new Set<number>();
  return { current, latest, pending: migrations.filter((m) => !done.has(m.version)).length };
}

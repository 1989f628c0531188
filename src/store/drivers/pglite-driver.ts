// The embedded driver: PGlite (PostgreSQL compiled to WASM) in a data directory, used by one process at a time.
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable, SqlParam } from '../db';
import { StoreOpenError } from '../db';
import { INT8_OID, parseInt8 } from './type-parsers';

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T extends object>(sql: string, params: ReadonlyArray<SqlParam> = []): Promise<T[]> {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Opens PGlite in `pgDir`. `pgDir` must already be locked for this process (see data-dir-lock). */
export async function openPglite(pgDir: string | undefined, location: string, options: { loadDataDir?: Blob | File } = {}): Promise<Db> {
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      ...(pgDir ? { dataDir: pgDir } : {}),
      // Starting from a dump skips initdb, which is most of PGlite's start-up time (tests use it).
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [INT8_OID]: parseInt8 },
    });
  } catch (err) {
    throw new StoreOpenError(`Cannot open the embedded database in ${location}: ${err instanceof Error ? err.message : String(err)}`);
  }
  // PGlite is single-connection: transactions and dedicated connections are serialized by PGlite itself.
  const self = wrap(pg);
  return {
    driver: 'pglite',
    location,
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) => fn(wrap(tx)));
    },
    async withConnection<T>(fn: (conn: Queryable) => Promise<T>): Promise<T> {
      return fn(self);
    },
    async listen(channel: string, handler: (payload: string) => void) {
      const unsub = await pg.listen(channel, handler);
      return async () => {
        await unsub();
      };
    },
    async close() {
      await pg.close();
    },
  };
}

export { types as pgliteTypes };

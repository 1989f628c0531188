// The one store interface both drivers implement: PGlite (embedded, a data directory)
// and PostgreSQL through `pg` (DATABASE_URL). Everything above the store speaks only this.

export type SqlParam = string | number | boolean | null | Date | Buffer | ReadonlyArray<string | number>;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: ReadonlyArray<SqlParam>): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DriverName = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly driver: DriverName;
  /** A human description of where the data lives (data directory or host:port/db, no password). */
  readonly location: string;
  /** Runs `fn` in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection (for session-level advisory locks). */
  withConnection<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the handler gets each NOTIFY payload. Returns the unlisten function. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A failure to reach or open the store, reported to the user as one clear line. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

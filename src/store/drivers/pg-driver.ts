// The scale-out driver: a real PostgreSQL server through a `pg` pool (DATABASE_URL).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable, SqlParam } from '../db';
import { StoreOpenError } from '../db';
import { INT8_OID, parseInt8 } from './type-parsers';

pg.types.setTypeParser(INT8_OID, parseInt8);

/**
 * Statements with parameters are prepared once per connection (named by a hash of their text), so the
 * server plans the task loop's CTEs once, not on every claim: planning was a third of the worker's
 * database time. Our SQL keeps values in parameters, so the texts are few; past MAX_PREPARED distinct
 * texts, new ones run unprepared rather than filling every connection's plan cache.
 */
const MAX_PREPARED = 1_000;
const prepared = new Map<string, string>();
function statementName(sql: string): string | undefined {
  const known = prepared.get(sql);
  if (known !== undefined || prepared.size >= MAX_PREPARED) return known;
  const name = `ow_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  prepared.set(sql, name);
  return name;
}

function describeUrl(url: string): { host: string; port: string; database: string; safe: string } {
  try {
    const u = new URL(url);
    const host = u.hostname || 'localhost';
    const port = u.port || '5432';
    const database = u.pathname.replace(/^\//, '') || 'postgres';
    return { host, port, database, safe: `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${host}:${port}/${database}` };
  } catch {
    throw new StoreOpenError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
}

function wrapClient(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<T extends object>(sql: string, params: ReadonlyArray<SqlParam> = []): Promise<T[]> {
      const name = params.length > 0 ? statementName(sql) : undefined;
      if (name === undefined) return (await client.query<T>(sql, params as unknown[])).rows;
      try {
        return (await client.query<T>({ name, text: sql, values: params as unknown[] })).rows;
      } catch (err) {
        // A table changed under a prepared statement's result (a migration by another process): run it unprepared.
        if (!(err instanceof Error && /cached plan must not change result type/.test(err.message))) throw err;
        return (await client.query<T>(sql, params as unknown[])).rows;
      }
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string, options: { max?: number; applicationName?: string } = {}): Promise<Db> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: options.applicationName ?? 'orchestration-wisdom', connectionTimeoutMillis: 10_000 });
  // A pool emits errors of idle clients (server restart); they must not crash the process.
  pool.on('error', () => undefined);
  // Every pooled client keeps a listener for its own 'error' events for its whole life: pg-pool attaches
  // its listeners only while a client is idle or inside pool.query, and a backend terminated at another
  // moment (pg_terminate_backend, a restart) emitted an unheard 'error' that ended worker processes
  // (seen in the reliability suite at 5,000 tasks). The failure still reaches the caller's next query.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    const cause = err instanceof Error ? (err as NodeJS.ErrnoException).code ?? err.message : String(err);
    const message = err instanceof Error && err.message && err.message !== cause ? `${cause}: ${err.message}` : cause;
    throw new StoreOpenError(`Cannot connect to PostgreSQL at ${where.host}:${where.port} (database ${where.database}): ${message}`);
  }

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let closed = false;

  // The LISTEN connection survives a server restart or a terminated backend: it reconnects with
  // backoff, LISTENs again on every channel and wakes every handler once (a NOTIFY may have been missed).
  function scheduleReconnect(delayMs: number): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      ensureListenClient().then(
        () => {
          for (const set of listeners.values()) for (const h of set) h('');
        },
        () => scheduleReconnect(Math.min(delayMs * 2, 5_000)),
      );
    }, delayMs);
    reconnectTimer.unref();
  }

  async function connectListenClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url, application_name: 'orchestration-wisdom-listen', connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    client.on('notification', (msg) => {
      for (const h of listeners.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    client.on('end', () => {
      // Only a connection that was up reconnects here; a failed attempt is retried by its caller.
      if (listenClient !== client) return;
      listenClient = undefined;
      scheduleReconnect(100);
    });
    try {
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    listenClient = client;
    return client;
  }

  function ensureListenClient(): Promise<pg.Client> {
    if (listenClient) return Promise.resolve(listenClient);
    connecting ??= connectListenClient().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  // A checked-out client's 'error' events are heard by the listener every client got on 'connect' above.
  const checkOut = (): Promise<pg.PoolClient> => pool.connect();

  const self = wrapClient(pool);
  return {
    driver: 'postgres',
    location: where.safe,
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await checkOut();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back (server restarted, backend terminated) is discarded, not pooled.
        broken = !(await client.query('ROLLBACK').then(
          () => true,
          () => false,
        ));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async withConnection<T>(fn: (conn: Queryable) => Promise<T>): Promise<T> {
      const client = await checkOut();
      try {
        return await fn(wrapClient(client));
      } finally {
        client.release();
      }
    },
    async listen(channel: string, handler: (payload: string) => void) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
      const client = await ensureListenClient();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN ${channel}`);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (listenClient) await listenClient.end().catch(() => undefined);
      await pool.end();
    },
  };
}

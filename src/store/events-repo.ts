// The event outbox: events are appended inside the transaction of the change they describe
// and read back in id order by subscribers, the audit views and the metrics.
import type { AuditEntry } from './audit-repo';
import type { Queryable } from './db';

export interface NewEvent {
  topic: string;
  key?: string | null;
  payload: Record<string, unknown>;
}

export interface StoredEvent {
  id: number;
  topic: string;
  key: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export const EVENTS_CHANNEL = 'ow_events';

/**
 * SQL: the payload of a NOTIFY on EVENTS_CHANNEL for the events in `from` (columns id, topic): the
 * highest id, then the distinct roots of their topics (`task` for `task.completed`), space-separated.
 */
export const NOTIFY_PAYLOAD = (from: string): string =>
  `max(${from}.id)::text || ' ' || string_agg(DISTINCT split_part(${from}.topic, '.', 1), ' ')`;

/*
 * Why ids are not a plain sequence: with a sequence, a transaction that took id 5 can commit after
 * one that took id 6, and a reader that already moved past 6 would skip 5. A global writer lock
 * fixed that but serialised every commit of every worker. Instead an event's id is its writing
 * transaction's id (xid8) shifted left by ID_SHIFT bits, plus its place in that transaction. Every
 * transaction that can still commit has an xid at or above the oldest running one
 * (pg_snapshot_xmin(pg_current_snapshot())), so every id below HORIZON is final: a tailing reader
 * that reads only below it never skips an event (the outbox readers of Marten and Eventuous do the same).
 * Ids stay below 2^53 (exact in JavaScript) for the first 2^33 transactions of a database.
 */
const ID_SHIFT = 20;
/** SQL: the first event id of the current transaction, minus one (its events are numbered from 1 up). */
export const EVENT_ID_BASE = `(pg_current_xact_id()::text::bigint << ${ID_SHIFT})`;
/** Most events one transaction may write (ids of the next xid start there). */
export const MAX_EVENTS_PER_TRANSACTION = 2 ** ID_SHIFT - 1;
/** The first id no settled event can have yet: transactions at or above the snapshot's xmin may still commit. */
const HORIZON = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${ID_SHIFT})`;

interface EventRow {
  id: number;
  topic: string;
  key: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

function toEvent(r: EventRow): StoredEvent {
  return { id: r.id, topic: r.topic, key: r.key, payload: r.payload, createdAt: r.created_at.toISOString() };
}

/**
 * Appends events in one statement; with `audit`, the change's audit entry is written by the same
 * statement (one round trip less per change). With no events nothing is written, the audit included.
 */
export async function appendEvents(tx: Queryable, events: ReadonlyArray<NewEvent>, now: Date, audit?: AuditEntry): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  if (events.length > MAX_EVENTS_PER_TRANSACTION) throw new Error(`one transaction may write at most ${MAX_EVENTS_PER_TRANSACTION} events, got ${events.length}`);
  // One statement for the whole batch (a claim or a batch of completions writes dozens): ids follow the
  // input order, after those this transaction wrote before (an id past its range fails on the primary key).
  // The NOTIFY rides in the same statement (one round trip less per change); it names the topics' roots so
  // a process that wants none of them does not read.
  const rows = await tx.query<EventRow>(
    `WITH base AS (SELECT ${EVENT_ID_BASE} AS lo),
     prev AS (SELECT coalesce(max(ev.id), base.lo) AS last FROM base LEFT JOIN events ev ON ev.id > base.lo AND ev.id <= base.lo + ${MAX_EVENTS_PER_TRANSACTION} GROUP BY base.lo),
     ins AS (
       INSERT INTO events (id, topic, key, payload, created_at)
       SELECT prev.last + e.n, e.topic, e.key, e.payload::jsonb, $4 FROM prev, unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS e(topic, key, payload, n) ORDER BY e.n
       RETURNING id, topic, key, payload, created_at),
     woke AS (SELECT pg_notify('${EVENTS_CHANNEL}', ${NOTIFY_PAYLOAD('ins')}) FROM ins),
     aud AS (INSERT INTO audit_log (actor, action, target, summary, details, created_at)
       SELECT $5, $6, $7, $8, $9::jsonb, $4 WHERE $5::text IS NOT NULL RETURNING id)
     SELECT ins.* FROM ins CROSS JOIN woke`,
    [
      events.map((e) => e.topic),
      events.map((e) => e.key ?? null) as string[],
      events.map((e) => JSON.stringify(e.payload)),
      now,
      audit?.actor ?? null,
      audit?.action ?? null,
      audit?.target ?? null,
      audit?.summary ?? null,
      audit?.details ? JSON.stringify(audit.details) : null,
    ],
  );
  return rows.map(toEvent).sort((a, b) => a.id - b.id);
}

export interface EventQuery {
  after?: number;
  /** SQL LIKE prefixes or exact topics; filtering by pattern happens in the caller for wildcards. */
  topicPrefixes?: ReadonlyArray<string>;
  key?: string;
  limit: number;
  /**
   * Only events no running transaction can still precede (below the horizon): what a reader that
   * tails the log from `after` needs to never skip one. Defaults to on when tailing (`after` > 0
   * without `key`); reads of a whole history and reads inside a writing transaction leave it off.
   */
  settled?: boolean;
}

/** LIKE patterns matching topics that start with each prefix (LIKE's own characters escaped). */
function likePatterns(prefixes: ReadonlyArray<string>): string[] {
  return prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export async function readEvents(db: Queryable, q: EventQuery): Promise<StoredEvent[]> {
  const params: Array<string | number | string[]> = [q.after ?? 0];
  const where = ['id > $1'];
  if (q.topicPrefixes && q.topicPrefixes.length > 0 && !q.topicPrefixes.includes('')) {
    params.push(likePatterns(q.topicPrefixes));
    where.push(`topic LIKE ANY($${params.length}::text[])`);
  }
  if (q.key !== undefined) {
    params.push(q.key);
    where.push(`key = $${params.length}`);
  }
  if (q.settled ?? ((q.after ?? 0) > 0 && q.key === undefined)) where.push(`id < ${HORIZON}`);
  params.push(q.limit);
  const rows = await db.query<EventRow>(
    `SELECT id, topic, key, payload, created_at FROM events WHERE ${where.join(' AND ')} ORDER BY id ASC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEvent);
}

export interface SettledTail {
  events: StoredEvent[];
  /** Every id below this is final: a tailer that read everything it wants below it may move its cursor to horizon − 1. */
  horizon: number;
  /** Whether a wanted event is committed above the horizon (it waits for an older transaction to end). */
  heldBack: boolean;
}

/**
 * What a tailing reader needs in one round trip: the settled events after `after` whose topic starts
 * with one of `topicPrefixes` (all when empty), the horizon, and whether wanted events wait above it.
 */
export async function readSettledTail(db: Queryable, after: number, topicPrefixes: ReadonlyArray<string>, limit: number): Promise<SettledTail> {
  const params: Array<number | string[]> = [after, limit];
  let topic = '';
  if (topicPrefixes.length > 0 && !topicPrefixes.includes('')) {
    params.push(likePatterns(topicPrefixes));
    topic = ' AND topic LIKE ANY($3::text[])';
  }
  const rows = await db.query<{ horizon: number; held_back: boolean } & { [K in keyof EventRow]: EventRow[K] | null }>(
    `WITH h AS (SELECT ${HORIZON} AS horizon)
     SELECT h.horizon, EXISTS (SELECT 1 FROM events WHERE id >= h.horizon${topic}) AS held_back, e.id, e.topic, e.key, e.payload, e.created_at
     FROM h LEFT JOIN LATERAL (SELECT id, topic, key, payload, created_at FROM events WHERE id > $1 AND id < h.horizon${topic} ORDER BY id LIMIT $2) e ON true
     ORDER BY e.id`,
    params,
  );
  const first = rows[0]!;
  const events = rows.filter((r) => r.id !== null).map((r) => toEvent(r as EventRow));
  return { events, horizon: Number(first.horizon), heldBack: first.held_back };
}

export async function lastEventId(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events');
  return rows[0]?.id ?? 0;
}

/** The last id a tailing reader may start after: every event at or below it is final (see HORIZON). */
export async function lastSettledEventId(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number | null }>(`SELECT max(id) AS id FROM events WHERE id < ${HORIZON}`);
  return rows[0]?.id ?? 0;
}

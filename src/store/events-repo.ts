// The event outbox: events are appended inside the transaction of the change they describe
// and read back in id order by subscribers, the audit views and the metrics.
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
/** Serializes event writers so ids become visible in commit order: a reader never skips an id. */
const EVENT_ORDER_LOCK_KEY = 7_100_421_002;

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

export async function appendEvents(tx: Queryable, events: ReadonlyArray<NewEvent>, now: Date): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK_KEY]);
  // One statement for the whole batch (a claim or a batch of completions writes dozens): ids follow the input order.
  const rows = await tx.query<EventRow>(
    `INSERT INTO events (topic, key, payload, created_at)
     SELECT e.topic, e.key, e.payload::jsonb, $4 FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS e(topic, key, payload, n) ORDER BY e.n
     RETURNING id, topic, key, payload, created_at`,
    [events.map((e) => e.topic), events.map((e) => e.key ?? null) as string[], events.map((e) => JSON.stringify(e.payload)), now],
  );
  const stored = rows.map(toEvent).sort((a, b) => a.id - b.id);
  const last = stored.at(-1);
  if (last) await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, String(last.id)]);
  return stored;
}

export interface EventQuery {
  after?: number;
  /** SQL LIKE prefixes or exact topics; filtering by pattern happens in the caller for wildcards. */
  topicPrefixes?: ReadonlyArray<string>;
  key?: string;
  limit: number;
}

export async function readEvents(db: Queryable, q: EventQuery): Promise<StoredEvent[]> {
  const params: Array<string | number | string[]> = [q.after ?? 0];
  const where = ['id > $1'];
  if (q.topicPrefixes && q.topicPrefixes.length > 0 && !q.topicPrefixes.includes('')) {
    params.push(q.topicPrefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    where.push(`topic LIKE ANY($${params.length}::text[])`);
  }
  if (q.key !== undefined) {
    params.push(q.key);
    where.push(`key = $${params.length}`);
  }
  params.push(q.limit);
  const rows = await db.query<EventRow>(
    `SELECT id, topic, key, payload, created_at FROM events WHERE ${where.join(' AND ')} ORDER BY id ASC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEvent);
}

export async function lastEventId(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events');
  return rows[0]?.id ?? 0;
}

// SQL for alerts (one per ticket × metric × threshold) and their deliveries to channels, which
// carry the durable retry state: attempts, last error, next attempt.
import type { AlertFacts } from '../core/sla/alert-message';
import type { Queryable } from './db';

export interface StoredAlert {
  id: string;
  dedupKey: string;
  ticketId: string | null;
  metric: string | null;
  threshold: string;
  priority: string;
  suppressedReason: string | null;
  action: string | null;
  facts: AlertFacts;
  raisedAt: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface StoredDelivery {
  id: string;
  alertId: string;
  channelId: string;
  channelName: string;
  channelKind: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastHttpStatus: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  ticketId: string | null;
  threshold: string;
}

interface AlertRow {
  id: string;
  dedup_key: string;
  ticket_id: string | null;
  metric: string | null;
  threshold: string;
  priority: string;
  suppressed_reason: string | null;
  action: string | null;
  facts: AlertFacts;
  raised_at: Date;
}

const toAlert = (r: AlertRow): StoredAlert => ({
  id: r.id,
  dedupKey: r.dedup_key,
  ticketId: r.ticket_id,
  metric: r.metric,
  threshold: r.threshold,
  priority: r.priority,
  suppressedReason: r.suppressed_reason,
  action: r.action,
  facts: r.facts,
  raisedAt: r.raised_at.toISOString(),
});

/** Inserts the alert unless its de-duplication key exists; returns whether it was new. */
export async function insertAlert(q: Queryable, a: Omit<StoredAlert, 'raisedAt'>, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO alerts (id, dedup_key, ticket_id, metric, threshold, priority, suppressed_reason, action, facts, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
    [a.id, a.dedupKey, a.ticketId, a.metric, a.threshold, a.priority, a.suppressedReason, a.action, JSON.stringify(a.facts), now],
  );
  return rows.length > 0;
}

export async function findAlert(q: Queryable, id: string): Promise<StoredAlert | undefined> {
  const rows = await q.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [id]);
  return rows[0] ? toAlert(rows[0]) : undefined;
}

export async function listAlerts(q: Queryable, query: { ticketId?: string; limit: number }): Promise<StoredAlert[]> {
  const rows = query.ticketId
    ? await q.query<AlertRow>('SELECT * FROM alerts WHERE ticket_id = $1 ORDER BY raised_at DESC, id LIMIT $2', [query.ticketId, query.limit])
    : await q.query<AlertRow>('SELECT * FROM alerts ORDER BY raised_at DESC, id LIMIT $1', [query.limit]);
  return rows.map(toAlert);
}

interface DeliveryRow {
  id: string;
  alert_id: string;
  channel_id: string;
  channel_name: string;
  channel_kind: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  last_http_status: number | null;
  next_attempt_at: Date | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  ticket_id: string | null;
  threshold: string;
}

const toDelivery = (r: DeliveryRow): StoredDelivery => ({
  id: r.id,
  alertId: r.alert_id,
  channelId: r.channel_id,
  channelName: r.channel_name,
  channelKind: r.channel_kind,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  lastHttpStatus: r.last_http_status,
  nextAttemptAt: r.next_attempt_at ? r.next_attempt_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  ticketId: r.ticket_id,
  threshold: r.threshold,
});

const DELIVERY_SELECT = `SELECT d.*, c.name AS channel_name, c.kind AS channel_kind, a.ticket_id, a.threshold
  FROM alert_deliveries d JOIN alert_channels c ON c.id = d.channel_id JOIN alerts a ON a.id = d.alert_id`;

export async function insertDelivery(q: Queryable, d: { id: string; alertId: string; channelId: string; nextAttemptAt: Date }, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO alert_deliveries (id, alert_id, channel_id, status, next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, 'pending', $4, $5, $5)`,
    [d.id, d.alertId, d.channelId, d.nextAttemptAt, now],
  );
}

export async function findDelivery(q: Queryable, id: string): Promise<StoredDelivery | undefined> {
  const rows = await q.query<DeliveryRow>(`${DELIVERY_SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ? toDelivery(rows[0]) : undefined;
}

export async function listDeliveries(q: Queryable, query: { alertId?: string; channelId?: string; status?: DeliveryStatus; limit: number }): Promise<StoredDelivery[]> {
  const where: string[] = [];
  const params: Array<string | number> = [];
  for (const [col, v] of [['d.alert_id', query.alertId], ['d.channel_id', query.channelId], ['d.status', query.status]] as const) {
    if (v === undefined) continue;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  }
  params.push(query.limit);
  const rows = await q.query<DeliveryRow>(`${DELIVERY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id LIMIT $${params.length}`, params);
  return rows.map(toDelivery);
}

/**
 * Claims due deliveries: each claimed row's next attempt moves a lease ahead, so a sender that dies
 * mid-send leaves the row to be retried after the lease, and two senders never send the same attempt.
 */
export async function claimDueDeliveries(q: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<Array<{ id: string; alertId: string; channelId: string; attempts: number }>> {
  const rows = await q.query<{ id: string; alert_id: string; channel_id: string; attempts: number }>(
    `UPDATE alert_deliveries SET attempts = attempts + 1, next_attempt_at = $2, updated_at = $1
     WHERE id IN (SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, alert_id, channel_id, attempts`,
    [now, leaseUntil, limit],
  );
  return rows.map((r) => ({ id: r.id, alertId: r.alert_id, channelId: r.channel_id, attempts: r.attempts }));
}

export async function recordAttempt(
  q: Queryable,
  id: string,
  outcome: { status: DeliveryStatus; error: string | null; httpStatus: number | null; nextAttemptAt: Date | null },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE alert_deliveries SET status = $2, last_error = $3, last_http_status = $4, next_attempt_at = $5, updated_at = $6,
       sent_at = CASE WHEN $2 = 'sent' THEN $6 ELSE sent_at END WHERE id = $1`,
    [id, outcome.status, outcome.error, outcome.httpStatus, outcome.nextAttemptAt, now],
  );
}

/** A failed delivery goes back to the queue with a fresh set of attempts. */
export async function requeueDelivery(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query(`UPDATE alert_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2, updated_at = $2 WHERE id = $1 AND status = 'failed' RETURNING id`, [id, now]);
  return rows.length > 0;
}

export async function earliestDelivery(q: Queryable): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(`SELECT min(next_attempt_at) AS at FROM alert_deliveries WHERE status = 'pending'`);
  return rows[0]?.at ?? null;
}

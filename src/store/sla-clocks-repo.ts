// SQL for per-ticket SLA clocks: upserted in the ticket's transaction, claimed by the monitor when
// due (ordered by next_check_at, SKIP LOCKED so several workers share them), read by the portal.
import type { SlaClockState } from '../core/sla/clock-state';
import type { Priority, SlaMetric } from '../core/sla/policy';
import type { Queryable } from './db';

export interface StoredClock extends SlaClockState {
  ticketId: string;
  policyId: string;
  policyVersion: number;
  nextCheckAt: number | null;
  updatedAt: number;
}

interface ClockRow {
  ticket_id: string;
  metric: SlaMetric;
  policy_id: string;
  policy_version: number;
  priority: Priority;
  target_ms: number;
  warning_ms: number;
  breach_ms: number;
  started_at: Date;
  elapsed_ms: number;
  running_since: Date | null;
  paused_ms: number;
  paused_since: Date | null;
  warning_at: Date | null;
  breach_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  met_at: Date | null;
  escalation_index: number;
  next_check_at: Date | null;
  updated_at: Date;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);
const date = (n: number | null): Date | null => (n === null ? null : new Date(n));

function toClock(r: ClockRow): StoredClock {
  return {
    ticketId: r.ticket_id,
    metric: r.metric,
    policyId: r.policy_id,
    policyVersion: r.policy_version,
    priority: r.priority,
    targetMs: Number(r.target_ms),
    warningMs: Number(r.warning_ms),
    breachMs: Number(r.breach_ms),
    startedAt: r.started_at.getTime(),
    elapsedMs: Number(r.elapsed_ms),
    runningSince: ms(r.running_since),
    pausedMs: Number(r.paused_ms),
    pausedSince: ms(r.paused_since),
    warningAt: ms(r.warning_at),
    breachAt: ms(r.breach_at),
    warnedAt: ms(r.warned_at),
    breachedAt: ms(r.breached_at),
    metAt: ms(r.met_at),
    escalationIndex: r.escalation_index,
    nextCheckAt: ms(r.next_check_at),
    updatedAt: r.updated_at.getTime(),
  };
}

export async function saveClock(q: Queryable, c: Omit<StoredClock, 'updatedAt'>, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO sla_clocks (ticket_id, metric, policy_id, policy_version, priority, target_ms, warning_ms, breach_ms, started_at, elapsed_ms,
       running_since, paused_ms, paused_since, warning_at, breach_at, warned_at, breached_at, met_at, breached, escalation_index, next_check_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     ON CONFLICT (ticket_id, metric) DO UPDATE SET policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
       priority = EXCLUDED.priority, target_ms = EXCLUDED.target_ms, warning_ms = EXCLUDED.warning_ms, breach_ms = EXCLUDED.breach_ms,
       started_at = EXCLUDED.started_at, elapsed_ms = EXCLUDED.elapsed_ms, running_since = EXCLUDED.running_since, paused_ms = EXCLUDED.paused_ms,
       paused_since = EXCLUDED.paused_since, warning_at = EXCLUDED.warning_at, breach_at = EXCLUDED.breach_at, warned_at = EXCLUDED.warned_at,
       breached_at = EXCLUDED.breached_at, met_at = EXCLUDED.met_at, breached = EXCLUDED.breached, escalation_index = EXCLUDED.escalation_index,
       next_check_at = EXCLUDED.next_check_at, updated_at = EXCLUDED.updated_at`,
    [
      c.ticketId, c.metric, c.policyId, c.policyVersion, c.priority, c.targetMs, c.warningMs, c.breachMs, new Date(c.startedAt), c.elapsedMs,
      date(c.runningSince), c.pausedMs, date(c.pausedSince), date(c.warningAt), date(c.breachAt), date(c.warnedAt), date(c.breachedAt), date(c.metAt),
      c.breachedAt !== null, c.escalationIndex, date(c.nextCheckAt), now,
    ],
  );
}

/** Both clocks of a ticket, locked for the change under way. */
export async function lockTicketClocks(q: Queryable, ticketId: string): Promise<StoredClock[]> {
  return (await q.query<ClockRow>('SELECT * FROM sla_clocks WHERE ticket_id = $1 ORDER BY metric FOR UPDATE', [ticketId])).map(toClock);
}

export async function ticketClocks(q: Queryable, ticketId: string): Promise<StoredClock[]> {
  return (await q.query<ClockRow>('SELECT * FROM sla_clocks WHERE ticket_id = $1 ORDER BY metric', [ticketId])).map(toClock);
}

/** Due clocks in due order, locked; rows another worker holds are skipped, not waited for. */
export async function claimDueClocks(q: Queryable, now: Date, limit: number): Promise<StoredClock[]> {
  return (
    await q.query<ClockRow>('SELECT * FROM sla_clocks WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED', [now, limit])
  ).map(toClock);
}

export async function earliestCheck(q: Queryable): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>('SELECT min(next_check_at) AS at FROM sla_clocks WHERE next_check_at IS NOT NULL');
  return rows[0]?.at ?? null;
}

export interface ClockQuery {
  /** running or breached clocks not yet met, soonest breach first */
  open?: boolean;
  ticketId?: string;
  limit: number;
}

export async function listClocks(q: Queryable, query: ClockQuery): Promise<StoredClock[]> {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (query.open) where.push('met_at IS NULL');
  if (query.ticketId) {
    params.push(query.ticketId);
    where.push(`ticket_id = $${params.length}`);
  }
  params.push(query.limit);
  const rows = await q.query<ClockRow>(
    `SELECT * FROM sla_clocks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY breach_at ASC NULLS LAST, ticket_id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toClock);
}

export async function countOpenClocks(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_clocks WHERE met_at IS NULL');
  return rows[0]?.n ?? 0;
}

export interface TicketSummary {
  id: string;
  subject: string;
  priority: Priority;
  tier: string;
  status: string;
  createdAt: number;
}

/** The few ticket fields an alert shows (the tickets table is the ticket service's; read only here). */
export async function ticketSummaries(q: Queryable, ids: ReadonlyArray<string>): Promise<Map<string, TicketSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; subject: string; priority: Priority; tier: string; status: string; created_at: Date }>(
    'SELECT id, subject, priority, tier, status, created_at FROM tickets WHERE id = ANY($1::text[])',
    [ids as string[]],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, subject: r.subject, priority: r.priority, tier: r.tier, status: r.status, createdAt: r.created_at.getTime() }]));
}

/** Keeps the ticket's queue-ordering deadline and policy version in step with its clocks. */
export async function setTicketSla(q: Queryable, ticketId: string, dueAt: Date | null, policy: { id: string; version: number } | null): Promise<void> {
  if (policy) await q.query('UPDATE tickets SET sla_due_at = $2, sla_policy_id = $3, sla_policy_version = $4 WHERE id = $1', [ticketId, dueAt, policy.id, policy.version]);
  else await q.query('UPDATE tickets SET sla_due_at = $2 WHERE id = $1', [ticketId, dueAt]);
}

/** escalation.mode from settings (off | shadow | production; production when unset). */
export async function escalationModeSetting(q: Queryable): Promise<'off' | 'shadow' | 'production'> {
  const rows = await q.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'escalation.mode'`);
  const v = rows[0]?.value;
  return v === 'off' || v === 'shadow' ? v : 'production';
}

// The monitor's batched writes: one statement each for every clock, alert and delivery of a claim, whatever
// its size (rows travel as one JSON array, read by jsonb_to_recordset on both drivers).
const iso = (n: number | null): string | null => (n === null ? null : new Date(n).toISOString());

/** Writes back claimed clocks (they exist: the claim locked them). */
export async function saveClocks(q: Queryable, clocks: ReadonlyArray<Omit<StoredClock, 'updatedAt'>>, now: Date): Promise<void> {
  if (clocks.length === 0) return;
  const rows = clocks.map((c) => ({
    ticket_id: c.ticketId, metric: c.metric, policy_id: c.policyId, policy_version: c.policyVersion, priority: c.priority, target_ms: c.targetMs,
    warning_ms: c.warningMs, breach_ms: c.breachMs, started_at: iso(c.startedAt), elapsed_ms: c.elapsedMs, running_since: iso(c.runningSince),
    paused_ms: c.pausedMs, paused_since: iso(c.pausedSince), warning_at: iso(c.warningAt), breach_at: iso(c.breachAt), warned_at: iso(c.warnedAt),
    breached_at: iso(c.breachedAt), met_at: iso(c.metAt), breached: c.breachedAt !== null, escalation_index: c.escalationIndex, next_check_at: iso(c.nextCheckAt),
  }));
  await q.query(
    `UPDATE sla_clocks c SET policy_id = x.policy_id, policy_version = x.policy_version, priority = x.priority, target_ms = x.target_ms,
       warning_ms = x.warning_ms, breach_ms = x.breach_ms, started_at = x.started_at, elapsed_ms = x.elapsed_ms, running_since = x.running_since,
       paused_ms = x.paused_ms, paused_since = x.paused_since, warning_at = x.warning_at, breach_at = x.breach_at, warned_at = x.warned_at,
       breached_at = x.breached_at, met_at = x.met_at, breached = x.breached, escalation_index = x.escalation_index, next_check_at = x.next_check_at, updated_at = $2
     FROM jsonb_to_recordset($1::jsonb) AS x(ticket_id text, metric text, policy_id text, policy_version integer, priority text, target_ms bigint,
       warning_ms bigint, breach_ms bigint, started_at timestamptz, elapsed_ms bigint, running_since timestamptz, paused_ms bigint, paused_since timestamptz,
       warning_at timestamptz, breach_at timestamptz, warned_at timestamptz, breached_at timestamptz, met_at timestamptz, breached boolean,
       escalation_index integer, next_check_at timestamptz)
     WHERE c.ticket_id = x.ticket_id AND c.metric = x.metric`,
    [JSON.stringify(rows), now],
  );
}

export interface NewAlertRow {
  id: string;
  dedupKey: string;
  ticketId: string | null;
  metric: string | null;
  threshold: string;
  priority: string;
  suppressedReason: string | null;
  action: string | null;
  facts: Record<string, unknown>;
}

/** Inserts alerts whose de-duplication key is new; returns the ids that were inserted. */
export async function insertAlerts(q: Queryable, alerts: ReadonlyArray<NewAlertRow>, now: Date): Promise<Set<string>> {
  if (alerts.length === 0) return new Set();
  const rows = alerts.map((a) => ({ id: a.id, dedup_key: a.dedupKey, ticket_id: a.ticketId, metric: a.metric, threshold: a.threshold, priority: a.priority, suppressed_reason: a.suppressedReason, action: a.action, facts: a.facts }));
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO alerts (id, dedup_key, ticket_id, metric, threshold, priority, suppressed_reason, action, facts, raised_at)
     SELECT x.id, x.dedup_key, x.ticket_id, x.metric, x.threshold, x.priority, x.suppressed_reason, x.action, x.facts, $2
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, dedup_key text, ticket_id text, metric text, threshold text, priority text,
       suppressed_reason text, action text, facts jsonb)
     ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
    [JSON.stringify(rows), now],
  );
  return new Set(inserted.map((r) => r.id));
}

/** Pending deliveries, each with its first attempt instant. */
export async function insertDeliveries(q: Queryable, deliveries: ReadonlyArray<{ id: string; alertId: string; channelId: string; nextAttemptAt: number }>, now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  const rows = deliveries.map((d) => ({ id: d.id, alert_id: d.alertId, channel_id: d.channelId, next_attempt_at: iso(d.nextAttemptAt) }));
  await q.query(
    `INSERT INTO alert_deliveries (id, alert_id, channel_id, status, next_attempt_at, created_at, updated_at)
     SELECT x.id, x.alert_id, x.channel_id, 'pending', x.next_attempt_at, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS x(id text, alert_id text, channel_id text, next_attempt_at timestamptz)`,
    [JSON.stringify(rows), now],
  );
}

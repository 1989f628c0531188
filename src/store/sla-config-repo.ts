// SQL for the SLA configuration: business calendars, escalation policies and versioned SLA policies.
import type { BusinessCalendar, BusinessCalendarSpec } from '../core/sla/business-calendar';
import type { EscalationPolicy, EscalationPolicySpec } from '../core/sla/escalation-policy';
import type { SlaPolicy, SlaPolicySpec } from '../core/sla/policy';
import type { Queryable } from './db';

export interface Stamped {
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  weekly: BusinessCalendar['weekly'];
  holidays: string[];
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  version: number;
}

const toCalendar = (r: CalendarRow): BusinessCalendar & Stamped => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  weekly: r.weekly,
  holidays: r.holidays,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by,
  version: r.version,
});

export async function listCalendars(q: Queryable): Promise<Array<BusinessCalendar & Stamped>> {
  return (await q.query<CalendarRow>('SELECT * FROM business_calendars ORDER BY id')).map(toCalendar);
}

export async function findCalendar(q: Queryable, id: string): Promise<(BusinessCalendar & Stamped) | undefined> {
  const rows = await q.query<CalendarRow>('SELECT * FROM business_calendars WHERE id = $1', [id]);
  return rows[0] ? toCalendar(rows[0]) : undefined;
}

export async function upsertCalendar(q: Queryable, id: string, c: BusinessCalendarSpec, actor: string, now: Date): Promise<BusinessCalendar & Stamped> {
  const rows = await q.query<CalendarRow>(
    `INSERT INTO business_calendars (id, name, time_zone, weekly, holidays, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, weekly = EXCLUDED.weekly,
       holidays = EXCLUDED.holidays, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, version = business_calendars.version + 1
     RETURNING *`,
    [id, c.name, c.timeZone, JSON.stringify(c.weekly), JSON.stringify(c.holidays), now, actor],
  );
  return toCalendar(rows[0] as CalendarRow);
}

interface EscalationRow {
  id: string;
  name: string;
  levels: EscalationPolicy['levels'];
  repeat: number;
  repeat_after_minutes: number;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  version: number;
}

const toEscalation = (r: EscalationRow): EscalationPolicy & Stamped => ({
  id: r.id,
  name: r.name,
  levels: r.levels,
  repeat: r.repeat,
  repeatAfterMinutes: r.repeat_after_minutes,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by,
  version: r.version,
});

export async function listEscalationPolicies(q: Queryable): Promise<Array<EscalationPolicy & Stamped>> {
  return (await q.query<EscalationRow>('SELECT * FROM escalation_policies ORDER BY id')).map(toEscalation);
}

export async function findEscalationPolicy(q: Queryable, id: string): Promise<(EscalationPolicy & Stamped) | undefined> {
  const rows = await q.query<EscalationRow>('SELECT * FROM escalation_policies WHERE id = $1', [id]);
  return rows[0] ? toEscalation(rows[0]) : undefined;
}

export async function upsertEscalationPolicy(q: Queryable, id: string, p: EscalationPolicySpec, actor: string, now: Date): Promise<EscalationPolicy & Stamped> {
  const rows = await q.query<EscalationRow>(
    `INSERT INTO escalation_policies (id, name, levels, repeat, repeat_after_minutes, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, levels = EXCLUDED.levels, repeat = EXCLUDED.repeat,
       repeat_after_minutes = EXCLUDED.repeat_after_minutes, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
       version = escalation_policies.version + 1
     RETURNING *`,
    [id, p.name, JSON.stringify(p.levels), p.repeat, p.repeatAfterMinutes, now, actor],
  );
  return toEscalation(rows[0] as EscalationRow);
}

interface PolicyRow {
  id: string;
  version: number;
  name: string;
  description: string;
  targets: SlaPolicy['targets'];
  warning_percent: number;
  breach_percent: number;
  calendar_id: string;
  escalation_policy_id: string | null;
  created_at: Date;
  created_by: string;
  is_default: boolean | null;
  latest_version: number | null;
}

export type StoredSlaPolicy = SlaPolicy & { createdAt: string; createdBy: string; latestVersion: number };

const toPolicy = (r: PolicyRow): StoredSlaPolicy => ({
  id: r.id,
  version: r.version,
  name: r.name,
  description: r.description,
  targets: r.targets,
  warningPercent: r.warning_percent,
  breachPercent: r.breach_percent,
  calendarId: r.calendar_id,
  escalationPolicyId: r.escalation_policy_id,
  isDefault: r.is_default === true && r.latest_version === r.version,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  latestVersion: r.latest_version ?? r.version,
});

const POLICY_SELECT = 'SELECT p.*, h.is_default, h.version AS latest_version FROM sla_policies p JOIN sla_policy_heads h ON h.id = p.id';

export async function listPolicies(q: Queryable): Promise<StoredSlaPolicy[]> {
  return (await q.query<PolicyRow>(`${POLICY_SELECT} AND h.version = p.version ORDER BY h.is_default DESC, p.id`)).map(toPolicy);
}

/** The current version, or a given one. */
export async function findPolicy(q: Queryable, id: string, version?: number): Promise<StoredSlaPolicy | undefined> {
  const rows = version === undefined
    ? await q.query<PolicyRow>(`${POLICY_SELECT} AND h.version = p.version WHERE p.id = $1`, [id])
    : await q.query<PolicyRow>(`${POLICY_SELECT} WHERE p.id = $1 AND p.version = $2`, [id, version]);
  return rows[0] ? toPolicy(rows[0]) : undefined;
}

export async function policyVersions(q: Queryable, id: string): Promise<StoredSlaPolicy[]> {
  return (await q.query<PolicyRow>(`${POLICY_SELECT} WHERE p.id = $1 ORDER BY p.version DESC`, [id])).map(toPolicy);
}

export async function defaultPolicy(q: Queryable): Promise<StoredSlaPolicy | undefined> {
  const rows = await q.query<PolicyRow>(`${POLICY_SELECT} AND h.version = p.version WHERE h.is_default`);
  return rows[0] ? toPolicy(rows[0]) : undefined;
}

/** Writes the next version of a policy (1 for a new one) and makes it current. */
export async function insertPolicyVersion(q: Queryable, id: string, p: SlaPolicySpec, actor: string, now: Date): Promise<StoredSlaPolicy> {
  const head = await q.query<{ version: number }>('SELECT version FROM sla_policy_heads WHERE id = $1 FOR UPDATE', [id]);
  const version = (head[0]?.version ?? 0) + 1;
  await q.query(
    `INSERT INTO sla_policies (id, version, name, description, targets, warning_percent, breach_percent, calendar_id, escalation_policy_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11)`,
    [id, version, p.name, p.description, JSON.stringify(p.targets), p.warningPercent, p.breachPercent, p.calendarId, p.escalationPolicyId, now, actor],
  );
  if (p.isDefault) await q.query('UPDATE sla_policy_heads SET is_default = false WHERE is_default AND id <> $1', [id]);
  await q.query(
    `INSERT INTO sla_policy_heads (id, version, is_default) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, is_default = sla_policy_heads.is_default OR EXCLUDED.is_default`,
    [id, version, p.isDefault],
  );
  return (await findPolicy(q, id)) as StoredSlaPolicy;
}

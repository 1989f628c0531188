// Support agents (the people who handle tickets) with their current load: open tickets assigned to them.
import type { AgentSchedule, AgentSkill, AgentStatus, Tier } from '../core/routing/types';
import type { Queryable } from './db';

export interface SupportAgentRecord {
  id: string;
  name: string;
  email: string | null;
  tier: Tier;
  skills: AgentSkill[];
  maxConcurrent: number | null;
  status: AgentStatus;
  schedule: AgentSchedule | null;
  load: number;
  lastAssignedAt: string | null;
  lastActiveAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface Row {
  id: string;
  name: string;
  email: string | null;
  tier: Tier;
  skills: AgentSkill[];
  max_concurrent: number | null;
  status: AgentStatus;
  schedule: AgentSchedule | null;
  load: number | string;
  last_assigned_at: Date | null;
  last_active_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** Statuses that occupy an agent's capacity. */
export const OPEN_STATUSES_SQL = "('new', 'open', 'pending', 'on_hold')";

// load: the stored open_load, kept by a trigger on tickets (migration 0016) — the count of the agent's open tickets.
const SELECT = `SELECT a.id, a.name, a.email, a.tier, a.skills, a.max_concurrent, a.status, a.schedule, a.last_assigned_at, a.last_active_at, a.created_at, a.updated_at, a.version,
  a.open_load AS load
  FROM support_agents a`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRecord(r: Row): SupportAgentRecord {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    tier: r.tier,
    skills: r.skills,
    maxConcurrent: r.max_concurrent,
    status: r.status,
    schedule: r.schedule,
    load: Number(r.load),
    lastAssignedAt: iso(r.last_assigned_at),
    lastActiveAt: iso(r.last_active_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export interface AgentFields {
  name: string;
  email: string | null;
  tier: Tier;
  skills: AgentSkill[];
  maxConcurrent: number | null;
  status: AgentStatus;
  schedule: AgentSchedule | null;
}

export async function insertSupportAgent(tx: Queryable, id: string, f: AgentFields, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO support_agents (id, name, email, tier, skills, max_concurrent, status, schedule, last_active_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $9, $9)`,
    [id, f.name, f.email, f.tier, JSON.stringify(f.skills), f.maxConcurrent, f.status, f.schedule ? JSON.stringify(f.schedule) : null, now],
  );
}

export async function updateSupportAgent(tx: Queryable, id: string, f: AgentFields, now: Date): Promise<void> {
  await tx.query(
    `UPDATE support_agents SET name = $2, email = $3, tier = $4, skills = $5::jsonb, max_concurrent = $6, status = $7, schedule = $8::jsonb,
       updated_at = $9, version = version + 1 WHERE id = $1`,
    [id, f.name, f.email, f.tier, JSON.stringify(f.skills), f.maxConcurrent, f.status, f.schedule ? JSON.stringify(f.schedule) : null, now],
  );
}

export async function touchSupportAgent(tx: Queryable, id: string, now: Date, assigned: boolean): Promise<void> {
  await tx.query(`UPDATE support_agents SET ${assigned ? 'last_assigned_at' : 'last_active_at'} = $2 WHERE id = $1`, [id, now]);
}

export async function deleteSupportAgent(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM support_agents WHERE id = $1', [id]);
}

export async function findSupportAgent(db: Queryable, id: string, forUpdate = false): Promise<SupportAgentRecord | undefined> {
  if (forUpdate) await db.query('SELECT 1 FROM support_agents WHERE id = $1 FOR UPDATE', [id]);
  const rows = await db.query<Row>(`${SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findSupportAgentByIdOrEmail(db: Queryable, who: string): Promise<SupportAgentRecord | undefined> {
  const rows = await db.query<Row>(`${SELECT} WHERE a.id = $1 OR lower(a.email) = lower($1) LIMIT 1`, [who]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listSupportAgents(db: Queryable, q: { tier?: Tier; status?: AgentStatus } = {}): Promise<SupportAgentRecord[]> {
  const params: string[] = [];
  const where: string[] = [];
  if (q.tier) where.push(`a.tier = $${params.push(q.tier)}`);
  if (q.status) where.push(`a.status = $${params.push(q.status)}`);
  const rows = await db.query<Row>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id`, params);
  return rows.map(toRecord);
}

/** Online agents whose last activity is older than `before` (idle beyond the timeout). */
export async function listIdleAgents(db: Queryable, before: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>("SELECT id FROM support_agents WHERE status = 'online' AND last_active_at < $1 ORDER BY id", [before]);
  return rows.map((r) => r.id);
}

// Tickets: insert, read, the fields a change may set, filtered lists, and the queue claimed in order.
import type { Priority, Tier } from '../core/routing/types';
import type { Ticket, TicketRequiredSkill, TicketSource, TicketStatus } from '../core/tickets/ticket';
import type { Queryable, SqlParam } from './db';

interface Row {
  id: string;
  seq: string | number;
  source: TicketSource;
  external_id: string | null;
  subject: string;
  description: string;
  requester: string;
  client_id: string | null;
  priority: Priority;
  status: TicketStatus;
  tier: Tier;
  required_skills: TicketRequiredSkill[];
  assignee_id: string | null;
  queued_at: Date | null;
  sla_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  escalation_count: number;
  reopen_count: number;
  reopened_after_escalation: boolean;
  sla_policy_id: string | null;
  sla_policy_version: number | null;
  version: number;
}

const COLUMNS = `id, seq, source, external_id, subject, description, requester, client_id, priority, status, tier, required_skills, assignee_id,
  queued_at, sla_due_at, created_at, updated_at, first_response_at, resolved_at, escalation_count, reopen_count, reopened_after_escalation,
  sla_policy_id, sla_policy_version, version`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toTicket(r: Row): Ticket {
  return {
    id: r.id,
    seq: Number(r.seq),
    source: r.source,
    externalId: r.external_id,
    subject: r.subject,
    description: r.description,
    requester: r.requester,
    clientId: r.client_id,
    priority: r.priority,
    status: r.status,
    tier: r.tier,
    requiredSkills: r.required_skills,
    assigneeId: r.assignee_id,
    queuedAt: iso(r.queued_at),
    slaDueAt: iso(r.sla_due_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    firstResponseAt: iso(r.first_response_at),
    resolvedAt: iso(r.resolved_at),
    escalationCount: r.escalation_count,
    reopenCount: r.reopen_count,
    reopenedAfterEscalation: r.reopened_after_escalation,
    slaPolicyId: r.sla_policy_id,
    slaPolicyVersion: r.sla_policy_version,
    version: r.version,
  };
}

export interface NewTicket {
  source: TicketSource;
  externalId: string | null;
  subject: string;
  description: string;
  requester: string;
  clientId: string | null;
  priority: Priority;
  tier: Tier;
  requiredSkills: TicketRequiredSkill[];
}

export async function insertTicket(tx: Queryable, t: NewTicket, now: Date): Promise<Ticket> {
  const rows = await tx.query<Row>(
    `WITH n AS (SELECT nextval('ticket_seq') AS s)
     INSERT INTO tickets (id, seq, source, external_id, subject, description, requester, client_id, priority, status, tier, required_skills, created_at, updated_at)
     SELECT 'T-' || n.s, n.s, $1, $2, $3, $4, $5, $6, $7, 'new', $8, $9::jsonb, $10, $10 FROM n RETURNING ${COLUMNS}`,
    [t.source, t.externalId, t.subject, t.description, t.requester, t.clientId, t.priority, t.tier, JSON.stringify(t.requiredSkills), now],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toTicket(row);
}

export async function findTicket(db: Queryable, id: string, forUpdate = false): Promise<Ticket | undefined> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toTicket(rows[0]) : undefined;
}

export async function findTicketByExternalId(db: Queryable, source: TicketSource, externalId: string): Promise<Ticket | undefined> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE source = $1 AND external_id = $2 FOR UPDATE`, [source, externalId]);
  return rows[0] ? toTicket(rows[0]) : undefined;
}

/** The columns a change may set, by ticket field name. */
const SETTABLE: Record<string, string> = {
  subject: 'subject',
  description: 'description',
  requester: 'requester',
  clientId: 'client_id',
  priority: 'priority',
  status: 'status',
  tier: 'tier',
  requiredSkills: 'required_skills',
  assigneeId: 'assignee_id',
  queuedAt: 'queued_at',
  slaDueAt: 'sla_due_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  escalationCount: 'escalation_count',
  reopenCount: 'reopen_count',
  reopenedAfterEscalation: 'reopened_after_escalation',
  slaPolicyId: 'sla_policy_id',
  slaPolicyVersion: 'sla_policy_version',
};

export type TicketPatch = Partial<Omit<Ticket, 'id' | 'seq' | 'source' | 'externalId' | 'createdAt' | 'updatedAt' | 'version'>>;

export async function patchTicket(tx: Queryable, id: string, patch: TicketPatch, now: Date): Promise<Ticket> {
  const sets: string[] = [];
  const params: SqlParam[] = [id];
  for (const [field, value] of Object.entries(patch)) {
    const column = SETTABLE[field];
    if (!column || value === undefined) continue;
    const p = field === 'requiredSkills' ? JSON.stringify(value) : (value as SqlParam);
    sets.push(`${column} = $${params.push(p)}${field === 'requiredSkills' ? '::jsonb' : ''}`);
  }
  sets.push(`updated_at = $${params.push(now)}`, 'version = version + 1');
  const rows = await tx.query<Row>(`UPDATE tickets SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`, params);
  const row = rows[0];
  if (!row) throw new Error(`ticket ${id} vanished during the change`);
  return toTicket(row);
}

export interface TicketQuery {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: string;
  clientId?: string;
  queued?: boolean;
  limit: number;
  /** only tickets with seq below this (older), for paging newest first */
  beforeSeq?: number;
}

export async function listTickets(db: Queryable, q: TicketQuery): Promise<Ticket[]> {
  const params: SqlParam[] = [];
  const where: string[] = [];
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.priority) where.push(`priority = $${params.push(q.priority)}`);
  if (q.assigneeId) where.push(`assignee_id = $${params.push(q.assigneeId)}`);
  if (q.clientId) where.push(`client_id = $${params.push(q.clientId)}`);
  if (q.queued !== undefined) where.push(q.queued ? 'queued_at IS NOT NULL' : 'queued_at IS NULL');
  if (q.beforeSeq !== undefined) where.push(`seq < $${params.push(q.beforeSeq)}`);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM tickets${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(q.limit)}`,
    params,
  );
  return rows.map(toTicket);
}

/** Queued tickets in queue order (priority, SLA deadline, age), locked; tickets locked by another router are skipped. */
export async function claimQueuedTickets(tx: Queryable, limit: number): Promise<Ticket[]> {
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM tickets WHERE queued_at IS NOT NULL AND status IN ('new', 'open', 'pending', 'on_hold')
     ORDER BY priority_rank, sla_due_at NULLS LAST, created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows.map(toTicket);
}

/** Queued tickets in queue order, for the queue view. */
export async function listQueue(db: Queryable, limit: number): Promise<Ticket[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM tickets WHERE queued_at IS NOT NULL AND status IN ('new', 'open', 'pending', 'on_hold')
     ORDER BY priority_rank, sla_due_at NULLS LAST, created_at, id LIMIT $1`,
    [limit],
  );
  return rows.map(toTicket);
}

/** Open tickets assigned to an agent, locked for re-routing. */
export async function openTicketsOf(tx: Queryable, agentId: string): Promise<Ticket[]> {
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM tickets WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending', 'on_hold') ORDER BY seq FOR UPDATE SKIP LOCKED`,
    [agentId],
  );
  return rows.map(toTicket);
}

export async function countQueued(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM tickets WHERE queued_at IS NOT NULL AND status IN ('new', 'open', 'pending', 'on_hold')");
  return Number(rows[0]?.n ?? 0);
}

// The audit log: who changed what, when, with a one-line summary; written with the change itself.
import type { Queryable } from './db';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  summary: string;
  details?: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  createdAt: string;
}

interface AuditRow {
  id: number;
  actor: string;
  action: string;
  target: string;
  summary: string;
  details: Record<string, unknown> | null;
  created_at: Date;
}

export async function appendAudit(tx: Queryable, entry: AuditEntry, now: Date): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'INSERT INTO audit_log (actor, action, target, summary, details, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id',
    [entry.actor, entry.action, entry.target, entry.summary, entry.details ? JSON.stringify(entry.details) : null, now],
  );
  return rows[0]?.id ?? 0;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  before?: number;
  since?: Date;
  limit: number;
}

export async function listAudit(db: Queryable, q: AuditQuery): Promise<StoredAuditEntry[]> {
  const where: string[] = [];
  const params: Array<string | number | Date> = [];
  const add = (clause: (n: number) => string, value: string | number | Date) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (q.actor) add((n) => `actor = $${n}`, q.actor);
  if (q.action) add((n) => `action LIKE $${n}`, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.target) add((n) => `target = $${n}`, q.target);
  if (q.before) add((n) => `id < $${n}`, q.before);
  if (q.since) add((n) => `created_at >= $${n}`, q.since);
  params.push(q.limit);
  const rows = await db.query<AuditRow>(
    `SELECT id, actor, action, target, summary, details, created_at FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    summary: r.summary,
    ...(r.details ? { details: r.details } : {}),
    createdAt: r.created_at.toISOString(),
  }));
}

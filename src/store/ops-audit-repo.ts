// The audit log searched for the viewer and its CSV export: actor, action (or prefix), target and a
// time range, newest first, paged by id.
import type { Queryable } from './db';
import type { StoredAuditEntry } from './audit-repo';

export interface AuditSearch {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

export async function searchAudit(db: Queryable, q: AuditSearch): Promise<StoredAuditEntry[]> {
  const where: string[] = [];
  const params: Array<string | number | Date> = [];
  const add = (clause: (n: number) => string, value: string | number | Date) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (q.actor) add((n) => `actor = $${n}`, q.actor);
  if (q.action) add((n) => `action LIKE $${n}`, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.target) add((n) => `target = $${n}`, q.target);
  if (q.since) add((n) => `created_at >= $${n}`, q.since);
  if (q.until) add((n) => `created_at < $${n}`, q.until);
  if (q.before) add((n) => `id < $${n}`, q.before);
  params.push(q.limit);
  const rows = await db.query<{ id: number; actor: string; action: string; target: string; summary: string; details: Record<string, unknown> | null; created_at: Date }>(
    `SELECT id, actor, action, target, summary, details, created_at FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ id: Number(r.id), actor: r.actor, action: r.action, target: r.target, summary: r.summary, ...(r.details ? { details: r.details } : {}), createdAt: r.created_at.toISOString() }));
}

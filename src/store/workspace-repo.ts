// Operator workspaces and their stage history: the core state as jsonb, its facts as columns for
// lists and the stabilization timer (due windows found through a partial index, claimed SKIP LOCKED).
import { workspaceSchema, type HistoryEntry, type Workspace } from '../core/workspace/workspace-schema';
import type { Queryable } from './db';

export interface WorkspaceRecord {
  workspace: Workspace;
  stabilizedAt: string | null;
  updatedAt: string;
}

interface Row {
  state: unknown;
  stabilized_at: Date | null;
  updated_at: Date;
}

function toRecord(r: Row): WorkspaceRecord {
  return { workspace: workspaceSchema.parse(r.state), stabilizedAt: r.stabilized_at?.toISOString() ?? null, updatedAt: r.updated_at.toISOString() };
}

function params(w: Workspace): Array<string | number | null> {
  return [
    w.id,
    w.team,
    w.owner,
    w.pattern.slug,
    w.pattern.version,
    w.stage,
    JSON.stringify(w.items),
    w.baseline?.snapshotId ?? null,
    w.measured?.snapshotId ?? null,
    JSON.stringify(w.lessons),
    JSON.stringify(w),
    w.stabilizationEndsAt,
    w.version,
  ];
}

export async function insertWorkspace(tx: Queryable, w: Workspace, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO workspaces (id, team, owner, pattern_slug, pattern_version, stage, items, baseline_snapshot_id, measured_snapshot_id, lessons, state, stabilization_ends_at, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $14)`,
    [...params(w), now],
  );
}

/** Writes the next state if the stored version is still `expectedVersion`; false when someone else moved it first. */
export async function updateWorkspace(tx: Queryable, w: Workspace, expectedVersion: number, now: Date): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE workspaces SET team = $2, owner = $3, pattern_slug = $4, pattern_version = $5, stage = $6, items = $7::jsonb,
       baseline_snapshot_id = $8, measured_snapshot_id = $9, lessons = $10::jsonb, state = $11::jsonb, stabilization_ends_at = $12,
       version = $13, updated_at = $14
     WHERE id = $1 AND version = $15 RETURNING id`,
    [...params(w), now, expectedVersion],
  );
  return rows.length === 1;
}

export async function findWorkspace(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<WorkspaceRecord | undefined> {
  const rows = await db.query<Row>(`SELECT state, stabilized_at, updated_at FROM workspaces WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listWorkspaces(db: Queryable, q: { stage?: string; patternSlug?: string; limit: number }): Promise<WorkspaceRecord[]> {
  const rows = await db.query<Row>(
    `SELECT state, stabilized_at, updated_at FROM workspaces
     WHERE ($1::text IS NULL OR stage = $1) AND ($2::text IS NULL OR pattern_slug = $2)
     ORDER BY updated_at DESC, id LIMIT $3`,
    [q.stage ?? null, q.patternSlug ?? null, q.limit],
  );
  return rows.map(toRecord);
}

export async function appendHistory(tx: Queryable, workspaceId: string, h: HistoryEntry): Promise<void> {
  await tx.query(
    `INSERT INTO workspace_stage_history (workspace_id, seq, step, stage, actor, note, at)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM workspace_stage_history WHERE workspace_id = $1), $2, $3, $4, $5, $6)`,
    [workspaceId, h.step, h.stage, h.actor, h.note, h.at],
  );
}

export async function listHistory(db: Queryable, workspaceId: string): Promise<HistoryEntry[]> {
  const rows = await db.query<{ step: HistoryEntry['step']; stage: HistoryEntry['stage']; actor: string; note: string | null; at: Date }>(
    'SELECT step, stage, actor, note, at FROM workspace_stage_history WHERE workspace_id = $1 ORDER BY seq',
    [workspaceId],
  );
  return rows.map((r) => ({ step: r.step, stage: r.stage, actor: r.actor, note: r.note, at: r.at.toISOString() }));
}

/** Claims workspaces whose window has ended and nobody has marked yet; other processes skip them. */
export async function claimEndedWindows(tx: Queryable, now: Date, limit: number): Promise<Array<{ id: string; endsAt: string }>> {
  const rows = await tx.query<{ id: string; stabilization_ends_at: Date }>(
    `SELECT id, stabilization_ends_at FROM workspaces
     WHERE stabilized_at IS NULL AND stabilization_ends_at IS NOT NULL AND stabilization_ends_at <= $1
     ORDER BY stabilization_ends_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => ({ id: r.id, endsAt: r.stabilization_ends_at.toISOString() }));
}

export async function markStabilized(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE workspaces SET stabilized_at = $2 WHERE id = $1 AND stabilized_at IS NULL', [id, now]);
}

/** The next window end still running, so a loop can sleep until then. */
export async function nextWindowEnd(db: Queryable): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>('SELECT MIN(stabilization_ends_at) AS at FROM workspaces WHERE stabilized_at IS NULL AND stabilization_ends_at IS NOT NULL');
  return rows[0]?.at ?? null;
}

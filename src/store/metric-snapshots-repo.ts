// Metric snapshots: a baseline or a measurement with its figures per priority, kept immutable so a
// before/after report always compares the numbers that were shown at the time.
import type { FiguresByPriority } from '../core/metrics';
import type { Queryable } from './db';

export type SnapshotKind = 'baseline' | 'measured';
export type SnapshotSource = 'import' | 'live' | 'simulation';

export interface MetricSnapshot {
  id: string;
  kind: SnapshotKind;
  source: SnapshotSource;
  importId: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  figures: FiguresByPriority;
  workspaceId: string | null;
  createdAt: string;
  createdBy: string;
}

interface SnapshotRow {
  id: string;
  kind: SnapshotKind;
  source: SnapshotSource;
  import_id: string | null;
  window_start: Date | null;
  window_end: Date | null;
  figures: FiguresByPriority;
  workspace_id: string | null;
  created_at: Date;
  created_by: string;
}

const COLUMNS = 'id, kind, source, import_id, window_start, window_end, figures, workspace_id, created_at, created_by';

function toSnapshot(r: SnapshotRow): MetricSnapshot {
  return {
    id: r.id,
    kind: r.kind,
    source: r.source,
    importId: r.import_id,
    windowStart: r.window_start?.toISOString() ?? null,
    windowEnd: r.window_end?.toISOString() ?? null,
    figures: r.figures,
    workspaceId: r.workspace_id,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
}

export async function insertSnapshot(
  tx: Queryable,
  s: Omit<MetricSnapshot, 'createdAt' | 'windowStart' | 'windowEnd'> & { windowStart: Date | null; windowEnd: Date | null },
  now: Date,
): Promise<MetricSnapshot> {
  const rows = await tx.query<SnapshotRow>(
    `INSERT INTO metric_snapshots (id, kind, source, import_id, window_start, window_end, figures, workspace_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING ${COLUMNS}`,
    [s.id, s.kind, s.source, s.importId, s.windowStart, s.windowEnd, JSON.stringify(s.figures), s.workspaceId, now, s.createdBy],
  );
  return toSnapshot(rows[0]!);
}

export async function findSnapshot(db: Queryable, id: string): Promise<MetricSnapshot | undefined> {
  const rows = await db.query<SnapshotRow>(`SELECT ${COLUMNS} FROM metric_snapshots WHERE id = $1`, [id]);
  return rows[0] ? toSnapshot(rows[0]) : undefined;
}

export async function listSnapshots(db: Queryable, q: { kind?: SnapshotKind; workspaceId?: string; limit: number }): Promise<MetricSnapshot[]> {
  const rows = await db.query<SnapshotRow>(
    `SELECT ${COLUMNS} FROM metric_snapshots
      WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR workspace_id = $2)
      ORDER BY created_at DESC, id DESC LIMIT $3`,
    [q.kind ?? null, q.workspaceId ?? null, q.limit],
  );
  return rows.map(toSnapshot);
}

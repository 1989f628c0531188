// Imported ticket history: one row per import (with the rows it refused) and the valid rows themselves.
import type { ErrorLocation } from '../core/shared/error-codes';
import type { HistoryRow } from '../core/metrics';
import type { Queryable, SqlParam } from './db';

export interface TicketImportRecord {
  id: string;
  rowsTotal: number;
  rowsValid: number;
  errors: ErrorLocation[];
  columns: Record<string, string>;
  firstCreatedAt: string | null;
  lastCreatedAt: string | null;
  createdAt: string;
  createdBy: string;
}

interface ImportRow {
  id: string;
  rows_total: number;
  rows_valid: number;
  errors: ErrorLocation[];
  columns: Record<string, string>;
  first_created_at: Date | null;
  last_created_at: Date | null;
  created_at: Date;
  created_by: string;
}

const COLUMNS = 'id, rows_total, rows_valid, errors, columns, first_created_at, last_created_at, created_at, created_by';

function toRecord(r: ImportRow): TicketImportRecord {
  return {
    id: r.id,
    rowsTotal: r.rows_total,
    rowsValid: r.rows_valid,
    errors: r.errors,
    columns: r.columns,
    firstCreatedAt: r.first_created_at?.toISOString() ?? null,
    lastCreatedAt: r.last_created_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
}

/** Rows per INSERT statement: 10 parameters each keeps a statement well under PostgreSQL's 65,535. */
const BATCH = 500;

export async function insertTicketImport(
  tx: Queryable,
  imp: { id: string; rowsTotal: number; errors: ErrorLocation[]; columns: Record<string, string>; rows: readonly HistoryRow[]; createdBy: string },
  now: Date,
): Promise<TicketImportRecord> {
  const created = imp.rows.map((r) => r.createdAt);
  const first = created.length ? new Date(Math.min(...created)) : null;
  const last = created.length ? new Date(Math.max(...created)) : null;
  const rows = await tx.query<ImportRow>(
    `INSERT INTO ticket_imports (id, rows_total, rows_valid, errors, columns, first_created_at, last_created_at, created_at, created_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [imp.id, imp.rowsTotal, imp.rows.length, JSON.stringify(imp.errors), JSON.stringify(imp.columns), first, last, now, imp.createdBy],
  );
  for (let i = 0; i < imp.rows.length; i += BATCH) {
    const chunk = imp.rows.slice(i, i + BATCH);
    const params: SqlParam[] = [];
    const values = chunk.map((r) => {
      const at = params.length;
      params.push(imp.id, r.line, r.externalId, r.priority, r.assignee, new Date(r.createdAt), r.firstResponseAt === null ? null : new Date(r.firstResponseAt), r.resolvedAt === null ? null : new Date(r.resolvedAt), r.escalationCount, r.reopenCount);
      return `(${Array.from({ length: 10 }, (_, k) => `$${at + k + 1}`).join(', ')})`;
    });
    await tx.query(
      `INSERT INTO ticket_import_rows (import_id, line, external_id, priority, assignee, created_at, first_response_at, resolved_at, escalation_count, reopen_count) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return toRecord(rows[0]!);
}

export async function findTicketImport(db: Queryable, id: string): Promise<TicketImportRecord | undefined> {
  const rows = await db.query<ImportRow>(`SELECT ${COLUMNS} FROM ticket_imports WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function latestTicketImport(db: Queryable): Promise<TicketImportRecord | undefined> {
  const rows = await db.query<ImportRow>(`SELECT ${COLUMNS} FROM ticket_imports ORDER BY created_at DESC, id DESC LIMIT 1`);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listTicketImports(db: Queryable, limit: number): Promise<TicketImportRecord[]> {
  const rows = await db.query<ImportRow>(`SELECT ${COLUMNS} FROM ticket_imports ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map(toRecord);
}

interface HistoryDbRow {
  line: number;
  external_id: string | null;
  priority: HistoryRow['priority'];
  assignee: string | null;
  created_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  escalation_count: number;
  reopen_count: number;
}

/** The rows of one import created in [start, end) (either bound optional). */
export async function readImportRows(db: Queryable, importId: string, start: Date | null, end: Date | null): Promise<HistoryRow[]> {
  const rows = await db.query<HistoryDbRow>(
    `SELECT line, external_id, priority, assignee, created_at, first_response_at, resolved_at, escalation_count, reopen_count
       FROM ticket_import_rows
      WHERE import_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)
      ORDER BY line`,
    [importId, start, end],
  );
  return rows.map((r) => ({
    line: r.line,
    externalId: r.external_id,
    priority: r.priority,
    assignee: r.assignee,
    createdAt: r.created_at.getTime(),
    firstResponseAt: r.first_response_at?.getTime() ?? null,
    resolvedAt: r.resolved_at?.getTime() ?? null,
    escalationCount: r.escalation_count,
    reopenCount: r.reopen_count,
  }));
}

// Saved toolkit documents: each save of an id is the next immutable version; lists show the latest.
import type { Queryable } from './db';

export const ADVISOR_DOCUMENT_KINDS = ['risk-register', 'kpi-set', 'work-breakdown', 'value-stream'] as const;
export type AdvisorDocumentKind = (typeof ADVISOR_DOCUMENT_KINDS)[number];

export interface AdvisorDocumentInfo {
  id: string;
  version: number;
  kind: AdvisorDocumentKind;
  name: string;
  summary: string;
  createdAt: string;
  createdBy: string;
}

export interface AdvisorDocumentRecord extends AdvisorDocumentInfo {
  content: unknown;
}

interface DocumentRow {
  id: string;
  version: number;
  kind: AdvisorDocumentKind;
  name: string;
  summary: string;
  content?: unknown;
  created_at: Date;
  created_by: string;
}

const INFO_COLUMNS = 'id, version, kind, name, summary, created_at, created_by';

function toInfo(r: DocumentRow): AdvisorDocumentInfo {
  return { id: r.id, version: r.version, kind: r.kind, name: r.name, summary: r.summary, createdAt: r.created_at.toISOString(), createdBy: r.created_by };
}

function toRecord(r: DocumentRow): AdvisorDocumentRecord {
  return { ...toInfo(r), content: r.content };
}

export interface NewAdvisorDocument {
  id: string;
  kind: AdvisorDocumentKind;
  name: string;
  content: unknown;
  summary: string;
  createdBy: string;
}

/**
 * Inserts the next version of `doc.id`. The caller holds the transaction; two concurrent saves of
 * the same id collide on the primary key, so one fails instead of both claiming the same version.
 */
export async function insertAdvisorDocumentVersion(tx: Queryable, doc: NewAdvisorDocument, now: Date): Promise<AdvisorDocumentRecord> {
  const rows = await tx.query<DocumentRow>(
    `INSERT INTO advisor_documents (id, version, kind, name, content, summary, created_at, created_by)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4::jsonb, $5, $6, $7 FROM advisor_documents WHERE id = $1
     RETURNING ${INFO_COLUMNS}, content`,
    [doc.id, doc.kind, doc.name, JSON.stringify(doc.content), doc.summary, now, doc.createdBy],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRecord(row);
}

/** The latest version of every document, optionally of one kind, by name. */
export async function listLatestAdvisorDocuments(db: Queryable, kind?: AdvisorDocumentKind): Promise<AdvisorDocumentInfo[]> {
  const rows = await db.query<DocumentRow>(
    `SELECT DISTINCT ON (id) ${INFO_COLUMNS} FROM advisor_documents
     WHERE ($1::text IS NULL OR kind = $1) ORDER BY id, version DESC`,
    [kind ?? null],
  );
  return rows.map(toInfo).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** One version of a document, the latest when `version` is omitted. */
export async function findAdvisorDocument(db: Queryable, id: string, version?: number): Promise<AdvisorDocumentRecord | undefined> {
  const rows = await db.query<DocumentRow>(
    `SELECT ${INFO_COLUMNS}, content FROM advisor_documents WHERE id = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
    [id, version ?? null],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listAdvisorDocumentVersions(db: Queryable, id: string): Promise<AdvisorDocumentInfo[]> {
  const rows = await db.query<DocumentRow>(`SELECT ${INFO_COLUMNS} FROM advisor_documents WHERE id = $1 ORDER BY version ASC`, [id]);
  return rows.map(toInfo);
}

export async function countAdvisorDocuments(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM advisor_documents');
  return rows[0]?.n ?? 0;
}

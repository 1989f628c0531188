// Sequence document versions: each publication inserts the next version of its id; nothing is
// updated in place, so every earlier version stays readable.
import type { MusicalSequence } from '../core/sequence/schema';
import type { SequenceIssue } from '../core/sequence/issue';
import type { Queryable } from './db';

export interface SequenceVersionInfo {
  id: string;
  version: number;
  name: string;
  title: string | null;
  sourcePath: string | null;
  movements: number;
  beats: number;
  warningCount: number;
  errorCount: number;
  createdAt: string;
  createdBy: string;
}

export interface SequenceVersionRecord extends SequenceVersionInfo {
  document: MusicalSequence;
  issues: SequenceIssue[];
}

export interface NewSequenceVersion {
  id: string;
  name: string;
  title: string | null;
  document: MusicalSequence;
  sourcePath: string | null;
  movements: number;
  beats: number;
  issues: SequenceIssue[];
  createdBy: string;
}

interface InfoRow {
  id: string;
  version: number;
  name: string;
  title: string | null;
  source_path: string | null;
  movements: number;
  beats: number;
  warning_count: number;
  error_count: number;
  created_at: Date;
  created_by: string;
}

interface RecordRow extends InfoRow {
  document: MusicalSequence;
  warnings: SequenceIssue[];
}

const INFO_COLUMNS = 'id, version, name, title, source_path, movements, beats, warning_count, error_count, created_at, created_by';

function toInfo(r: InfoRow): SequenceVersionInfo {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    title: r.title,
    sourcePath: r.source_path,
    movements: r.movements,
    beats: r.beats,
    warningCount: r.warning_count,
    errorCount: r.error_count,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
}

function toRecord(r: RecordRow): SequenceVersionRecord {
  return { ...toInfo(r), document: r.document, issues: r.warnings };
}

/** Namespace of the per-id advisory lock that serializes version numbering (the second key is the id's hash). */
const VERSION_LOCK_NAMESPACE = 7_100_421;

/** Inserts the next version of the sequence's id; concurrent publications of one id queue on a lock. */
export async function insertSequenceVersion(tx: Queryable, v: NewSequenceVersion, now: Date): Promise<SequenceVersionRecord> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [VERSION_LOCK_NAMESPACE, v.id]);
  const count = (s: SequenceIssue['severity']) => v.issues.filter((i) => i.severity === s).length;
  const rows = await tx.query<RecordRow>(
    `INSERT INTO sequence_versions (id, version, name, title, document, source_path, movements, beats, warnings, warning_count, error_count, created_at, created_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4::jsonb, $5, $6, $7, $8::jsonb, $9, $10, $11, $12 FROM sequence_versions WHERE id = $1
     RETURNING ${INFO_COLUMNS}, document, warnings`,
    [
      v.id,
      v.name,
      v.title,
      JSON.stringify(v.document),
      v.sourcePath,
      v.movements,
      v.beats,
      JSON.stringify(v.issues),
      count('warning'),
      count('error'),
      now,
      v.createdBy,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRecord(row);
}

/** The latest version of every sequence, with how many versions each has, ordered by id. */
export async function listLatestSequences(db: Queryable): Promise<Array<SequenceVersionInfo & { versions: number }>> {
  const rows = await db.query<InfoRow & { versions: number }>(
    `SELECT DISTINCT ON (id) ${INFO_COLUMNS}, count(*) OVER (PARTITION BY id)::int AS versions
     FROM sequence_versions ORDER BY id ASC, version DESC`,
  );
  return rows.map((r) => ({ ...toInfo(r), versions: r.versions }));
}

/** One version of a sequence; without `version`, the latest. */
export async function findSequenceVersion(db: Queryable, id: string, version?: number): Promise<SequenceVersionRecord | undefined> {
  const rows =
    version === undefined
      ? await db.query<RecordRow>(`SELECT ${INFO_COLUMNS}, document, warnings FROM sequence_versions WHERE id = $1 ORDER BY version DESC LIMIT 1`, [id])
      : await db.query<RecordRow>(`SELECT ${INFO_COLUMNS}, document, warnings FROM sequence_versions WHERE id = $1 AND version = $2`, [id, version]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Every version of a sequence, newest first (without their documents). */
export async function listSequenceVersions(db: Queryable, id: string): Promise<SequenceVersionInfo[]> {
  const rows = await db.query<InfoRow>(`SELECT ${INFO_COLUMNS} FROM sequence_versions WHERE id = $1 ORDER BY version DESC`, [id]);
  return rows.map(toInfo);
}

export async function countSequenceVersions(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sequence_versions');
  return rows[0]?.n ?? 0;
}

// Pattern versions: each publication inserts the next version of its slug; nothing is updated in
// place, so every earlier version stays readable and listable.
import type { Pattern } from '../core/ows/schema';
import type { Queryable } from './db';

export interface PatternVersionInfo {
  slug: string;
  version: number;
  title: string;
  /** When this version was stored (ISO date-time). */
  publishedAt: string;
  createdBy: string;
}

export interface PatternVersionRecord extends PatternVersionInfo {
  document: Pattern;
}

export interface NewPatternVersion {
  slug: string;
  title: string;
  document: Pattern;
  createdBy: string;
}

interface InfoRow {
  slug: string;
  version: number;
  title: string;
  published_at: Date;
  created_by: string;
}

interface RecordRow extends InfoRow {
  document: Pattern;
}

const INFO_COLUMNS = 'slug, version, title, published_at, created_by';

function toInfo(r: InfoRow): PatternVersionInfo {
  return { slug: r.slug, version: r.version, title: r.title, publishedAt: r.published_at.toISOString(), createdBy: r.created_by };
}

function toRecord(r: RecordRow): PatternVersionRecord {
  return { ...toInfo(r), document: r.document };
}

/** Namespace of the per-slug advisory lock that serializes version numbering (the second key is the slug's hash). */
const VERSION_LOCK_NAMESPACE = 7_100_422;

/** Serializes publications of one slug until the transaction ends (compare-then-insert stays atomic). */
export async function lockPatternSlug(tx: Queryable, slug: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [VERSION_LOCK_NAMESPACE, slug]);
}

/**
 * Inserts the next version of the slug; concurrent publications of one slug queue on a lock.
 * The stored document's `library.version` is the number the store gave it, so every artifact
 * rendered from it names the version a reader can fetch again.
 */
export async function insertPatternVersion(tx: Queryable, v: NewPatternVersion, now: Date): Promise<PatternVersionRecord> {
  await lockPatternSlug(tx, v.slug);
  const [last] = await tx.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM pattern_versions WHERE slug = $1', [v.slug]);
  const version = (last?.v ?? 0) + 1;
  const document: Pattern = { ...v.document, library: { ...v.document.library, version } };
  const rows = await tx.query<RecordRow>(
    `INSERT INTO pattern_versions (slug, version, title, document, published_at, created_by)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING ${INFO_COLUMNS}, document`,
    [v.slug, version, v.title, JSON.stringify(document), now, v.createdBy],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRecord(row);
}

/** One version of a pattern; without `version`, the latest. */
export async function findPatternVersion(db: Queryable, slug: string, version?: number): Promise<PatternVersionRecord | undefined> {
  const rows =
    version === undefined
      ? await db.query<RecordRow>(`SELECT ${INFO_COLUMNS}, document FROM pattern_versions WHERE slug = $1 ORDER BY version DESC LIMIT 1`, [slug])
      : await db.query<RecordRow>(`SELECT ${INFO_COLUMNS}, document FROM pattern_versions WHERE slug = $1 AND version = $2`, [slug, version]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Every version of a pattern, newest first (without their documents). */
export async function listPatternVersions(db: Queryable, slug: string): Promise<PatternVersionInfo[]> {
  const rows = await db.query<InfoRow>(`SELECT ${INFO_COLUMNS} FROM pattern_versions WHERE slug = $1 ORDER BY version DESC`, [slug]);
  return rows.map(toInfo);
}

/** The latest version of every pattern, with its document, ordered by slug. */
export async function listLatestPatternVersions(db: Queryable): Promise<PatternVersionRecord[]> {
  const rows = await db.query<RecordRow>(`SELECT DISTINCT ON (slug) ${INFO_COLUMNS}, document FROM pattern_versions ORDER BY slug ASC, version DESC`);
  return rows.map(toRecord);
}

/** Slugs that have at least one stored version. */
export async function listPatternSlugs(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ slug: string }>('SELECT DISTINCT slug FROM pattern_versions ORDER BY slug');
  return rows.map((r) => r.slug);
}

export async function countPatternVersions(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pattern_versions');
  return rows[0]?.n ?? 0;
}

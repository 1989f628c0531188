// The reference counter of each pattern (views, article downloads, checklist exports), kept per
// slug across versions, and the library's events read back from the outbox by slug.
import type { Queryable } from './db';
import type { StoredEvent } from './events-repo';

export type ReferenceKind = 'view' | 'article' | 'checklist';

export interface ReferenceCounts {
  views: number;
  articleDownloads: number;
  checklistExports: number;
}

const COLUMN: Record<ReferenceKind, string> = { view: 'views', article: 'article_downloads', checklist: 'checklist_exports' };

interface CountRow {
  slug: string;
  views: string | number;
  article_downloads: string | number;
  checklist_exports: string | number;
}

// bigint columns arrive as strings from `pg`; a counter never nears 2^53.
function toCounts(r: CountRow): ReferenceCounts {
  return { views: Number(r.views), articleDownloads: Number(r.article_downloads), checklistExports: Number(r.checklist_exports) };
}

export const NO_REFERENCES: ReferenceCounts = { views: 0, articleDownloads: 0, checklistExports: 0 };

/** Adds one reference of this kind and returns the slug's counts after it (one statement, no lost updates). */
export async function incrementReference(tx: Queryable, slug: string, kind: ReferenceKind, now: Date): Promise<ReferenceCounts> {
  const column = COLUMN[kind];
  const rows = await tx.query<CountRow>(
    `INSERT INTO pattern_references (slug, ${column}, updated_at) VALUES ($1, 1, $2)
     ON CONFLICT (slug) DO UPDATE SET ${column} = pattern_references.${column} + 1, updated_at = EXCLUDED.updated_at
     RETURNING slug, views, article_downloads, checklist_exports`,
    [slug, now],
  );
  const row = rows[0];
  if (!row) throw new Error('upsert returned no row');
  return toCounts(row);
}

export async function findReferences(db: Queryable, slug: string): Promise<ReferenceCounts> {
  const rows = await db.query<CountRow>('SELECT slug, views, article_downloads, checklist_exports FROM pattern_references WHERE slug = $1', [slug]);
  return rows[0] ? toCounts(rows[0]) : { ...NO_REFERENCES };
}

/** Every slug's counts (slugs never referenced are absent). */
export async function listReferences(db: Queryable): Promise<Map<string, ReferenceCounts>> {
  const rows = await db.query<CountRow>('SELECT slug, views, article_downloads, checklist_exports FROM pattern_references');
  return new Map(rows.map((r) => [r.slug, toCounts(r)]));
}

export function totalReferences(c: ReferenceCounts): number {
  return c.views + c.articleDownloads + c.checklistExports;
}

export const PATTERN_TOPICS = ['pattern.published', 'pattern.detail.viewed', 'article.downloaded', 'checklist.downloaded'] as const;

/** The library's events about one pattern, oldest first. */
export async function listPatternEvents(db: Queryable, slug: string, limit = 100): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: number | string; topic: string; key: string | null; payload: Record<string, unknown>; created_at: Date }>(
    'SELECT id, topic, key, payload, created_at FROM events WHERE key = $1 AND topic = ANY($2::text[]) ORDER BY id ASC LIMIT $3',
    [slug, [...PATTERN_TOPICS], limit],
  );
  return rows.map((r) => ({ id: Number(r.id), topic: r.topic, key: r.key, payload: r.payload, createdAt: r.created_at.toISOString() }));
}

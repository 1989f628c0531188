// The built-in catalog (content/patterns/*.json) and how it is loaded: each file read with the slug
// it declares, published unless the store has that slug, a broken file reported rather than fatal.
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import { listPatternSlugs } from '../store/pattern-versions-repo';
import { patternValueFromText } from './pattern-publish';

export const CATALOG_DIR = fileURLToPath(new URL('../../content/patterns/', import.meta.url));

export interface CatalogFile {
  /** Path relative to the repository root, as logs and reports name it. */
  file: string;
  text: string;
  /** `library.slug` when the file is JSON that declares one. */
  slug?: string;
}

function declaredSlug(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const library = (value as { library?: unknown }).library;
    if (typeof library !== 'object' || library === null) return undefined;
    const slug = (library as { slug?: unknown }).slug;
    return typeof slug === 'string' ? slug : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The *.json files of the catalog directory in name order; a missing directory holds none. Files
 * of the built-in catalog are named from the repository root, others by their full path.
 */
export async function readCatalog(dir: string = CATALOG_DIR): Promise<CatalogFile[]> {
  const prefix = dir === CATALOG_DIR ? 'content/patterns/' : dir.endsWith(sep) ? dir : `${dir}${sep}`;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: CatalogFile[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    const slug = declaredSlug(text);
    files.push({ file: `${prefix}${name}`, text, ...(slug !== undefined ? { slug } : {}) });
  }
  return files;
}

export interface CatalogReport {
  loaded: Array<{ file: string; slug: string; version: number }>;
  skipped: Array<{ file: string; failures: Array<{ gate?: string; rule?: string; pointer?: string; line?: number; message: string }> }>;
  /** Catalog files whose slug the store already holds. */
  present: number;
}

/** The advisory lock key the processes agree on for loading the catalog (the next free one after 005). */
const CATALOG_LOCK_KEY = 7_100_421_006;

/**
 * Publishes every file whose slug the store does not hold yet. Processes starting together take
 * turns on a lock, so each file is loaded once; `stopping` ends the load after the current file.
 */
export async function loadCatalogFiles(
  db: Db,
  dir: string,
  publish: (value: unknown) => Promise<{ record: { slug: string; version: number } }>,
  stopping: () => boolean = () => false,
): Promise<CatalogReport> {
  return db.withConnection(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [CATALOG_LOCK_KEY]);
    try {
      const stored = new Set(await listPatternSlugs(conn));
      const result: CatalogReport = { loaded: [], skipped: [], present: 0 };
      for (const file of await readCatalog(dir)) {
        if (stopping()) break;
        if (file.slug !== undefined && stored.has(file.slug)) {
          result.present++;
          continue;
        }
        try {
          const outcome = await publish(patternValueFromText(file.text, file.file));
          stored.add(outcome.record.slug);
          result.loaded.push({ file: file.file, slug: outcome.record.slug, version: outcome.record.version });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          result.skipped.push({ file: file.file, failures: err.errors.length > 0 ? err.errors : [{ message: err.message }] });
        }
      }
      return result;
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [CATALOG_LOCK_KEY]);
    }
  });
}

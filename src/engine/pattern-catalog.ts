// The built-in catalog (content/patterns/*.json) as the service loads it: file name, text and the
// slug it declares, read without validating so a broken file is reported, not fatal.
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// Files the sequence service reads from the installation: Mermaid's browser bundle (inlined into
// every standalone page, read once) and the built-in sequence definitions in content/sequences.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/shared/error-codes';

export const BUILTIN_SEQUENCES_DIR = fileURLToPath(new URL('../../content/sequences/', import.meta.url));

let mermaidBundle: Promise<string> | undefined;

/** The text of mermaid.min.js, read on first use and kept: it is ~2.7 MB and the same for every page. */
export function mermaidBrowserBundle(): Promise<string> {
  mermaidBundle ??= (async () => {
    let path: string;
    try {
      path = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
    } catch {
      throw new AppError('OW_UNAVAILABLE', 'The standalone HTML page needs Mermaid\'s browser bundle (the "mermaid" package), which is not installed');
    }
    return readFile(path, 'utf8');
  })();
  // A failed read is not cached, so installing the package later fixes it without a restart.
  mermaidBundle.catch(() => {
    mermaidBundle = undefined;
  });
  return mermaidBundle;
}

export interface ContentFile {
  /** Path relative to the repository root, as the generated documents cite it. */
  sourcePath: string;
  text: string;
}

/** The *.json files of a content directory in name order; a missing directory holds none. */
export async function readSequenceContent(dir: string, sourcePrefix: string): Promise<ContentFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return Promise.all(names.map(async (name) => ({ sourcePath: `${sourcePrefix}${name}`, text: await readFile(join(dir, name), 'utf8') })));
}

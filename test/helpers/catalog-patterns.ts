// The built-in catalog (content/patterns), parsed, in file-name order: the input of the tests that
// render or lint every catalog pattern.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePattern } from '../../src/core/ows/parse-pattern';
import type { Pattern } from '../../src/core/ows/schema';

const CATALOG = fileURLToPath(new URL('../../content/patterns/', import.meta.url));

export function catalogPatterns(): Pattern[] {
  return readdirSync(CATALOG)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = parsePattern(JSON.parse(readFileSync(join(CATALOG, f), 'utf8')) as unknown);
      if (!parsed.ok) throw new Error(`${f} does not parse`);
      return parsed.value;
    });
}

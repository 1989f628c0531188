// The render pool renders on worker threads exactly what the single-threaded renderer does: every
// catalog artifact under every golden option set hashes to the recorded golden, in input order,
// with chunks smaller than the catalog so the workers interleave; a failing pattern rejects with
// its position; and the pool also starts the way `ow` runs (tsx registered through its API).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogPatterns } from '../helpers/catalog-patterns';
import type { Pattern } from '../../src/core/ows/schema';
import { RenderPool } from '../../src/engine/render-pool';
import { OPTION_SETS, readGolden } from '../core/ows/artifact-golden';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = join(ROOT, 'content/patterns');
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);


describe('RenderPool', () => {
  const patterns = catalogPatterns();
  const golden = readGolden();
  // Two threads and chunks of 5: the catalog's 24+ patterns come back from both workers, interleaved.
  const pool = new RenderPool({ threads: 2, chunkSize: 5 });
  afterAll(() => pool.close());

  it('renders every artifact byte-identical to the golden hashes, in input order, under every option set', async () => {
    expect(patterns.length).toBeGreaterThan(10);
    let compared = 0;
    for (const [set, options] of Object.entries(OPTION_SETS)) {
      const rendered = await pool.render(patterns, options);
      expect(rendered).toHaveLength(patterns.length);
      rendered.forEach((files, i) => {
        const slug = (patterns[i] as Pattern).library.slug;
        const expected = golden[slug]?.files ?? {};
        for (const [name, content] of Object.entries(files)) {
          expect(hash(content), `${set}/${name} of ${slug}`).toBe(expected[`${set}/${name}`]);
          compared++;
        }
        // No file missing either: as many as the golden has for this option set.
        expect(Object.keys(files).length).toBe(Object.keys(expected).filter((k) => k.startsWith(`${set}/`)).length);
      });
    }
    expect(compared).toBeGreaterThan(patterns.length * 28);
  });

  it('rejects naming the chunk when a pattern cannot be rendered, and keeps working afterwards', async () => {
    const broken = [...patterns.slice(0, 7), { library: {} } as unknown as Pattern, ...patterns.slice(7, 9)];
    await expect(pool.render(broken, OPTION_SETS.plain as never)).rejects.toThrow(/rendering patterns 5…/);
    const again = await pool.render(patterns.slice(0, 3), OPTION_SETS.plain as never);
    expect(again.map((f) => hash(f['ARTICLE.md'] ?? ''))).toEqual(patterns.slice(0, 3).map((p) => golden[p.library.slug]?.files['plain/ARTICLE.md']));
  });

  it('starts from the TypeScript sources the way `ow` runs them (tsx registered through its API)', async () => {
    // bin/ow.mjs registers tsx in the main thread only; the workers must find their own way to the sources.
    const script = [
      "import { register } from 'tsx/esm/api';",
      'register();',
      "const { renderInPool } = await import('./src/engine/render-pool.ts');",
      "const { parsePattern } = await import('./src/core/ows/parse-pattern.ts');",
      "const { readFileSync } = await import('node:fs');",
      `const parsed = parsePattern(JSON.parse(readFileSync(${JSON.stringify(join(CATALOG, readdirSync(CATALOG).filter((f) => f.endsWith('.json')).sort()[0] ?? ''))}, 'utf8')));`,
      "const [files] = await renderInPool([parsed.value, parsed.value], { baseUrl: 'https://ow.example' }, { threads: 2, chunkSize: 1 });",
      "process.stdout.write(JSON.stringify(Object.keys(files)) + '\\n' + files['ARTICLE.md']);",
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    const [names, ...article] = stdout.split('\n');
    expect(JSON.parse(names ?? '[]')).toEqual(['ARTICLE.md', 'as-is.mmd', 'orchestrated.mmd', 'checklist.md', 'checklist.csv', 'checklist.json', 'scorecard.json']);
    const first = patterns[0] as Pattern;
    expect(hash(article.join('\n'))).toBe(golden[first.library.slug]?.files['plain/ARTICLE.md']);
  });
});

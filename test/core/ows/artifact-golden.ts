// Golden hashes of every artifact the catalog renders (under several option sets) and of a white-label
// pass over each: speed work must not change one output byte. Regenerate only for an intended change:
//   npx tsx test/core/ows/artifact-golden.ts --write
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderArtifacts, type ArtifactOptions } from '../../../src/core/ows/artifacts';
import { effectiveBudget } from '../../../src/core/ows/diagram-lint';
import { parsePattern } from '../../../src/core/ows/parse-pattern';
import { requireTermMap, whiteLabelMermaid, whiteLabelText } from '../../../src/core/ows/white-label';

const CATALOG = fileURLToPath(new URL('../../../content/patterns/', import.meta.url));
export const GOLDEN_PATH = fileURLToPath(new URL('./fixtures/artifact-hashes.json', import.meta.url));

/** Option sets chosen to reach every formatting path: three currencies (JPY has no minor unit), buffer, client name, no SOW. */
export const OPTION_SETS: Record<string, ArtifactOptions> = {
  usd: { baseUrl: 'https://patterns.example.com', sow: { dayRate: 1200, fteCount: 2 } },
  eur: { baseUrl: 'https://ow.example/base/', sow: { dayRate: 987.65, fteCount: 3, bufferPercent: 10, currency: 'EUR', clientName: 'Acme; <b>Ltd</b>' } },
  jpy: { baseUrl: 'http://localhost:4000', sow: { dayRate: 85_000, fteCount: 1.5, bufferPercent: 0, currency: 'JPY', daysPerWeek: 4 } },
  plain: { baseUrl: 'https://ow.example' },
};

// Long client names push labels over the limits, so the white-label pass reports violations too.
const TERMS = requireTermMap({ L1: 'Tier 1 Zendesk Desk Team', Queue: 'Salesforce Case Queue', Agent: 'Agent 🧑‍💻 Ops', Manager: 'Gerente de Operações' });

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

export type GoldenHashes = Record<string, { source: string; files: Record<string, string> }>;

/** slug → hash of its catalog file and of each rendered artifact. */
export function computeGolden(): GoldenHashes {
  const out: GoldenHashes = {};
  for (const file of readdirSync(CATALOG).filter((f) => f.endsWith('.json')).sort()) {
    const raw = readFileSync(join(CATALOG, file), 'utf8');
    const parsed = parsePattern(JSON.parse(raw) as unknown);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const pattern = parsed.value;
    const files: Record<string, string> = {};
    for (const [set, options] of Object.entries(OPTION_SETS)) {
      for (const [name, content] of Object.entries(renderArtifacts(pattern, options))) files[`${set}/${name}`] = hash(content);
    }
    const usd = renderArtifacts(pattern, OPTION_SETS.usd as ArtifactOptions);
    const budget = effectiveBudget(pattern);
    for (const name of ['as-is.mmd', 'orchestrated.mmd']) {
      files[`white-label/${name}`] = hash(JSON.stringify(whiteLabelMermaid(usd[name] ?? '', TERMS, budget)));
    }
    files['white-label/ARTICLE.md'] = hash(JSON.stringify(whiteLabelText(usd['ARTICLE.md'] ?? '', TERMS, budget)));
    out[pattern.library.slug] = { source: hash(raw), files };
  }
  return out;
}

export function readGolden(): GoldenHashes {
  return JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as GoldenHashes;
}

if (process.argv.includes('--write')) {
  writeFileSync(GOLDEN_PATH, `${JSON.stringify(computeGolden(), null, 1)}\n`);
  console.log(`wrote ${GOLDEN_PATH}`);
}

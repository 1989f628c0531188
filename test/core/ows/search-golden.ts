// Golden hashes of search results over a seeded generated catalog (items with scores, totals, pages,
// sorts, facet counts): speed work on the search path must answer every query exactly as before.
// Regenerate only for an intended change: npx tsx test/core/ows/search-golden.ts --write
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syntheticCatalog } from '../../../bench/pattern-search.bench';
import type { PatternIndex, PatternQueryInput } from '../../../src/core/ows/search-index';

export const SEARCH_GOLDEN_PATH = fileURLToPath(new URL('./fixtures/search-hashes.json', import.meta.url));

export const GOLDEN_CATALOG = () => syntheticCatalog(500, 7);

const WORDS = ['queue', 'owner', 'ticket agent', 'que', 'escalation backlog', 'claim', 'refnd', 'capacity crunch', 'kalo', 'the', 'patient referral', 'zzzz', 'rollback', 'approval', 'sla breach'];
const SORTS = [undefined, 'relevance', 'referenced', 'newest', 'clarity'] as const;
const FILTERS: PatternQueryInput[] = [
  {},
  { industry: ['Finance'] },
  { industry: ['finance', 'Retail'], maturity: ['Early'] },
  { problemType: ['Backlog', 'Handoffs'], brokenSignal: ['Time/SLA'] },
  { maturity: ['Advanced'], industry: ['Nowhere'] },
];

/** A fixed list of queries: text or none × filters × sorts × pages and page sizes. */
export function goldenQueries(): PatternQueryInput[] {
  const out: PatternQueryInput[] = [];
  [undefined, ...WORDS].forEach((q, i) => {
    FILTERS.forEach((filter, j) => {
      const sort = SORTS[(i + j) % SORTS.length];
      for (const [page, pageSize] of [[1, 20], [3, 7], [40, 50]] as const) {
        out.push({ ...(q === undefined ? {} : { q }), ...filter, ...(sort === undefined ? {} : { sort }), page, pageSize });
      }
    });
  });
  return out;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);

/** One hash per query, in goldenQueries() order. */
export function searchHashes(index: PatternIndex, queries = goldenQueries()): string[] {
  return queries.map((q) => hash(index.search(q)));
}

export function readSearchGolden(): string[] {
  return JSON.parse(readFileSync(SEARCH_GOLDEN_PATH, 'utf8')) as string[];
}

if (process.argv.includes('--write')) {
  const { createPatternIndex } = await import('../../../src/core/ows/search-index');
  writeFileSync(SEARCH_GOLDEN_PATH, `${JSON.stringify(searchHashes(createPatternIndex(GOLDEN_CATALOG(), { textCacheSize: 0 })), null, 0)}\n`);
  console.log(`wrote ${SEARCH_GOLDEN_PATH}`);
}

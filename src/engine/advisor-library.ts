// What the router needs of the pattern library: every published pattern's slug, title and
// problem types, read page by page through the library's own search.
import type { PatternSummary } from './advisor-analyses';
import type { PatternService } from './pattern-service';

const PAGE_SIZE = 100;
/** The library is a curated catalog; far fewer pages than this. */
const MAX_PAGES = 50;

export async function libraryPatternSummaries(patterns: PatternService): Promise<PatternSummary[]> {
  const out: PatternSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await patterns.search({ page, pageSize: PAGE_SIZE });
    out.push(...result.items.map((p) => ({ slug: p.slug, title: p.title, problemTypes: p.problemTypes })));
    if (page >= result.pageCount) break;
  }
  return out;
}

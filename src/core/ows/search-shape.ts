// What a query's words and filters select, independent of sort and page, with the facet counts:
// computed from the facet bitsets (ANDs and popcounts, no walk over the rows) and cached per shape.
import { hasRow, rowsOf } from './search-facet-columns';
import type { FacetVocabulary } from './search-facets';
import type { RecentCache } from './search-cache';
import { FACETS, type PatternQuery } from './search-query';
import type { Snapshot } from './search-snapshot';
import type { TextMatches } from './search-text-match';

export interface ShapeMatches {
  /** Matching rows: in MiniSearch's order (ranked at paging) for a text query, else in row order. */
  rows: Int32Array;
  /** The matching rows as a bitset, to walk a sort order and stop after the page. */
  member: Uint32Array;
  /** Per facet, the count of every value id. */
  counts: Int32Array[];
  text?: TextMatches;
}

/** The rows a query's words and filters select, with the facet counts, computed once per shape. */
export function matchShape(
  view: Snapshot,
  vocabulary: FacetVocabulary,
  terms: readonly string[],
  query: PatternQuery,
  cache: RecentCache<ShapeMatches>,
  matchText: () => TextMatches,
): ShapeMatches {
  const tables = FACETS.map((facet, f) => {
    const values = query[facet];
    return values && values.length ? vocabulary.select(f, values) : null;
  });
  // Filters select by value id, so the shape is the words plus the ids selected per facet.
  const key = JSON.stringify([terms, tables.map((t) => (t ? Array.from(t.keys()).filter((id) => t[id] === 1) : null))]);
  const cached = cache.get(key);
  if (cached) return cached;
  const selections = tables.map((table, f) => (table ? view.columns.union(f, table) : null));
  const counts = FACETS.map((_, f) => new Int32Array(vocabulary.size(f)));
  let shape: ShapeMatches;
  if (terms.length > 0) {
    const text = matchText();
    const member = view.columns.select(selections, view.columns.fromRows(text.rows), counts);
    // Keep MiniSearch's order: ties in relevance are ranked in it.
    const rows = text.rows.filter((row) => hasRow(member, row));
    shape = { rows, member, counts, text };
  } else {
    const member = view.columns.select(selections, null, counts);
    shape = { rows: rowsOf(member), member, counts };
  }
  cache.set(key, shape);
  return shape;
}

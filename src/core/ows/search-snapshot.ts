// What the search index derives from its current set of patterns and rebuilds after a change: rows,
// facet bitsets, MiniSearch document id ↔ row, the postings in typed arrays, and the sort orders.
import type MiniSearch from 'minisearch';
import { FacetColumns } from './search-facet-columns';
import type { FacetIds, FacetVocabulary } from './search-facets';
import type { SearchablePattern } from './search-pattern';
import { compilePostings, type CompiledPostings } from './search-postings';
import { FACETS, type SortKey } from './search-query';

export interface Entry {
  pattern: SearchablePattern;
  ids: FacetIds;
  publishedMs: number;
  /** Row in the current snapshot. */
  row: number;
}

export interface Snapshot {
  columns: FacetColumns;
  entries: Entry[];
  /** MiniSearch document id → row, and back. */
  rowOfDoc: Int32Array;
  docOfRow: Int32Array;
  postings: CompiledPostings;
  /** Rows by sort; cleared when a reference count changes. */
  orders: Map<SortKey, Int32Array>;
}

export function buildSnapshot(byslug: ReadonlyMap<string, Entry>, vocabulary: FacetVocabulary, text: MiniSearch<SearchablePattern>, fields: readonly string[]): Snapshot {
  const entries = [...byslug.values()];
  entries.forEach((e, row) => {
    e.row = row;
  });
  const columns = new FacetColumns(
    FACETS.map((_, f) => vocabulary.size(f)),
    entries.map((e) => e.ids),
  );
  const internals = text as unknown as { _nextId: number; _documentIds: Map<number, string> };
  const rowOfDoc = new Int32Array(internals._nextId).fill(-1);
  const docOfRow = new Int32Array(entries.length);
  for (const [doc, slug] of internals._documentIds) {
    const row = (byslug.get(slug) as Entry).row;
    rowOfDoc[doc] = row;
    docOfRow[row] = doc;
  }
  const postings = compilePostings(text as unknown as MiniSearch<unknown>, fields);
  return { columns, entries, rowOfDoc, docOfRow, postings, orders: new Map() };
}

// Ties are broken by slug so equal patterns always come out in the same order.
const BY: Record<Exclude<SortKey, 'relevance'>, (a: Entry, b: Entry) => number> = {
  referenced: (a, b) => b.pattern.referenceCount - a.pattern.referenceCount || b.publishedMs - a.publishedMs || a.pattern.slug.localeCompare(b.pattern.slug),
  newest: (a, b) => b.publishedMs - a.publishedMs || b.pattern.referenceCount - a.pattern.referenceCount || a.pattern.slug.localeCompare(b.pattern.slug),
  clarity: (a, b) => b.pattern.clarityScore - a.pattern.clarityScore || b.pattern.referenceCount - a.pattern.referenceCount || a.pattern.slug.localeCompare(b.pattern.slug),
};

/** Every row in a sort's order, computed once per snapshot (and again after a reference count changes). */
export function sortedRows(view: Snapshot, sort: Exclude<SortKey, 'relevance'>): Int32Array {
  let rows = view.orders.get(sort);
  if (!rows) {
    rows = Int32Array.from([...view.entries].sort(BY[sort]).map((e) => e.row));
    view.orders.set(sort, rows);
  }
  return rows;
}

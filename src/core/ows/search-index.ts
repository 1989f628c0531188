// The pattern library's search: ranked full text (MiniSearch: BM25, prefix matching, a typo-tolerant
// fallback, title boosted) combined with facet filters, sorting, paging and facet counts.
import MiniSearch from 'minisearch';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';
import { RecentCache } from './search-cache';
import { hasRow } from './search-facet-columns';
import { FacetVocabulary, type FacetCounts } from './search-facets';
import { searchablePatternSchema, type PatternSearchHit, type SearchablePattern } from './search-pattern';
import { FACETS, SEARCH_LIMITS, parsePatternQuery, type FacetName, type PatternQueryInput, type SortKey } from './search-query';
import { topRanked } from './search-scoring';
import { matchShape, type ShapeMatches } from './search-shape';
import { buildSnapshot, sortedRows, type Entry, type Snapshot } from './search-snapshot';
import { processTerm, queryTerms, tokenize } from './search-text';
import { BOOST, matchText, prefixMatch, TEXT_FIELDS, type TextMatches } from './search-text-match';

export { FACETS, SORTS, parsePatternQuery, patternQuerySchema } from './search-query';
export type { FacetName, PatternQuery, PatternQueryInput, SortKey } from './search-query';
export type { FacetCounts } from './search-facets';
export { searchablePatternSchema } from './search-pattern';
export type { PatternSearchHit, SearchablePattern } from './search-pattern';

export interface PatternSearchResult {
  items: PatternSearchHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The sort applied: `relevance` by default with a text query, else `referenced`. */
  sort: SortKey;
  /** True when no pattern matched the words as typed and typo-tolerant matching was used. */
  approximate: boolean;
  facets: FacetCounts;
}

export interface PatternIndexOptions {
  /** Facet values to list even with no pattern (e.g. the OWS enumerations), in display order. */
  knownFacetValues?: Partial<Record<FacetName, readonly string[]>>;
  /**
   * How many recent queries keep their work (default 64; 0 disables): the text matches per
   * search words, and the matching set with its facet counts per words and filters. Refining a
   * search by facet, sort or page then skips the text scoring, and paging or re-sorting skips
   * the counting too. Adding, replacing or removing a pattern clears both; a new reference count
   * clears neither (it changes orderings only).
   */
  textCacheSize?: number;
}

export interface PatternIndex {
  search(query?: PatternQueryInput): PatternSearchResult;
  /** Adds a pattern; a slug already in the index is a conflict. */
  add(pattern: SearchablePattern): void;
  /** Adds or replaces the pattern with this slug. */
  replace(pattern: SearchablePattern): 'added' | 'replaced';
  /** Removes a pattern; false when the slug is unknown. */
  remove(slug: string): boolean;
  /**
   * Sets a pattern's reference count (false when the slug is unknown). Unlike `replace`, the text
   * is not re-indexed and cached matches stay valid: views and downloads change counts often.
   */
  updateReferenceCount(slug: string, referenceCount: number): boolean;
  has(slug: string): boolean;
  readonly size: number;
}

const FACET_FIELD: Record<FacetName, (p: SearchablePattern) => readonly string[]> = {
  industry: (p) => p.industries,
  problemType: (p) => p.problemTypes,
  brokenSignal: (p) => p.brokenSignals,
  maturity: (p) => [p.maturity],
};

function validatePattern(input: unknown, pointerPrefix: ReadonlyArray<PropertyKey>): SearchablePattern {
  const parsed = searchablePatternSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = zodIssuesToLocations(parsed.error.issues, pointerPrefix);
  throw new AppError('OW_VALIDATION', `Invalid searchable pattern:\n${formatLocations(errors)}`, errors);
}

function hit(entry: Entry, match?: { score: number; terms: string[] }): PatternSearchHit {
  const { body: _body, ...rest } = entry.pattern;
  return match ? { ...rest, score: Math.round(match.score * 1000) / 1000, matchedTerms: match.terms } : rest;
}

class MiniSearchPatternIndex implements PatternIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly text = new MiniSearch<SearchablePattern>({
    idField: 'slug',
    fields: [...TEXT_FIELDS],
    storeFields: [],
    tokenize,
    processTerm,
    // Removal is explicit (`remove` with the stored document), so no background vacuuming.
    autoVacuum: false,
    searchOptions: {
      boost: BOOST,
      prefix: prefixMatch,
      fuzzy: false,
      combineWith: 'AND',
    },
  });
  private readonly vocabulary: FacetVocabulary;
  private snapshot: Snapshot | undefined;
  private readonly textCache: RecentCache<TextMatches>;
  private readonly shapeCache: RecentCache<ShapeMatches>;

  constructor(patterns: readonly unknown[], options: PatternIndexOptions) {
    this.vocabulary = new FacetVocabulary(options.knownFacetValues ?? {});
    const cacheSize = Math.max(0, Math.floor(options.textCacheSize ?? 64));
    this.textCache = new RecentCache(cacheSize);
    this.shapeCache = new RecentCache(cacheSize);
    const errors: ErrorLocation[] = [];
    const valid = new Map<string, SearchablePattern>();
    patterns.forEach((input, i) => {
      try {
        const p = validatePattern(input, [i]);
        if (valid.has(p.slug)) errors.push({ pointer: `/${i}/slug`, message: `duplicate slug "${p.slug}"` });
        else valid.set(p.slug, p);
      } catch (e) {
        if (e instanceof AppError) errors.push(...e.errors);
        else throw e;
      }
    });
    if (errors.length) throw new AppError('OW_VALIDATION', `Invalid searchable patterns:\n${formatLocations(errors)}`, errors);
    for (const p of valid.values()) this.insert(p);
  }

  get size(): number {
    return this.entries.size;
  }

  has(slug: string): boolean {
    return this.entries.has(slug);
  }

  private insert(pattern: SearchablePattern): void {
    const ids = FACETS.map((facet, f) => this.vocabulary.add(f, FACET_FIELD[facet](pattern)));
    this.entries.set(pattern.slug, { pattern, ids, publishedMs: Date.parse(pattern.publishedAt), row: -1 });
    this.text.add(pattern);
    this.changed();
  }

  /** The set of patterns changed: rows, bitmasks, orders and every cached match are stale. */
  private changed(): void {
    this.snapshot = undefined;
    this.textCache.clear();
    this.shapeCache.clear();
  }

  add(input: SearchablePattern): void {
    const pattern = validatePattern(input, []);
    if (this.entries.has(pattern.slug)) throw new AppError('OW_CONFLICT', `A pattern with slug "${pattern.slug}" is already in the index`, [{ pointer: '/slug', message: 'already in the index' }]);
    this.insert(pattern);
  }

  replace(input: SearchablePattern): 'added' | 'replaced' {
    const pattern = validatePattern(input, []);
    const existed = this.remove(pattern.slug);
    this.insert(pattern);
    return existed ? 'replaced' : 'added';
  }

  remove(slug: string): boolean {
    const entry = this.entries.get(slug);
    if (!entry) return false;
    this.text.remove(entry.pattern);
    this.entries.delete(slug);
    entry.ids.forEach((ids, f) => this.vocabulary.remove(f, ids));
    this.changed();
    return true;
  }

  updateReferenceCount(slug: string, referenceCount: number): boolean {
    if (!Number.isInteger(referenceCount) || referenceCount < 0) {
      throw new AppError('OW_VALIDATION', 'Invalid reference count: must be a whole number of 0 or more', [{ pointer: '/referenceCount', message: 'must be a whole number of 0 or more' }]);
    }
    const entry = this.entries.get(slug);
    if (!entry) return false;
    if (entry.pattern.referenceCount === referenceCount) return true;
    entry.pattern = { ...entry.pattern, referenceCount };
    // Every sort order uses the count (as key or tie-break); matches and facet counts do not.
    this.snapshot?.orders.clear();
    return true;
  }

  private view(): Snapshot {
    this.snapshot ??= buildSnapshot(this.entries, this.vocabulary, this.text, TEXT_FIELDS);
    return this.snapshot;
  }

  search(input: PatternQueryInput = {}): PatternSearchResult {
    const query = parsePatternQuery(input);
    const terms = query.q ? queryTerms(query.q) : [];
    const textual = terms.length > 0;
    const sort: SortKey = query.sort === undefined || (query.sort === 'relevance' && !textual) ? (textual ? 'relevance' : 'referenced') : query.sort;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SEARCH_LIMITS.defaultPageSize;
    const view = this.view();
    const shape = matchShape(view, this.vocabulary, terms, query, this.shapeCache, () => matchText(view, this.text, terms, this.textCache));
    const start = (page - 1) * pageSize;
    // Only the page is put in order and materialised: relevance keeps the best `start + pageSize`
    // matches in a bounded heap; another sort walks that sort's precomputed row order and stops
    // once the page is full.
    let pageRows: number[] = [];
    const { text } = shape;
    if (sort === 'relevance') {
      const { rows } = shape;
      const score = text?.score;
      pageRows = score ? topRanked(rows.length, (i) => score[rows[i] as number] as number, start, start + pageSize).map((i) => rows[i] as number) : [];
    } else if (start < shape.rows.length) {
      const order = sortedRows(view, sort);
      let seen = 0;
      for (let i = 0; i < order.length && pageRows.length < pageSize; i++) {
        const row = order[i] as number;
        if (!hasRow(shape.member, row)) continue;
        if (seen >= start) pageRows.push(row);
        seen++;
      }
    }
    const facets = Object.fromEntries(FACETS.map((facet, f) => [facet, this.vocabulary.report(f, shape.counts[f] as Int32Array, query[facet] ?? [])])) as FacetCounts;
    const total = shape.rows.length;
    return {
      items: pageRows.map((row) => {
        const entry = view.entries[row] as Entry;
        return hit(entry, text ? { score: text.score[row] as number, terms: text.terms(row) } : undefined);
      }),
      total,
      page,
      pageSize,
      pageCount: Math.ceil(total / pageSize),
      sort,
      approximate: text?.approximate ?? false,
      facets,
    };
  }
}

/** Builds the index; invalid or duplicate patterns are all reported with their JSON pointers (`/3/publishedAt`). */
export function createPatternIndex(patterns: readonly SearchablePattern[], options: PatternIndexOptions = {}): PatternIndex {
  return new MiniSearchPatternIndex(patterns, options);
}

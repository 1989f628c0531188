// The pattern library's search: ranked full text (MiniSearch: BM25, prefix matching, a typo-tolerant
// fallback, title boosted) combined with facet filters, sorting, paging and facet counts.
import MiniSearch from 'minisearch';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';
import { FacetMatrix, FacetVocabulary, type FacetCounts, type FacetIds } from './search-facets';
import { FACETS, SEARCH_LIMITS, parsePatternQuery, type FacetName, type PatternQueryInput, type SortKey } from './search-query';
import { searchablePatternSchema, type PatternSearchHit, type SearchablePattern } from './search-pattern';
import { scoreText, topRanked, type ScoredText, type ScoringOptions } from './search-scoring';
import { processTerm, queryTerms, tokenize } from './search-text';

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

interface TextMatches {
  /** Matching rows in MiniSearch's order before ranking: ranking is by score, ties in this order. */
  rows: Int32Array;
  /** Row → score (read for matching rows only). */
  score: Float64Array;
  /** A matching row's matched index terms. */
  terms(row: number): string[];
  approximate: boolean;
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

interface Entry {
  pattern: SearchablePattern;
  ids: FacetIds;
  publishedMs: number;
  /** Row in the current facet matrix. */
  row: number;
}

/** Facet bitmasks and sort orders for the current set of patterns, rebuilt after a change. */
interface Snapshot {
  matrix: FacetMatrix;
  entries: Entry[];
  /** MiniSearch document id → row, and back. */
  rowOfDoc: Int32Array;
  docOfRow: Int32Array;
  /** Rows by sort; cleared when a reference count changes. */
  orders: Map<SortKey, Int32Array>;
}

/** What a query's words and filters select, independent of sort and page (cached per shape). */
interface ShapeMatches {
  /** Matching rows: in MiniSearch's order (ranked at paging) for a text query, else in row order. */
  rows: Int32Array;
  /** Row → 1 when it matches, to walk a sort order and stop after the page. */
  member: Uint8Array;
  /** Per facet, the count of every value id. */
  counts: Int32Array[];
  text?: TextMatches;
}

const FACET_FIELD: Record<FacetName, (p: SearchablePattern) => readonly string[]> = {
  industry: (p) => p.industries,
  problemType: (p) => p.problemTypes,
  brokenSignal: (p) => p.brokenSignals,
  maturity: (p) => [p.maturity],
};

const TEXT_FIELDS = ['title', 'problem', 'orchestrationShift', 'body'] as const;
const BOOST = { title: 3, problem: 1.5, orchestrationShift: 1.5 };
const prefixMatch = (term: string): boolean => term.length >= 3;
const SCORING: ScoringOptions = { fields: TEXT_FIELDS, boost: BOOST, prefix: prefixMatch, tokenize, processTerm };
// The fallback when no pattern has the words as typed: up to 1 edit from 4 letters, 20% from 5 (at most 2).
const typoTolerance = (term: string): number | false => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false);
const MAX_FUZZY = 2;
const FUZZY_SCORING: ScoringOptions = { ...SCORING, fuzzy: typoTolerance, maxFuzzy: MAX_FUZZY };

function validatePattern(input: unknown, pointerPrefix: ReadonlyArray<PropertyKey>): SearchablePattern {
  const parsed = searchablePatternSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = zodIssuesToLocations(parsed.error.issues, pointerPrefix);
  throw new AppError('OW_VALIDATION', `Invalid searchable pattern:\n${formatLocations(errors)}`, errors);
}

// Ties are broken by slug so equal patterns always come out in the same order.
const BY: Record<Exclude<SortKey, 'relevance'>, (a: Entry, b: Entry) => number> = {
  referenced: (a, b) => b.pattern.referenceCount - a.pattern.referenceCount || b.publishedMs - a.publishedMs || a.pattern.slug.localeCompare(b.pattern.slug),
  newest: (a, b) => b.publishedMs - a.publishedMs || b.pattern.referenceCount - a.pattern.referenceCount || a.pattern.slug.localeCompare(b.pattern.slug),
  clarity: (a, b) => b.pattern.clarityScore - a.pattern.clarityScore || b.pattern.referenceCount - a.pattern.referenceCount || a.pattern.slug.localeCompare(b.pattern.slug),
};

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
  private readonly textCache = new Map<string, TextMatches>();
  private readonly shapeCache = new Map<string, ShapeMatches>();
  private readonly textCacheSize: number;

  constructor(patterns: readonly unknown[], options: PatternIndexOptions) {
    this.vocabulary = new FacetVocabulary(options.knownFacetValues ?? {});
    this.textCacheSize = Math.max(0, Math.floor(options.textCacheSize ?? 64));
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
    if (!this.snapshot) {
      const entries = [...this.entries.values()];
      entries.forEach((e, row) => {
        e.row = row;
      });
      const matrix = new FacetMatrix(
        FACETS.map((_, f) => this.vocabulary.size(f)),
        entries.map((e) => e.ids),
      );
      const internals = this.text as unknown as { _nextId: number; _documentIds: Map<number, string> };
      const rowOfDoc = new Int32Array(internals._nextId).fill(-1);
      const docOfRow = new Int32Array(entries.length);
      for (const [doc, slug] of internals._documentIds) {
        const row = (this.entries.get(slug) as Entry).row;
        rowOfDoc[doc] = row;
        docOfRow[row] = doc;
      }
      this.snapshot = { matrix, entries, rowOfDoc, docOfRow, orders: new Map() };
    }
    return this.snapshot;
  }

  private inOrder(view: Snapshot, sort: Exclude<SortKey, 'relevance'>): Int32Array {
    let rows = view.orders.get(sort);
    if (!rows) {
      rows = Int32Array.from([...view.entries].sort(BY[sort]).map((e) => e.row));
      view.orders.set(sort, rows);
    }
    return rows;
  }

  /** Text matches, best first: words as typed (the last ones also as prefixes), else typo-tolerant. */
  private matchText(view: Snapshot, terms: readonly string[]): TextMatches {
    const q = terms.join(' ');
    const cached = this.recall(this.textCache, q);
    if (cached) return cached;
    // Scored from the index without a result object per match (the words as typed, else with
    // typo tolerance); an index holding discarded documents goes through MiniSearch itself.
    const index = this.text as unknown as MiniSearch<unknown>;
    const fromScored = (scored: ScoredText, approximate: boolean): TextMatches => {
      const score = new Float64Array(view.entries.length);
      const rows = scored.docs.map((doc) => {
        const row = view.rowOfDoc[doc] as number;
        score[row] = scored.score[doc] as number;
        return row;
      });
      return { rows, score, terms: (row) => scored.terms(view.docOfRow[row] as number), approximate };
    };
    const scored = scoreText(index, q, SCORING);
    const typo = scored && scored.docs.length === 0 ? scoreText(index, q, FUZZY_SCORING) : null;
    let matches: TextMatches;
    if (scored && scored.docs.length > 0) matches = fromScored(scored, false);
    else if (typo) matches = fromScored(typo, true);
    else {
      const exact = this.text.search(q);
      const approximate = exact.length === 0;
      const results = approximate ? this.text.search(q, { fuzzy: typoTolerance, maxFuzzy: MAX_FUZZY }) : exact;
      const score = new Float64Array(view.entries.length);
      const termsOf = new Map<number, string[]>();
      const rows = Int32Array.from(results, (r) => {
        const row = (this.entries.get(r.id as string) as Entry).row;
        score[row] = r.score;
        termsOf.set(row, r.terms);
        return row;
      });
      matches = { rows, score, terms: (row) => termsOf.get(row) ?? [], approximate };
    }
    this.remember(this.textCache, q, matches);
    return matches;
  }

  /** Keeps the most recent `textCacheSize` entries of a cache. */
  private remember<T>(cache: Map<string, T>, key: string, value: T): void {
    if (this.textCacheSize === 0) return;
    cache.set(key, value);
    if (cache.size > this.textCacheSize) cache.delete(cache.keys().next().value as string);
  }

  private recall<T>(cache: Map<string, T>, key: string): T | undefined {
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Re-insert to mark it most recently used.
      cache.delete(key);
      cache.set(key, hit);
    }
    return hit;
  }

  /** The rows a query's words and filters select, with the facet counts, computed once per shape. */
  private matchShape(view: Snapshot, terms: readonly string[], query: ReturnType<typeof parsePatternQuery>): ShapeMatches {
    const tables = FACETS.map((facet, f) => {
      const values = query[facet];
      return values && values.length ? this.vocabulary.select(f, values) : null;
    });
    // Filters select by value id, so the shape is the words plus the ids selected per facet.
    const key = JSON.stringify([terms, tables.map((t) => (t ? Array.from(t.keys()).filter((id) => t[id] === 1) : null))]);
    const cached = this.recall(this.shapeCache, key);
    if (cached) return cached;
    const masks = tables.map((table, f) => (table ? view.matrix.mask(f, table) : null));
    const counts = FACETS.map((_, f) => new Int32Array(this.vocabulary.size(f)));
    const n = view.entries.length;
    const member = new Uint8Array(n);
    let shape: ShapeMatches;
    if (terms.length > 0) {
      const text = this.matchText(view, terms);
      const rows: number[] = [];
      for (const row of text.rows) {
        if (!view.matrix.tally(row, masks, counts)) continue;
        rows.push(row);
        member[row] = 1;
      }
      shape = { rows: Int32Array.from(rows), member, counts, text };
    } else {
      const rows: number[] = [];
      for (let row = 0; row < n; row++) {
        if (!view.matrix.tally(row, masks, counts)) continue;
        rows.push(row);
        member[row] = 1;
      }
      shape = { rows: Int32Array.from(rows), member, counts };
    }
    this.remember(this.shapeCache, key, shape);
    return shape;
  }

  search(input: PatternQueryInput = {}): PatternSearchResult {
    const query = parsePatternQuery(input);
    const terms = query.q ? queryTerms(query.q) : [];
    const textual = terms.length > 0;
    const sort: SortKey = query.sort === undefined || (query.sort === 'relevance' && !textual) ? (textual ? 'relevance' : 'referenced') : query.sort;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SEARCH_LIMITS.defaultPageSize;
    const view = this.view();
    const shape = this.matchShape(view, terms, query);
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
      const order = this.inOrder(view, sort);
      let seen = 0;
      for (let i = 0; i < order.length && pageRows.length < pageSize; i++) {
        const row = order[i] as number;
        if (shape.member[row] !== 1) continue;
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

// The pattern library's search: ranked full text (MiniSearch: BM25, prefix matching, a typo-tolerant
// fallback, title boosted) combined with facet filters, sorting, paging and facet counts.
import MiniSearch from 'minisearch';
import { AppError, type ErrorLocation } from '../shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../shared/zod-errors';
import { FacetMatrix, FacetVocabulary, type FacetCounts, type FacetIds } from './search-facets';
import { FACETS, SEARCH_LIMITS, parsePatternQuery, type FacetName, type PatternQueryInput, type SortKey } from './search-query';
import { searchablePatternSchema, type PatternSearchHit, type SearchablePattern } from './search-pattern';
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
   * How many recent text queries keep their matches (default 64; 0 disables). Refining a
   * search by facet, sort or page then skips the text scoring; any change to the index clears it.
   */
  textCacheSize?: number;
}

interface TextMatches {
  /** MiniSearch results as returned (best first); `id` is the slug. */
  results: ReadonlyArray<{ id: unknown; score: number; terms: string[] }>;
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
  orders: Map<SortKey, Int32Array>;
}

const FACET_FIELD: Record<FacetName, (p: SearchablePattern) => readonly string[]> = {
  industry: (p) => p.industries,
  problemType: (p) => p.problemTypes,
  brokenSignal: (p) => p.brokenSignals,
  maturity: (p) => [p.maturity],
};

const TEXT_FIELDS = ['title', 'problem', 'orchestrationShift', 'body'] as const;

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
      boost: { title: 3, problem: 1.5, orchestrationShift: 1.5 },
      prefix: (term) => term.length >= 3,
      fuzzy: false,
      combineWith: 'AND',
    },
  });
  private readonly vocabulary: FacetVocabulary;
  private snapshot: Snapshot | undefined;
  private readonly textCache = new Map<string, TextMatches>();
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
    this.snapshot = undefined;
    this.textCache.clear();
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
    this.snapshot = undefined;
    this.textCache.clear();
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
      this.snapshot = { matrix, entries, orders: new Map() };
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
  private matchText(terms: readonly string[]): TextMatches {
    const q = terms.join(' ');
    const cached = this.textCache.get(q);
    if (cached) {
      // Re-insert to mark it most recently used.
      this.textCache.delete(q);
      this.textCache.set(q, cached);
      return cached;
    }
    const exact = this.text.search(q);
    const matches: TextMatches =
      exact.length > 0
        ? { results: exact, approximate: false }
        : { results: this.text.search(q, { fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false), maxFuzzy: 2 }), approximate: true };
    if (this.textCacheSize > 0) {
      this.textCache.set(q, matches);
      if (this.textCache.size > this.textCacheSize) this.textCache.delete(this.textCache.keys().next().value as string);
    }
    return matches;
  }

  search(input: PatternQueryInput = {}): PatternSearchResult {
    const query = parsePatternQuery(input);
    const terms = query.q ? queryTerms(query.q) : [];
    const textual = terms.length > 0;
    const sort: SortKey = query.sort === undefined || (query.sort === 'relevance' && !textual) ? (textual ? 'relevance' : 'referenced') : query.sort;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SEARCH_LIMITS.defaultPageSize;
    const view = this.view();
    const masks = FACETS.map((facet, f) => {
      const values = query[facet];
      return values && values.length ? view.matrix.mask(f, this.vocabulary.select(f, values)) : null;
    });
    const counts = FACETS.map((_, f) => new Int32Array(this.vocabulary.size(f)));
    const matched: Entry[] = [];
    // Per matrix row, the index of its text result (only read for the page shown).
    let resultOf: Int32Array | undefined;
    let results: TextMatches['results'] = [];
    let approximate = false;
    if (textual) {
      const text = this.matchText(terms);
      approximate = text.approximate;
      results = text.results;
      resultOf = new Int32Array(view.entries.length);
      for (let i = 0; i < results.length; i++) {
        const entry = this.entries.get((results[i] as { id: unknown }).id as string);
        if (!entry || !view.matrix.tally(entry.row, masks, counts)) continue;
        matched.push(entry);
        resultOf[entry.row] = i;
      }
      // MiniSearch returns best first; other sorts reorder the matches.
      if (sort !== 'relevance') matched.sort(BY[sort]);
    } else {
      const rows = this.inOrder(view, sort === 'relevance' ? 'referenced' : sort);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as number;
        if (view.matrix.tally(row, masks, counts)) matched.push(view.entries[row] as Entry);
      }
    }
    const start = (page - 1) * pageSize;
    const facets = Object.fromEntries(FACETS.map((facet, f) => [facet, this.vocabulary.report(f, counts[f] as Int32Array, query[facet] ?? [])])) as FacetCounts;
    return {
      items: matched.slice(start, start + pageSize).map((entry) => hit(entry, resultOf ? results[resultOf[entry.row] as number] : undefined)),
      total: matched.length,
      page,
      pageSize,
      pageCount: Math.ceil(matched.length / pageSize),
      sort,
      approximate,
      facets,
    };
  }
}

/** Builds the index; invalid or duplicate patterns are all reported with their JSON pointers (`/3/publishedAt`). */
export function createPatternIndex(patterns: readonly SearchablePattern[], options: PatternIndexOptions = {}): PatternIndex {
  return new MiniSearchPatternIndex(patterns, options);
}

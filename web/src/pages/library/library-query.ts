// The library view's state as it lives in the URL (search words, facet filters, sort, page), so a
// copied link reproduces the exact view; reading tolerates hand-edited URLs, writing omits defaults.

export const LIBRARY_FACETS = ['industry', 'problemType', 'brokenSignal', 'maturity'] as const;
export type LibraryFacet = (typeof LIBRARY_FACETS)[number];

export const LIBRARY_SORTS = ['relevance', 'referenced', 'newest', 'clarity'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const FACET_LABELS: Readonly<Record<LibraryFacet, string>> = {
  industry: 'Industry',
  problemType: 'Problem type',
  brokenSignal: 'Broken signal',
  maturity: 'Maturity',
};

export const SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  relevance: 'Relevance',
  referenced: 'Most referenced',
  newest: 'Newest',
  clarity: 'Clarity',
};

export const PAGE_SIZE = 12;
// Mirrors the server's limits, so a hand-edited URL is clamped instead of answered with a 400.
const MAX_QUERY_CHARS = 200;
const MAX_PAGE = 10_000;

export interface LibraryQuery {
  q: string;
  filters: Readonly<Record<LibraryFacet, readonly string[]>>;
  /** null: the server's default (relevance with search words, most referenced without). */
  sort: LibrarySort | null;
  page: number;
}

export const emptyLibraryQuery: LibraryQuery = {
  q: '',
  filters: { industry: [], problemType: [], brokenSignal: [], maturity: [] },
  sort: null,
  page: 1,
};

function isSort(value: string | null): value is LibrarySort {
  return value !== null && (LIBRARY_SORTS as readonly string[]).includes(value);
}

/** Facet values from repeated parameters (`industry=A&industry=B`) or a comma list (`industry=A,B`). */
function readValues(params: URLSearchParams, name: LibraryFacet): string[] {
  const values = params
    .getAll(name)
    .flatMap((raw) => raw.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(values)];
}

export function readLibraryQuery(params: URLSearchParams): LibraryQuery {
  const sort = params.get('sort');
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_CHARS),
    filters: {
      industry: readValues(params, 'industry'),
      problemType: readValues(params, 'problemType'),
      brokenSignal: readValues(params, 'brokenSignal'),
      maturity: readValues(params, 'maturity'),
    },
    sort: isSort(sort) ? sort : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The URL parameters for a view: one parameter per selected value, defaults left out. */
export function writeLibraryQuery(query: LibraryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const q = query.q.trim();
  if (q !== '') params.set('q', q);
  for (const facet of LIBRARY_FACETS) for (const value of query.filters[facet]) params.append(facet, value);
  if (query.sort !== null) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** Selects or clears one facet value; any change of filter starts again at page 1. */
export function toggleFacetValue(query: LibraryQuery, facet: LibraryFacet, value: string): LibraryQuery {
  const current = query.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [facet]: next }, page: 1 };
}

export function withSearchText(query: LibraryQuery, q: string): LibraryQuery {
  return { ...query, q: q.slice(0, MAX_QUERY_CHARS), page: 1 };
}

export function withSort(query: LibraryQuery, sort: LibrarySort | null): LibraryQuery {
  return { ...query, sort, page: 1 };
}

export function withPage(query: LibraryQuery, page: number): LibraryQuery {
  return { ...query, page: Math.max(1, Math.min(MAX_PAGE, Math.trunc(page))) };
}

export function clearFilters(query: LibraryQuery): LibraryQuery {
  return { ...emptyLibraryQuery, sort: query.sort };
}

export function hasActiveFilters(query: LibraryQuery): boolean {
  return query.q.trim() !== '' || LIBRARY_FACETS.some((facet) => query.filters[facet].length > 0);
}

/** Selected values in a stable order, for the "active filters" row and its remove buttons. */
export function activeFilters(query: LibraryQuery): Array<{ facet: LibraryFacet; value: string }> {
  return LIBRARY_FACETS.flatMap((facet) => query.filters[facet].map((value) => ({ facet, value })));
}

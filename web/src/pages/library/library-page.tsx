// The pattern library: search words, facet chips with counts, sort and pages, all in the URL so a
// link reproduces the view; results as cards leading to each pattern's page.
import { patternsApi } from '../../api/patterns';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { useApiResource } from '../../hooks/use-api-resource';
import { sectionById } from '../../layout/sections';
import { FacetFilters } from './facet-filters';
import {
  activeFilters,
  clearFilters,
  FACET_LABELS,
  hasActiveFilters,
  LIBRARY_SORTS,
  PAGE_SIZE,
  readLibraryQuery,
  SORT_LABELS,
  toggleFacetValue,
  withPage,
  withSearchText,
  withSort,
  writeLibraryQuery,
  type LibraryQuery,
  type LibrarySort,
} from './library-query';
import { Pager } from './pager';
import { PatternCard } from './pattern-card';
import { SearchBox } from './search-box';
import { useSearchParamsUpdater } from './use-search-params-updater';
import './library.css';

export function LibraryPage() {
  const section = sectionById('library');
  const [params, updateParams] = useSearchParamsUpdater();
  const query = readLibraryQuery(params);
  const key = writeLibraryQuery(query).toString();
  const results = useApiResource(
    (signal) =>
      patternsApi.search(
        {
          ...(query.q.trim() !== '' ? { q: query.q.trim() } : {}),
          ...query.filters,
          ...(query.sort !== null ? { sort: query.sort } : {}),
          page: query.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    [key],
  );

  // Typing replaces the history entry; choosing a filter, sort or page adds one (Back undoes it).
  // Each change applies to the query in the URL when it happens (a debounced search may land later).
  const go = (change: (current: LibraryQuery) => LibraryQuery, replace = false) =>
    updateParams((current) => writeLibraryQuery(change(readLibraryQuery(current))), { replace });
  const data = results.state.data;
  const hasWords = query.q.trim() !== '';
  // Without search words the server ranks by references, whatever the URL asked for.
  const appliedSort: LibrarySort = query.sort === 'relevance' && !hasWords ? 'referenced' : (query.sort ?? data?.sort ?? (hasWords ? 'relevance' : 'referenced'));
  const here = key === '' ? '' : `?${key}`;

  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <div className="library-search">
        <SearchBox value={query.q} onCommit={(text) => go((current) => withSearchText(current, text), true)} />
        <div className="field">
          <label htmlFor="library-sort">Sort by</label>
          <select
            id="library-sort"
            value={appliedSort}
            onChange={(event) => go((current) => withSort(current, event.target.value as LibrarySort))}
          >
            {LIBRARY_SORTS.map((sort) => (
              <option key={sort} value={sort} disabled={sort === 'relevance' && query.q.trim() === ''}>
                {SORT_LABELS[sort]}
                {sort === 'relevance' && query.q.trim() === '' ? ' (needs search words)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="library-layout">
        {data !== null ? (
          <FacetFilters facets={data.facets} query={query} onToggle={(facet, value) => go((current) => toggleFacetValue(current, facet, value))} />
        ) : (
          <div className="facet-panel muted">Loading filters…</div>
        )}

        <div className="library-results">
          {hasActiveFilters(query) && (
            <div className="active-filters" aria-label="Active filters">
              {query.q.trim() !== '' && (
                <span className="badge badge-info">
                  Words: “{query.q.trim()}”
                </span>
              )}
              {activeFilters(query).map(({ facet, value }) => (
                <button
                  key={`${facet}=${value}`}
                  type="button"
                  className="chip"
                  aria-pressed="true"
                  onClick={() => go((current) => toggleFacetValue(current, facet, value))}
                >
                  {FACET_LABELS[facet]}: {value} <span aria-hidden="true">×</span>
                  <span className="visually-hidden"> (remove this filter)</span>
                </button>
              ))}
              <button type="button" className="button button-small button-link" onClick={() => go(clearFilters)}>
                Clear all
              </button>
            </div>
          )}

          {results.state.status === 'error' && <ErrorNotice error={results.state.error} action="search the library" />}

          <p className="result-count" role="status" aria-live="polite" data-testid="result-count">
            {data === null ? (
              'Searching…'
            ) : (
              <>
                <strong>{data.total}</strong> {data.total === 1 ? 'pattern' : 'patterns'}
                {data.pageCount > 1 && ` · page ${data.page} of ${data.pageCount}`}
                {results.state.status === 'loading' && ' · updating…'}
              </>
            )}
          </p>
          {data?.approximate === true && (
            <p className="notice notice-warn">No pattern contains these words as typed; these are the closest spellings.</p>
          )}

          {data !== null && data.total === 0 && (
            <div className="empty-state">
              <h2>No pattern matches</h2>
              <p>Try fewer words or remove a filter.</p>
              <button type="button" className="button" onClick={() => go(clearFilters)}>
                Clear search and filters
              </button>
            </div>
          )}

          {data !== null && data.items.length > 0 && (
            <ul className="pattern-cards" aria-label="Patterns" aria-busy={results.state.status === 'loading'}>
              {data.items.map((item) => (
                <li key={item.slug}>
                  <PatternCard pattern={item} from={here} />
                </li>
              ))}
            </ul>
          )}

          {data !== null && <Pager page={data.page} pageCount={data.pageCount} onPage={(page) => go((current) => withPage(current, page))} />}
        </div>
      </div>
    </>
  );
}

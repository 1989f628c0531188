// Filter chips per facet with the number of patterns each value would give; a chip is a toggle
// button (aria-pressed), and a value with no match stays visible but disabled unless selected.
import { FACET_LABELS, LIBRARY_FACETS, type LibraryFacet, type LibraryQuery } from './library-query';

export type FacetCountMap = Readonly<Record<LibraryFacet, Readonly<Record<string, number>>>>;

export function FacetFilters({
  facets,
  query,
  onToggle,
}: {
  facets: FacetCountMap;
  query: LibraryQuery;
  onToggle(facet: LibraryFacet, value: string): void;
}) {
  return (
    <aside className="facet-panel" aria-label="Filters">
      {LIBRARY_FACETS.map((facet) => {
        const counts = facets[facet];
        const selected = query.filters[facet];
        return (
          <fieldset key={facet} className="facet-group" data-facet={facet}>
            <legend>{FACET_LABELS[facet]}</legend>
            <ul className="chips">
              {Object.entries(counts).map(([value, count]) => {
                const pressed = selected.includes(value);
                return (
                  <li key={value}>
                    <button
                      type="button"
                      className="chip"
                      aria-pressed={pressed}
                      disabled={!pressed && count === 0}
                      data-value={value}
                      onClick={() => onToggle(facet, value)}
                    >
                      <span>{value}</span>
                      <span className="chip-count" aria-hidden="true">
                        {count}
                      </span>
                      <span className="visually-hidden">
                        , {count} {count === 1 ? 'pattern' : 'patterns'}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </aside>
  );
}

// Page links for the result list: previous/next and a window of page numbers around the current one.
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const first = Math.max(1, Math.min(page - radius, pageCount - 2 * radius));
  const last = Math.min(pageCount, first + 2 * radius);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

export function Pager({ page, pageCount, onPage }: { page: number; pageCount: number; onPage(page: number): void }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Result pages">
      <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <ol>
        {pageWindow(page, pageCount).map((n) => (
          <li key={n}>
            <button
              type="button"
              className="button button-small"
              aria-current={n === page ? 'page' : undefined}
              aria-label={`Page ${n}`}
              onClick={() => onPage(n)}
            >
              {n}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-small" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

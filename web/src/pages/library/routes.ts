// Routes under /library: the searchable list and one page per pattern (/library/<slug>, the URL the
// API writes into checklists). Pages load on first visit so the shell stays small.
import type { RouteObject } from 'react-router-dom';

export const libraryRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./library-page')).LibraryPage }) },
  {
    path: ':slug',
    handle: { title: 'Pattern' },
    lazy: async () => ({ Component: (await import('./pattern-page')).PatternPage }),
  },
];

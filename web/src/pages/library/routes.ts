// Routes under /library; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';

export const libraryRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./library-page')).LibraryPage }) },
];

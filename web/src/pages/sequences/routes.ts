// Routes under /sequences; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';

export const sequencesRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./sequences-page')).SequencesPage }) },
  { path: ':id', lazy: async () => ({ Component: (await import('./sequence-page')).SequencePage }), handle: { title: 'Sequence' } },
];

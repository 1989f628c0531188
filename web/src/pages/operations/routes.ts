// Routes under /operations; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';
import { OperationsLayout } from './operations-layout';

export const operationsRoutes: RouteObject[] = [
  {
    Component: OperationsLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./operations-page')).OperationsPage }) },
    ],
  },
];

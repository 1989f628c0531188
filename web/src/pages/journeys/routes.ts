// Routes under /journeys; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';

export const journeysRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./journeys-page')).JourneysPage }) },
  { path: ':id', lazy: async () => ({ Component: (await import('./journey-page')).JourneyPage }), handle: { title: 'Journey' } },
];

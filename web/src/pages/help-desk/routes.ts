// Routes under /help-desk; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';

export const helpDeskRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./help-desk-page')).HelpDeskPage }) },
];

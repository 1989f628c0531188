// Routes under /help-desk; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';
import { HelpDeskLayout } from './help-desk-layout';

export const helpDeskRoutes: RouteObject[] = [
  {
    Component: HelpDeskLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./help-desk-page')).HelpDeskPage }) },
    ],
  },
];

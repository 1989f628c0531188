// Routes under /help-desk; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';
import { HelpDeskLayout } from './help-desk-layout';

export const helpDeskRoutes: RouteObject[] = [
  {
    Component: HelpDeskLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./help-desk-page')).HelpDeskPage }) },
      { path: 'client', lazy: async () => ({ Component: (await import('./client-page')).ClientPage }) },
      { path: 'detective', lazy: async () => ({ Component: (await import('./detective-page')).DetectivePage }) },
      { path: 'playbooks', lazy: async () => ({ Component: (await import('./playbooks-page')).PlaybooksPage }) },
      { path: 'playbooks/:id', lazy: async () => ({ Component: (await import('./playbooks-page')).PlaybookPage }) },
    ],
  },
];

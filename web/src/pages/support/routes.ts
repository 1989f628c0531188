// Routes under /support (the escalation runtime); pages load on first visit so the shell stays small.
import type { RouteObject } from 'react-router-dom';
import { SupportLayout } from './support-layout';

export const supportRoutes: RouteObject[] = [
  {
    Component: SupportLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./support-page')).SupportPage }) },
    ],
  },
];

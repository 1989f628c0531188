// Routes under /operations; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';
import { OperationsLayout } from './operations-layout';

export const operationsRoutes: RouteObject[] = [
  {
    Component: OperationsLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./operations-page')).OperationsPage }) },
      { path: 'status', lazy: async () => ({ Component: (await import('./status-page')).StatusPage }) },
      { path: 'queues', lazy: async () => ({ Component: (await import('./queues-page')).QueuesPage }) },
      { path: 'dead-letters', lazy: async () => ({ Component: (await import('./dead-letters-page')).DeadLettersPage }) },
      { path: 'agents', lazy: async () => ({ Component: (await import('./agents-page')).AgentsPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('./audit-page')).AuditPage }) },
      { path: 'context', lazy: async () => ({ Component: (await import('./context-page')).ContextPage }) },
    ],
  },
];

// Routes under /support (the escalation runtime); pages load on first visit so the shell stays small.
import type { RouteObject } from 'react-router-dom';
import { SupportLayout } from './support-layout';

export const supportRoutes: RouteObject[] = [
  {
    Component: SupportLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./support-page')).SupportPage }) },
      { path: 'tickets', lazy: async () => ({ Component: (await import('./tickets-page')).TicketsPage }) },
      { path: 'tickets/:id', lazy: async () => ({ Component: (await import('./ticket-page')).TicketPage }), handle: { title: 'Ticket' } },
      { path: 'agents', lazy: async () => ({ Component: (await import('./agents-page')).AgentsPage }) },
      { path: 'metrics', lazy: async () => ({ Component: (await import('./metrics-page')).MetricsPage }) },
      { path: 'sla', lazy: async () => ({ Component: (await import('./sla-page')).SlaPage }) },
      { path: 'simulation', lazy: async () => ({ Component: (await import('./simulation-page')).SimulationPage }) },
      { path: 'workspaces', lazy: async () => ({ Component: (await import('./workspaces-page')).WorkspacesPage }) },
      { path: 'workspaces/:id', lazy: async () => ({ Component: (await import('./workspace-page')).WorkspacePage }), handle: { title: 'Workspace' } },
    ],
  },
];

// The support section's pages in tab order (one line per page; its route goes in routes.ts).
import type { SectionTab } from '../../components/section-tabs';

export const SUPPORT_TABS: readonly SectionTab[] = [
  { path: '/support', label: 'Overview', end: true },
  { path: '/support/tickets', label: 'Tickets' },
  { path: '/support/agents', label: 'Agents' },
  { path: '/support/metrics', label: 'Metrics' },
  { path: '/support/sla', label: 'SLA' },
  { path: '/support/simulation', label: 'Simulation' },
  { path: '/support/workspaces', label: 'Workspaces' },
];

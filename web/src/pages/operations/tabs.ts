// The operations section's pages in tab order (one line per page; its route goes in routes.ts).
import type { SectionTab } from '../../components/section-tabs';

export const OPERATIONS_TABS: readonly SectionTab[] = [
  { path: '/operations', label: 'Overview', end: true },
  { path: '/operations/status', label: 'Status' },
  { path: '/operations/queues', label: 'Queues' },
  { path: '/operations/dead-letters', label: 'Dead letters' },
  { path: '/operations/agents', label: 'Agents' },
  { path: '/operations/audit', label: 'Audit' },
  { path: '/operations/context', label: 'Context' },
];

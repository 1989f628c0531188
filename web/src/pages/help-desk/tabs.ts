// The help-desk section's pages in tab order (one line per page; its route goes in routes.ts).
import type { SectionTab } from '../../components/section-tabs';

export const HELP_DESK_TABS: readonly SectionTab[] = [
  { path: '/help-desk', label: 'Search', end: true },
  { path: '/help-desk/client', label: 'Client' },
  { path: '/help-desk/detective', label: 'Detective' },
  { path: '/help-desk/playbooks', label: 'Playbooks' },
];

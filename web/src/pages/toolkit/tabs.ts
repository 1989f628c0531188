// The toolkit section's pages in tab order (one line per page; its route goes in routes.ts).
import type { SectionTab } from '../../components/section-tabs';

export const TOOLKIT_TABS: readonly SectionTab[] = [
  { path: '/toolkit', label: 'Overview', end: true },
  { path: '/toolkit/router', label: 'Router' },
  { path: '/toolkit/process', label: 'Process' },
  { path: '/toolkit/schedule', label: 'Schedule' },
  { path: '/toolkit/risk', label: 'Risks' },
  { path: '/toolkit/kpi', label: 'KPIs' },
];

/** Where each analysis of a plan step lives in the portal. */
export const ANALYSIS_PAGES: Readonly<Record<'process' | 'schedule' | 'risk' | 'kpi', string>> = {
  process: '/toolkit/process',
  schedule: '/toolkit/schedule',
  risk: '/toolkit/risk',
  kpi: '/toolkit/kpi',
};

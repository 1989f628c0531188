// Routes under /toolkit: an overview and one page per analysis; each page loads on first visit.
import type { RouteObject } from 'react-router-dom';
import { ToolkitLayout } from './toolkit-layout';

export const toolkitRoutes: RouteObject[] = [
  {
    Component: ToolkitLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./toolkit-page')).ToolkitPage }) },
      { path: 'router', handle: { title: 'Problem router' }, lazy: async () => ({ Component: (await import('./router-page')).RouterPage }) },
      { path: 'schedule', handle: { title: 'Schedule' }, lazy: async () => ({ Component: (await import('./schedule-page')).SchedulePage }) },
      { path: 'risk', handle: { title: 'Risks' }, lazy: async () => ({ Component: (await import('./risk-page')).RiskPage }) },
      { path: 'kpi', handle: { title: 'KPIs' }, lazy: async () => ({ Component: (await import('./kpi-page')).KpiPage }) },
      { path: 'process', handle: { title: 'Process' }, lazy: async () => ({ Component: (await import('./process-page')).ProcessPage }) },
    ],
  },
];

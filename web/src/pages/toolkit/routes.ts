// Routes under /toolkit; pages load on first visit so the shell stays small as this section grows.
import type { RouteObject } from 'react-router-dom';

export const toolkitRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./toolkit-page')).ToolkitPage }) },
];

// The toolkit's own navigation: the overview and the five analyses, the current one marked.
import { NavLink } from 'react-router-dom';
import './toolkit.css';

export const TOOLKIT_PAGES = [
  { path: '/toolkit', label: 'Overview', end: true },
  { path: '/toolkit/router', label: 'Router', end: false },
  { path: '/toolkit/process', label: 'Process', end: false },
  { path: '/toolkit/schedule', label: 'Schedule', end: false },
  { path: '/toolkit/risk', label: 'Risks', end: false },
  { path: '/toolkit/kpi', label: 'KPIs', end: false },
] as const;

/** Where each analysis of a plan step lives in the portal. */
export const ANALYSIS_PAGES: Readonly<Record<'process' | 'schedule' | 'risk' | 'kpi', string>> = {
  process: '/toolkit/process',
  schedule: '/toolkit/schedule',
  risk: '/toolkit/risk',
  kpi: '/toolkit/kpi',
};

export function ToolkitTabs() {
  return (
    <nav className="toolkit-tabs" aria-label="Toolkit">
      <ul>
        {TOOLKIT_PAGES.map((p) => (
          <li key={p.path}>
            <NavLink to={p.path} end={p.end} className="toolkit-tab">
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

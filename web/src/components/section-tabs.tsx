// A section's own navigation: its title, one tab per page (the current one marked) and the page below.
// Sections list their tabs in pages/<section>/tabs.ts so a new page is one line there and one route.
import { NavLink, Outlet } from 'react-router-dom';
import { sectionById, type Section } from '../layout/sections';
import { PageHeader } from './page-header';
import './section-tabs.css';

export interface SectionTab {
  /** Absolute portal path of the page. */
  path: string;
  label: string;
  /** Match the path exactly (the section's overview), not as a prefix. */
  end?: boolean;
}

export function SectionTabs({ tabs, label }: { tabs: readonly SectionTab[]; label: string }) {
  return (
    <nav className="section-tabs" aria-label={label}>
      <ul>
        {tabs.map((t) => (
          <li key={t.path}>
            <NavLink to={t.path} end={t.end === true} className="section-tab">
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Layout route of a tabbed section: header, tabs, then the matched page. */
export function TabbedSection({ sectionId, tabs }: { sectionId: Section['id']; tabs: readonly SectionTab[] }) {
  const section = sectionById(sectionId);
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <SectionTabs tabs={tabs} label={section.label} />
      <Outlet />
    </>
  );
}

// Wraps a section's routes in its role guard, so every page of the section is protected the same way.
import { Outlet } from 'react-router-dom';
import { RequireRole } from '../components/require-role';
import type { Section } from './sections';

export function SectionGate({ section }: { section: Section }) {
  return (
    <RequireRole role={section.minRole} action={section.action}>
      <Outlet />
    </RequireRole>
  );
}

// Client journeys (Sandbox → Pilot → Production); the journey-engine work fills this page.
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';

export function JourneysPage() {
  const section = sectionById('journeys');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <EmptyState
        title="No journeys running yet"
        upcoming={[
          'Each client journey with its current stage and the state of its units of work',
          'Exit-criteria gates on metrics and whether they pass',
          'Rollback triggers and the history of every transition',
        ]}
      >
        <p>The journey runtime is not connected to this portal yet. This page will show:</p>
      </EmptyState>
    </>
  );
}

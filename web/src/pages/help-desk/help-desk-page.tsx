// The technical help desk (issue 7 fills it): search, client view, Issue Detective, playbooks.
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';

export function HelpDeskPage() {
  const section = sectionById('help-desk');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <EmptyState
        title="The help desk is not open yet"
        upcoming={[
          'Search by client, journey, ticket or agent',
          'A client view gathering journeys, failures, SLA state and recent events',
          'Issue Detective: failures explained from the event history, with the evidence',
          'A playbook library linked from findings, and tickets created from a finding',
        ]}
      >
        <p>Nothing to search yet. This page will bring:</p>
      </EmptyState>
    </>
  );
}

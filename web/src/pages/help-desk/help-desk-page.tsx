// The technical help desk (issue 7 fills it): search, client view, Issue Detective, playbooks.
import { EmptyState } from '../../components/empty-state';

export function HelpDeskPage() {
  return (
    <>
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

// Sequence documents (the canonical definition of each journey); a later issue fills this page.
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';

export function SequencesPage() {
  const section = sectionById('sequences');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <EmptyState
        title="No sequences available yet"
        upcoming={[
          'Every sequence: its movements and beats, with handler, event, external system and user story',
          'The generated documentation with rendered diagrams and acceptance criteria',
          'Running a sequence as a journey, its beats as tasks in the event log',
        ]}
      >
        <p>No sequence definitions are served by this portal yet. This page will list:</p>
      </EmptyState>
    </>
  );
}

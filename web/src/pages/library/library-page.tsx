// The pattern library (issue 3 fills it): search, filters and pattern cards. Until then it says
// honestly that nothing is published and what will appear.
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';

export function LibraryPage() {
  const section = sectionById('library');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <EmptyState
        title="No patterns published yet"
        upcoming={[
          'Full-text search with filters by industry, problem type, broken signal and maturity, with counts',
          'Pattern cards: the problem and the orchestration shift in one line each',
          'Pattern pages: As-Is and Orchestrated diagrams, the article, the implementation checklist and the HQO scorecard',
          'A white-label editor and a statement-of-work builder',
        ]}
      >
        <p>The pattern catalog is not loaded into this portal yet. When it is, this page will offer:</p>
      </EmptyState>
    </>
  );
}

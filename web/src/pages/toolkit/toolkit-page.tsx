// The operations toolkit (advisor work fills it): process, schedule, risk and KPI analyses.
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';

export function ToolkitPage() {
  const section = sectionById('toolkit');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <EmptyState
        title="No analyses yet"
        upcoming={[
          'Routing an operational problem to process optimization, project management, risk or performance metrics',
          'Project schedules with the critical path',
          'Risk registers and KPI/OKR tracking with an actionable, measurable plan',
        ]}
      >
        <p>The toolkit's analyses are not available in the portal yet. This page will offer:</p>
      </EmptyState>
    </>
  );
}

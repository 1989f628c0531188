// Operations: the audit trail and the live event stream; queues, dead letters, orchestration
// monitoring and agents join here later (issue 7).
import { PageHeader } from '../../components/page-header';
import { sectionById } from '../../layout/sections';
import { AuditLog } from './audit-log';
import { LiveEvents } from './live-events';

export function OperationsPage() {
  const section = sectionById('operations');
  return (
    <>
      <PageHeader title={section.label} summary={section.summary} />
      <div className="operations-grid">
        <AuditLog />
        <LiveEvents />
      </div>
    </>
  );
}

// Operations overview: the audit trail and the live event stream side by side.
import { AuditLog } from './audit-log';
import { LiveEvents } from './live-events';

export function OperationsPage() {
  return (
    <div className="operations-grid">
      <AuditLog />
      <LiveEvents />
    </div>
  );
}

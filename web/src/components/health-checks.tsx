// The system's health checks as the home page and Operations → Status both show them: a panel head
// naming the overall status, and a table of checks (name with its detail, status badge, latency).
import type { ReactNode } from 'react';
import { StatusBadge, toneForStatus } from './status-badge';

/** What both /readyz and /api/status report per check; the status page adds a history column. */
export interface HealthCheck {
  name: string;
  status: string;
  detail?: string | null;
  latencyMs?: number | null;
}

/** "System status" with the overall status as a badge once known; `testId` marks the status word. */
export function SystemStatusHead({ titleId, status, testId }: { titleId: string; status: string | null; testId: string }) {
  return (
    <div className="panel-head">
      <h2 id={titleId}>System status</h2>
      {status !== null && (
        <StatusBadge tone={toneForStatus(status)}>
          <span data-testid={testId}>{status}</span>
        </StatusBadge>
      )}
    </div>
  );
}

export function HealthCheckTable<C extends HealthCheck>({
  checks,
  label,
  compact = false,
  history,
}: {
  checks: readonly C[];
  /** The table's accessible name. */
  label: string;
  compact?: boolean;
  /** An extra "History" column drawn per check. */
  history?: (check: C) => ReactNode;
}) {
  return (
    <table className={compact ? 'table compact' : 'table'} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">
            Latency
          </th>
          {history !== undefined && <th scope="col">History</th>}
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.name}>
            <th scope="row">
              {check.name}
              {check.detail !== undefined && check.detail !== null && check.detail !== '' && <span className="cell-note">{check.detail}</span>}
            </th>
            <td>
              <StatusBadge tone={toneForStatus(check.status)}>{check.status}</StatusBadge>
            </td>
            <td className="numeric">{check.latencyMs === undefined || check.latencyMs === null ? '—' : `${check.latencyMs.toFixed(1)} ms`}</td>
            {history !== undefined && <td>{history(check)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

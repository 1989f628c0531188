// Gate checks as a table: pass/fail in words and colour, the actual value against the expected
// one, and the criterion's message; failing checks first, so what blocks a promotion is on top.
import type { CriteriaCheck } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';
import { formatValue } from './journey-format';

export function failingFirst(checks: readonly CriteriaCheck[]): CriteriaCheck[] {
  return [...checks].sort((a, b) => Number(a.passed) - Number(b.passed));
}

export function ChecksTable({ checks, label }: { checks: readonly CriteriaCheck[]; label: string }) {
  return (
    <div className="table-wrap">
      <table className="table compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col" className="numeric">
              Actual
            </th>
            <th scope="col">Expected</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {failingFirst(checks).map((c) => (
            <tr key={c.name} data-testid="gate-check" data-passed={c.passed ? 'true' : 'false'}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>
                <StatusBadge tone={c.passed ? 'ok' : 'fail'}>{c.passed ? 'pass' : 'fail'}</StatusBadge>
              </td>
              <td className="numeric" data-testid="check-actual">
                {formatValue(c.actual_value)}
              </td>
              <td data-testid="check-expected">
                <code>{c.expected_value}</code>
              </td>
              <td>{c.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

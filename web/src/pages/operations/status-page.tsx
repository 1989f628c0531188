// Operations → Status: every health check with its badge, latency and a sparkline of recent samples,
// and the workers with their last heartbeat. Polls every 10 s.
import { status } from '../../api/status';
import { ErrorNotice } from '../../components/error-notice';
import { HealthCheckTable, SystemStatusHead } from '../../components/health-checks';
import { StatusBadge, toneForStatus } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { formatDuration } from '../../format/format-time';
import { useApiResource } from '../../hooks/use-api-resource';
import { Sparkline } from './series-chart';
import './operations.css';

export function StatusPage() {
  const res = useApiResource((signal) => status.get(signal), [], { pollMs: 10_000 });
  const report = res.state.data;
  return (
    <section className="panel" aria-labelledby="status-title">
      <SystemStatusHead titleId="status-title" status={report?.status ?? null} testId="overall-status" />
      {res.state.status === 'error' && <ErrorNotice error={res.state.error} action="load the system status" />}
      {report === null && res.state.status === 'loading' && <p className="muted">Checking…</p>}
      {report !== null && (
        <>
          <HealthCheckTable
            checks={report.checks}
            label="Health checks"
            history={(check) => (
              <Sparkline
                label={`${check.name} latency`}
                points={report.history.flatMap((h) => h.checks.filter((c) => c.name === check.name).map((c) => ({ value: c.latencyMs, status: c.status })))}
              />
            )}
          />
          <h3>Workers</h3>
          {report.workers.length === 0 ? (
            <p className="muted">No worker has sent a heartbeat in the last ten minutes.</p>
          ) : (
            <table className="table compact" aria-label="Workers">
              <thead>
                <tr>
                  <th scope="col">Worker</th>
                  <th scope="col">Kind</th>
                  <th scope="col">State</th>
                  <th scope="col">Last heartbeat</th>
                </tr>
              </thead>
              <tbody>
                {report.workers.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">{w.name}</th>
                    <td>{w.kind}</td>
                    <td>
                      <StatusBadge tone={w.alive ? 'ok' : 'fail'}>{w.alive ? 'alive' : 'gone'}</StatusBadge>
                    </td>
                    <td>
                      <TimeStamp iso={w.heartbeatAt} /> <span className="muted">({formatDuration(w.ageMs)} ago)</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            Checked <TimeStamp iso={report.at} />; {report.history.length} sample(s) in the history.
          </p>
        </>
      )}
    </section>
  );
}

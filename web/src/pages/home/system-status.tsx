// System status on the home page: readiness checks from /readyz and the server's identity from
// /api/info; both answer without a session, so a signed-out user can tell whether the server is up.
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { HealthCheckTable, SystemStatusHead } from '../../components/health-checks';
import { TimeStamp } from '../../components/time-stamp';
import { formatDuration } from '../../format/format-time';
import { useApiResource } from '../../hooks/use-api-resource';
import { useNow } from '../../hooks/use-now';

const driverLabels = { pglite: 'Embedded PGlite', postgres: 'PostgreSQL server' } as const;

export function SystemStatus() {
  const readiness = useApiResource((signal) => api.readiness(signal), [], { pollMs: 15_000 });
  const info = useApiResource((signal) => api.info(signal), []);
  const now = useNow();
  const report = readiness.state.data;
  const server = info.state.data;

  return (
    <section className="panel" aria-labelledby="system-status-title">
      <SystemStatusHead titleId="system-status-title" status={report?.status ?? null} testId="readiness" />
      {readiness.state.status === 'error' && <ErrorNotice error={readiness.state.error} action="read /readyz" />}
      {report === null && readiness.state.status === 'loading' && <p className="muted">Checking readiness…</p>}
      {report !== null && <HealthCheckTable checks={report.checks} label="Readiness checks" compact />}
      {info.state.status === 'error' && <ErrorNotice error={info.state.error} action="read /api/info" />}
      {server !== null && (
        <dl className="facts">
          <div>
            <dt>Server</dt>
            <dd>
              {server.name} {server.version}
            </dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>{driverLabels[server.driver]}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>
              <TimeStamp iso={server.startedAt} />
            </dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd>{formatDuration(now - Date.parse(server.startedAt))}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

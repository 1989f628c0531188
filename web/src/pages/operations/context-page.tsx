// Operations → Context: the selected agent, journey, client or queue (?ctx=kind:id) with its
// metrics, alerts and events: the system's observability narrowed to what the operator looks at.
import { Link } from 'react-router-dom';
import { status } from '../../api/status';
import { ContextSelector } from '../../components/context-selector';
import { ErrorNotice } from '../../components/error-notice';
import { ProgressBar } from '../../components/progress-bar';
import { Timeline } from '../../components/timeline';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection, withContext } from '../../hooks/use-context-selection';
import { SeriesChart } from './series-chart';
import './operations.css';

const TONES = { critical: 'fail', warning: 'warn', info: 'info' } as const;

export function ContextPage() {
  const { selection } = useContextSelection();
  const kind = selection?.kind ?? '';
  const id = selection?.id ?? '';
  const enabled = selection !== null;
  const metrics = useApiResource((s) => status.contextMetrics(kind, id, s), [kind, id], { enabled, pollMs: 15_000 });
  const alerts = useApiResource((s) => status.contextAlerts(kind, id, s), [kind, id], { enabled, pollMs: 15_000 });
  const events = useApiResource((s) => status.contextEvents(kind, id, s), [kind, id], { enabled, pollMs: 15_000 });
  const m = metrics.state.data;
  const total = m === null ? 0 : Object.values(m.tasks.byStatus).reduce((a, b) => a + b, 0);

  return (
    <section className="panel" aria-labelledby="context-title">
      <div className="panel-head">
        <h2 id="context-title">Context</h2>
      </div>
      <ContextSelector />
      {selection === null && <p className="muted">Select an agent, journey, client or queue to see its metrics, alerts and events. The choice follows you to the Queues and Dead letters pages.</p>}
      {selection !== null && (
        <>
          {metrics.state.status === 'error' && <ErrorNotice error={metrics.state.error} action={`load ${kind} ${id}`} />}
          {m !== null && (
            <section aria-labelledby="ctx-metrics">
              <h3 id="ctx-metrics">Metrics</h3>
              <ProgressBar value={m.tasks.byStatus.completed ?? 0} max={total} label="Tasks completed" />
              <table className="table compact" aria-label="Task figures">
                <tbody>
                  {Object.entries(m.tasks.byStatus).map(([s, n]) => (
                    <tr key={s}><th scope="row">{s}</th><td className="numeric">{n}</td></tr>
                  ))}
                  <tr><th scope="row">dead letters</th><td className="numeric">{m.tasks.deadLetters > 0 ? <Link to={withContext('/operations/dead-letters', selection)}>{m.tasks.deadLetters}</Link> : 0}</td></tr>
                  <tr><th scope="row">attempts</th><td className="numeric">{m.tasks.attempts}</td></tr>
                  <tr><th scope="row">average duration</th><td className="numeric">{m.tasks.avgDurationMs === null ? '—' : `${m.tasks.avgDurationMs} ms`}</td></tr>
                </tbody>
              </table>
              {m.journeys !== null && (
                <p>
                  Journeys: {Object.entries(m.journeys.byStatus).map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}; stages: {Object.entries(m.journeys.stages).map(([s, n]) => `${s} ${n}`).join(', ') || '—'}
                </p>
              )}
              {m.queue !== null && (
                <div className="ops-charts">
                  <SeriesChart title={`Depth of ${m.queue.name}`} points={m.queue.series.map((p) => ({ at: p.at, value: p.depth }))} />
                  <SeriesChart title={`Failure rate of ${m.queue.name}`} percent fail points={m.queue.series.map((p) => ({ at: p.at, value: p.failureRate }))} />
                </div>
              )}
            </section>
          )}
          <h3>Alerts</h3>
          {alerts.state.status === 'error' && <ErrorNotice error={alerts.state.error} action="load alerts" />}
          {alerts.state.data !== null && (
            <Timeline label="Alerts" empty="No alert for this context." items={alerts.state.data.items.map((a) => ({ id: a.id, at: a.createdAt, title: a.topic, badge: a.severity, tone: TONES[a.severity], detail: typeof a.payload.error === 'string' ? a.payload.error : (a.key ?? '') }))} />
          )}
          <h3>Events</h3>
          {events.state.status === 'error' && <ErrorNotice error={events.state.error} action="load events" />}
          {events.state.data !== null && (
            <Timeline label="Events" empty="No event for this context yet." items={events.state.data.items.map((e) => ({ id: e.id, at: e.createdAt, title: e.topic, detail: e.key ?? '' }))} />
          )}
        </>
      )}
    </section>
  );
}

// Operations → Queues: every work queue with depth, oldest age, throughput and failure rate; the
// selected queue's charts over time (kept in the URL, ?queue=); and the flow of tasks between queues
// drawn by Mermaid (strict security, labels escaped by the server).
import { Link, useSearchParams } from 'react-router-dom';
import { queues, type Queue } from '../../api/queues';
import { ErrorNotice } from '../../components/error-notice';
import { MermaidDiagram } from '../../components/mermaid-diagram';
import { StatusBadge } from '../../components/status-badge';
import { formatDuration } from '../../format/format-time';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection, withContext } from '../../hooks/use-context-selection';
import { SeriesChart } from './series-chart';
import './operations.css';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

function QueueCharts({ name }: { name: string }) {
  const res = useApiResource((signal) => queues.get(name, 60, signal), [name], { pollMs: 30_000 });
  const q = res.state.data;
  if (res.state.status === 'error') return <ErrorNotice error={res.state.error} action={`load queue ${name}`} />;
  if (q === null) return <p className="muted">Loading {name}…</p>;
  return (
    <section aria-labelledby="queue-charts-title">
      <h3 id="queue-charts-title">
        {name} <span className="muted">— last {q.minutes} minutes, one point per minute</span>
      </h3>
      <div className="ops-charts">
        <SeriesChart title={`Depth of ${name}`} points={q.series.map((p) => ({ at: p.at, value: p.depth }))} />
        <SeriesChart title={`Throughput of ${name} (completed per minute)`} points={q.series.map((p) => ({ at: p.at, value: p.completed }))} />
        <SeriesChart title={`Failure rate of ${name}`} percent fail points={q.series.map((p) => ({ at: p.at, value: p.failureRate }))} />
      </div>
    </section>
  );
}

export function QueuesPage() {
  const [params, setParams] = useSearchParams();
  const { selection } = useContextSelection();
  const list = useApiResource((signal) => queues.list(signal), [], { pollMs: 10_000 });
  const journey = selection?.kind === 'journey' ? selection.id : undefined;
  const flow = useApiResource((signal) => queues.flow(journey, signal), [journey], { pollMs: 30_000 });
  const selected = params.get('queue') ?? (selection?.kind === 'queue' ? selection.id : null);
  const items: Queue[] = list.state.data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="queues-title">
      <div className="panel-head">
        <h2 id="queues-title">Queues</h2>
        <button type="button" className="button" onClick={list.reload}>
          Refresh
        </button>
      </div>
      {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="load the queues" />}
      {list.state.data !== null && items.length === 0 && <p className="muted">No queue has tasks yet. Enqueue tasks or start a journey and they appear here.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Queues">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col" className="numeric">Depth</th>
                <th scope="col" className="numeric">Waiting</th>
                <th scope="col" className="numeric">Running</th>
                <th scope="col">Oldest</th>
                <th scope="col" className="numeric">Done / h</th>
                <th scope="col">Failure rate (1 h)</th>
                <th scope="col" className="numeric">Dead letters</th>
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.name} aria-selected={q.name === selected}>
                  <th scope="row">
                    <button type="button" className="button button-ghost" onClick={() => setParams((p) => { const n = new URLSearchParams(p); n.set('queue', q.name); return n; })}>
                      {q.name}
                    </button>
                    {q.source === 'registered' && <span className="cell-note">{q.description}</span>}
                  </th>
                  <td className="numeric">{q.depth}</td>
                  <td className="numeric">{q.waiting}</td>
                  <td className="numeric">{q.running}</td>
                  <td>{q.oldestAgeMs > 0 ? formatDuration(q.oldestAgeMs) : '—'}</td>
                  <td className="numeric">{q.lastHour.completed}</td>
                  <td>
                    <StatusBadge tone={q.lastHour.failureRate === null ? 'neutral' : q.lastHour.failureRate > 0.2 ? 'fail' : q.lastHour.failureRate > 0 ? 'warn' : 'ok'}>{pct(q.lastHour.failureRate)}</StatusBadge>
                  </td>
                  <td className="numeric">
                    {q.deadLetters > 0 ? <Link to={withContext(`/operations/dead-letters?queue=${encodeURIComponent(q.name)}`, selection)}>{q.deadLetters}</Link> : 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected !== null && <QueueCharts name={selected} />}
      <h3>Flow between queues{journey !== undefined ? ` (journey ${journey})` : ''}</h3>
      {flow.state.status === 'error' && <ErrorNotice error={flow.state.error} action="load the flow" />}
      {flow.state.data !== null && (flow.state.data.edges.length === 0 ? <p className="muted">No task depends on a task of another queue yet.</p> : <MermaidDiagram title="Tasks moving between queues" text={flow.state.data.mermaid} />)}
    </section>
  );
}

// Support → SLA: clocks at risk (bars coloured at warning and breach), policies, alert channels with
// their last deliveries and failures (retry, send test), and the alerts timeline.
import { useState } from 'react';
import { sla } from '../../api/sla';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { useApiResource } from '../../hooks/use-api-resource';
import { ClockBar } from './sla-clocks';

export function SlaPage() {
  const clocks = useApiResource((signal) => sla.clocks(signal), [], { pollMs: 10_000 });
  const policies = useApiResource((signal) => sla.policies(signal), []);
  const channels = useApiResource((signal) => sla.channels(signal), [], { pollMs: 10_000 });
  const alerts = useApiResource((signal) => sla.alerts(signal), [], { pollMs: 10_000 });
  const [actionError, setActionError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const act = async (what: string, fn: () => Promise<{ status: string; lastError: string | null }>) => {
    setActionError(null);
    try {
      const d = await fn();
      setNote(`${what}: ${d.status}${d.lastError ? ` (${d.lastError})` : ''}`);
      channels.reload();
      alerts.reload();
    } catch (err) {
      setActionError(err);
    }
  };
  const open = clocks.state.data?.items.filter((c) => c.status !== 'met') ?? [];
  return (
    <>
      <h2>SLA</h2>
      {actionError !== null && <ErrorNotice error={actionError} action="do that" />}
      {note && <p role="status">{note}</p>}
      <section className="panel" aria-labelledby="sla-risk">
        <h3 id="sla-risk">Clocks at risk {clocks.state.data && <span className="muted">({clocks.state.data.open} open)</span>}</h3>
        {clocks.state.status === 'error' && <ErrorNotice error={clocks.state.error} action="load the SLA clocks" />}
        {clocks.state.status === 'ready' && open.length === 0 ? <EmptyState title="No open SLA clocks" /> : (
          <table>
            <thead><tr><th>Ticket</th><th>Metric</th><th>Priority</th><th>Time left</th></tr></thead>
            <tbody>
              {open.map((c) => (
                <tr key={`${c.ticketId}-${c.metric}`}>
                  <td><a href={`/support/tickets/${encodeURIComponent(c.ticketId)}`}>{c.ticketId}</a> {c.subject}</td>
                  <td>{c.metric.replace('_', ' ')}</td>
                  <td>{c.priority}</td>
                  <td><ClockBar clock={c} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="sla-policies">
        <h3 id="sla-policies">Policies</h3>
        {policies.state.status === 'error' && <ErrorNotice error={policies.state.error} action="load the SLA policies" />}
        <table>
          <thead><tr><th>Policy</th><th>Urgent</th><th>High</th><th>Normal</th><th>Low</th><th>Warning</th><th>Calendar</th></tr></thead>
          <tbody>
            {(policies.state.data?.items ?? []).map((p) => (
              <tr key={p.id}>
                <td>{p.name} <span className="muted">{p.id} v{p.version}{p.isDefault ? ' · default' : ''}</span></td>
                {(['urgent', 'high', 'normal', 'low'] as const).map((k) => <td key={k}>{p.targets[k] ? `${p.targets[k].firstResponseMinutes} / ${p.targets[k].resolutionMinutes} min` : '–'}</td>)}
                <td>{p.warningPercent} %</td>
                <td>{p.calendarId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="sla-channels">
        <h3 id="sla-channels">Channels</h3>
        {channels.state.status === 'error' && <ErrorNotice error={channels.state.error} action="load the alert channels" />}
        {channels.state.status === 'ready' && channels.state.data.items.length === 0 && <EmptyState title="No alert channels" />}
        {(channels.state.data?.items ?? []).map((c) => (
          <article key={c.id} className="sla-channel" data-channel={c.id}>
            <h4>{c.name} <span className="muted">{c.kind}{c.enabled ? '' : ' · disabled'} · {c.failed} failed</span></h4>
            <button type="button" onClick={() => void act(`Test of ${c.name}`, () => sla.sendTest(c.id))}>Send test</button>
            <ul>
              {c.recent.map((d) => (
                <li key={d.id} data-status={d.status}>
                  {d.updatedAt} · {d.threshold} {d.ticketId ?? ''} · <strong>{d.status}</strong> after {d.attempts} attempt(s){d.lastError ? ` · ${d.lastError}` : ''}
                  {d.status === 'failed' && <button type="button" onClick={() => void act('Retry', () => sla.retry(d.id))}>Retry</button>}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <section className="panel" aria-labelledby="sla-alerts">
        <h3 id="sla-alerts">Alerts</h3>
        {alerts.state.status === 'error' && <ErrorNotice error={alerts.state.error} action="load the alerts" />}
        <ol className="timeline">
          {(alerts.state.data?.items ?? []).map((a) => (
            <li key={a.id}>
              {a.raisedAt} · <strong>{a.threshold}</strong> {a.ticketId ?? 'test'} {a.metric?.replace('_', ' ') ?? ''}
              {a.action ? ` · ${a.action}` : ''}{a.suppressedReason ? ` · suppressed (${a.suppressedReason})` : ''}
              {a.deliveries.length > 0 && ` · ${a.deliveries.map((d) => `${d.channelName}: ${d.status}`).join(', ')}`}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

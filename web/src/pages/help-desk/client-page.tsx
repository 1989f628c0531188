// Help desk → Client: everything about one client — its journeys with their stages, failures,
// the SLA state of its tickets as badges and a timeline of recent events. The client comes from
// ?client= or the selected context, and choosing one selects it for the other pages.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { helpdesk } from '../../api/helpdesk';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge, toneForStatus, type Tone } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection, withContext } from '../../hooks/use-context-selection';

const SLA_TONE: Record<string, Tone> = { breached: 'fail', at_risk: 'warn', on_track: 'ok', met: 'ok', none: 'neutral' };

export function ClientPage() {
  const [params] = useSearchParams();
  const { selection, select } = useContextSelection();
  const clientId = params.get('client') ?? (selection?.kind === 'client' ? selection.id : '');
  const [draft, setDraft] = useState(clientId);
  const view = useApiResource((signal) => (clientId === '' ? Promise.resolve(null) : helpdesk.client(clientId, signal)), [clientId]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim() !== '') select({ kind: 'client', id: draft.trim() });
  };
  const v = view.state.data;
  return (
    <>
      <h2>Client</h2>
      <form onSubmit={submit} className="inline-form" aria-label="Choose a client">
        <label>
          Client id <input name="client" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">Show</button>
      </form>
      {view.state.status === 'error' && <ErrorNotice error={view.state.error} action="load the client" />}
      {v && (
        <>
          <h3>
            {v.name ?? v.clientId} <code>{v.clientId}</code>
          </h3>
          <p>
            <Link to={withContext(`/help-desk/detective?kind=client&id=${encodeURIComponent(v.clientId)}`, selection)}>Investigate ({v.findingCount} findings)</Link>
          </p>
          <section aria-label="Journeys">
            <h3>Journeys</h3>
            <table>
              <thead>
                <tr><th>Journey</th><th>Definition</th><th>Stages</th><th>Status</th></tr>
              </thead>
              <tbody>
                {v.journeys.map((j) => (
                  <tr key={j.journeyId}>
                    <td><Link to={withContext(`/journeys/${encodeURIComponent(j.journeyId)}`, selection)}>{j.journeyId}</Link></td>
                    <td>{j.definitionId}</td>
                    <td>{[...j.completedStages, `▶ ${j.currentStage}`].join(' → ')}</td>
                    <td><StatusBadge tone={toneForStatus(j.status)}>{j.status}</StatusBadge></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Failures">
            <h3>Failures ({v.failures.length})</h3>
            <ul>
              {v.failures.map((f) => (
                <li key={f.id}>
                  <Link to={`/help-desk/detective?kind=task&id=${encodeURIComponent(f.id)}`}>{f.name}</Link> on {f.handler} after {f.totalAttempts} attempts: {f.lastError ?? 'no error recorded'}
                  {f.deadLetteredAt !== null && <> <StatusBadge tone="fail">dead letter</StatusBadge></>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Tickets">
            <h3>Tickets and SLA</h3>
            <ul>
              {v.tickets.map((t) => (
                <li key={t.id}>
                  <StatusBadge tone={SLA_TONE[t.sla] ?? 'neutral'}>SLA {t.sla.replace('_', ' ')}</StatusBadge> <Link to={`/help-desk/detective?kind=ticket&id=${encodeURIComponent(t.id)}`}>{t.subject}</Link> <span className="muted">{t.status} · {t.priority}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Recent events">
            <h3>Recent events</h3>
            <ol className="timeline">
              {v.events.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.createdAt}>{e.createdAt.replace('T', ' ').slice(0, 19)}</time> <code>{e.topic}</code> {e.key}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}

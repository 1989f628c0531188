// Operations → Dead letters: tasks whose retries were spent, with error, payload and attempts,
// filtered by queue, journey and error text (kept in the URL). Operators retry one or all matching;
// a purge asks for the typed queue name or count and a reason. Read-only servers disable the purge and
// the retry of all matching, and say why.
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { queues, type BulkOutcome, type DeadLetterFilter } from '../../api/queues';
import { ErrorNotice } from '../../components/error-notice';
import { TimeStamp } from '../../components/time-stamp';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection } from '../../hooks/use-context-selection';
import { useCurrentSession } from '../../session/session-context';
import { hasRole } from '../../session/roles';
import { PurgeDialog } from './purge-dialog';
import './operations.css';

const FIELDS = ['queue', 'journey', 'error'] as const;

export function DeadLettersPage() {
  const [params, setParams] = useSearchParams();
  const { selection } = useContextSelection();
  const filter: DeadLetterFilter = {
    queue: params.get('queue') ?? (selection?.kind === 'queue' || selection?.kind === 'agent' ? selection.id : undefined) ?? undefined,
    journey: params.get('journey') ?? (selection?.kind === 'journey' ? selection.id : undefined),
    error: params.get('error') ?? undefined,
  };
  const [draft, setDraft] = useState<Record<(typeof FIELDS)[number], string>>({ queue: filter.queue ?? '', journey: filter.journey ?? '', error: filter.error ?? '' });
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const info = useApiResource((signal) => api.info(signal), []);
  const readOnly = info.state.data?.readOnly === true;
  const key = JSON.stringify(filter);
  // The filter can change under the form (a context carried in, the back button): show what applies.
  useEffect(() => setDraft({ queue: filter.queue ?? '', journey: filter.journey ?? '', error: filter.error ?? '' }), [key]);
  const page = useApiResource((signal) => queues.deadLetters(filter, 100, signal), [key], { pollMs: 15_000 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [purgeOpen, setPurgeOpen] = useState(false);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const f of FIELDS) {
        const v = draft[f].trim();
        if (v === '') next.delete(f);
        else next.set(f, v);
      }
      return next;
    });
  }

  async function act(what: () => Promise<string>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setNotice(await what());
      page.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const data = page.state.data;
  const why = !canAct ? 'Needs the operator role.' : null;
  const purgeWhy = why ?? (readOnly ? 'Purging is disabled: this server runs in read-only mode (OW_READ_ONLY).' : null);
  // Retrying every match is a bulk action the server refuses in read-only mode; one retry stays allowed.
  const retryAllWhy = why ?? (readOnly ? 'Retrying all is disabled: this server runs in read-only mode (OW_READ_ONLY).' : null);

  return (
    <section className="panel" aria-labelledby="dl-title">
      <div className="panel-head">
        <h2 id="dl-title">Dead letters</h2>
        <span className="muted" data-testid="dl-total">{data === null ? '' : `${data.total} dead letter(s)`}</span>
      </div>
      <form className="filters" onSubmit={apply} aria-label="Dead-letter filters">
        {FIELDS.map((f) => (
          <div className="field inline" key={f}>
            <label htmlFor={`dl-${f}`}>{f === 'error' ? 'Error contains' : f[0]!.toUpperCase() + f.slice(1)}</label>
            <input id={`dl-${f}`} type="text" value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </div>
        ))}
        <button type="submit" className="button">Filter</button>
      </form>
      <div className="dl-actions">
        <button type="button" className="button" disabled={busy || retryAllWhy !== null || !data?.total} title={retryAllWhy ?? undefined}
          onClick={() => void act(async () => { const r: BulkOutcome = await queues.retryAll(filter, false); return `Retried ${r.changed} dead letter(s).`; })}>
          Retry all matching
        </button>
        <button type="button" className="button button-danger-outline" disabled={busy || purgeWhy !== null || !data?.total} title={purgeWhy ?? undefined} onClick={() => setPurgeOpen(true)}>
          Purge matching…
        </button>
        {purgeWhy !== null && <span className="muted" data-testid="purge-disabled-why">{purgeWhy}</span>}
        {readOnly && retryAllWhy !== null && why === null && <span className="muted" data-testid="retry-all-disabled-why">{retryAllWhy}</span>}
      </div>
      {notice !== null && <p className="notice" role="status">{notice}</p>}
      {error !== null && <ErrorNotice error={error} action="change the dead letters" />}
      {page.state.status === 'error' && <ErrorNotice error={page.state.error} action="load the dead letters" />}
      {data !== null && data.items.length === 0 && <p className="muted">No dead letter matches. Tasks land here when their retries are spent.</p>}
      {data !== null && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Dead letters">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Queue</th>
                <th scope="col">Last error</th>
                <th scope="col">Payload</th>
                <th scope="col" className="numeric">Attempts</th>
                <th scope="col">When</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((t) => (
                <tr key={t.id} data-task-id={t.id}>
                  <th scope="row">
                    <code>{t.id}</code>
                    {t.journeyId !== null && <span className="cell-note">journey {t.journeyId}</span>}
                  </th>
                  <td>{t.handler}</td>
                  <td>{t.lastError ?? '—'}</td>
                  <td><pre className="payload">{JSON.stringify(t.input, null, 1)}</pre></td>
                  <td className="numeric">{t.totalAttempts}</td>
                  <td>{t.deadLetteredAt !== null ? <TimeStamp iso={t.deadLetteredAt} /> : '—'}</td>
                  <td>
                    <button type="button" className="button" disabled={busy || why !== null} title={why ?? undefined} aria-label={`Retry ${t.id}`}
                      onClick={() => void act(async () => { const r = await queues.retryOne(t.id); return `Task ${r.id} is ${r.status} again.`; })}>
                      Retry
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {purgeOpen && (
        <PurgeDialog filter={filter} onClose={() => setPurgeOpen(false)} onPurged={(r) => { setPurgeOpen(false); setNotice(`Purged ${r.changed} dead letter(s).`); page.reload(); }} />
      )}
    </section>
  );
}

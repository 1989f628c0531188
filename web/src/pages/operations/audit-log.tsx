// The audit-log viewer: every mutation with actor, action, target and summary, newest first.
// Filters by actor and action (an action prefix such as `token.` works) run on the server and are
// kept in the URL; older entries load page by page.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { TimeStamp } from '../../components/time-stamp';
import { applyAuditFilter, appendPage, auditFilterFromParams, distinctValues, newestFirst, type AuditFilter } from './audit-filter';

const pageSize = 50;

export function AuditLog() {
  const [params, setParams] = useSearchParams();
  const filter = auditFilterFromParams(params);
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [hasMore, setHasMore] = useState(false);
  const { actor, action } = filter;

  const load = useCallback(
    async (before: AuditEntry['id'] | undefined, signal?: AbortSignal) => {
      setStatus('loading');
      try {
        const { items } = await api.audit.list(
          { limit: pageSize, before, actor: actor === '' ? undefined : actor, action: action === '' ? undefined : action },
          signal,
        );
        setEntries((current) => (before === undefined ? items : appendPage(current, items)));
        setHasMore(items.length === pageSize);
        setStatus('ready');
        setError(null);
      } catch (failure) {
        if (signal?.aborted === true) return;
        setError(failure);
        setStatus('error');
      }
    },
    [actor, action],
  );

  // The URL can change under the form (back button, a shared link): show what is applied.
  useEffect(() => setDraft({ actor, action }), [actor, action]);

  useEffect(() => {
    const aborter = new AbortController();
    void load(undefined, aborter.signal);
    return () => aborter.abort();
  }, [load]);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setParams((current) => applyAuditFilter(current, draft), { replace: true });
  }

  function clear(): void {
    const empty = { actor: '', action: '' };
    setDraft(empty);
    setParams((current) => applyAuditFilter(current, empty), { replace: true });
  }

  const sorted = newestFirst(entries);
  const oldest = sorted[sorted.length - 1];
  const filtered = actor !== '' || action !== '';

  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" className="button" onClick={() => void load(undefined)} disabled={status === 'loading'}>
          Refresh
        </button>
      </div>
      <form className="filters" onSubmit={apply} aria-label="Audit log filters">
        <div className="field inline">
          <label htmlFor="audit-actor">Actor</label>
          <input
            id="audit-actor"
            type="text"
            list="audit-actors"
            placeholder="any actor"
            value={draft.actor}
            onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
          />
          <datalist id="audit-actors">
            {distinctValues(entries, 'actor').map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </div>
        <div className="field inline">
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            type="text"
            list="audit-actions"
            placeholder="any action, or a prefix like token."
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
          />
          <datalist id="audit-actions">
            {distinctValues(entries, 'action').map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
        {filtered && (
          <button type="button" className="button button-ghost-dark" onClick={clear}>
            Clear filters
          </button>
        )}
        <span className="muted" role="status">
          {status === 'loading' ? 'Loading…' : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} shown`}
        </span>
      </form>
      {status === 'error' && <ErrorNotice error={error} action="load the audit log" />}
      {status === 'ready' && entries.length === 0 && (
        <p className="muted">
          {filtered
            ? 'No audit entry matches these filters.'
            : 'No changes recorded yet. Every mutation made through the API or the CLI appears here.'}
        </p>
      )}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Audit log entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((entry) => (
                <tr key={String(entry.id)}>
                  <td className="nowrap">
                    <TimeStamp iso={entry.createdAt} />
                  </td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.target ?? '—'}</td>
                  <td>{entry.summary ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && oldest !== undefined && (
        <button type="button" className="button" onClick={() => void load(oldest.id)} disabled={status === 'loading'}>
          Load older entries
        </button>
      )}
    </section>
  );
}

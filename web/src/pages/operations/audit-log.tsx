// The audit-log viewer: every mutation with actor, action, target and summary, newest first,
// filterable by actor and action (kept in the URL), paging back through older entries.
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { TimeStamp } from '../../components/time-stamp';
import { appendPage, distinctValues, filterAudit, newestFirst } from './audit-filter';

const pageSize = 50;

export function AuditLog() {
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor');
  const action = params.get('action');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [hasMore, setHasMore] = useState(false);

  const load = useCallback(async (before: AuditEntry['id'] | undefined, signal?: AbortSignal) => {
    setStatus('loading');
    try {
      const query = before === undefined ? { limit: pageSize } : { limit: pageSize, before };
      const { items } = await api.audit.list(query, signal);
      setEntries((current) => (before === undefined ? items : appendPage(current, items)));
      setHasMore(items.length === pageSize);
      setStatus('ready');
      setError(null);
    } catch (failure) {
      if (signal?.aborted === true) return;
      setError(failure);
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    const aborter = new AbortController();
    void load(undefined, aborter.signal);
    return () => aborter.abort();
  }, [load]);

  function setFilter(name: 'actor' | 'action', value: string): void {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const sorted = newestFirst(entries);
  const visible = filterAudit(sorted, { actor, action });
  const oldest = sorted[sorted.length - 1];

  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" className="button" onClick={() => void load(undefined)} disabled={status === 'loading'}>
          Refresh
        </button>
      </div>
      <div className="filters" role="group" aria-label="Audit log filters">
        <div className="field inline">
          <label htmlFor="audit-actor">Actor</label>
          <select id="audit-actor" value={actor ?? ''} onChange={(event) => setFilter('actor', event.target.value)}>
            <option value="">All actors</option>
            {distinctValues(entries, 'actor', actor).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" value={action ?? ''} onChange={(event) => setFilter('action', event.target.value)}>
            <option value="">All actions</option>
            {distinctValues(entries, 'action', action).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <span className="muted" role="status">
          {status === 'loading' ? 'Loading…' : `${visible.length} of ${entries.length} loaded entries`}
        </span>
      </div>
      {status === 'error' && <ErrorNotice error={error} action="load the audit log" />}
      {status !== 'loading' && entries.length === 0 && status !== 'error' && (
        <p className="muted">No changes recorded yet. Every mutation made through the API or the CLI appears here.</p>
      )}
      {visible.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-describedby="audit-title">
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
              {visible.map((entry) => (
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
      {entries.length > 0 && visible.length === 0 && (
        <p className="muted">No loaded entry matches these filters{hasMore ? '; older entries may.' : '.'}</p>
      )}
      {hasMore && oldest !== undefined && (
        <button type="button" className="button" onClick={() => void load(oldest.id)} disabled={status === 'loading'}>
          Load older entries
        </button>
      )}
    </section>
  );
}

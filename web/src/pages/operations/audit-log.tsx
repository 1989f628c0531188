// The audit-log viewer: every mutation with actor, action, target and summary, newest first.
// Filters by actor and action (an action prefix such as `token.` works) run on the server and are
// kept in the URL; older entries load page by page. The paging and the table serve the Audit page too.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { TimeStamp } from '../../components/time-stamp';
import { applyAuditFilter, appendPage, auditFilterFromParams, auditSearchOf, distinctValues, newestFirst, type AuditFilter } from './audit-filter';

const pageSize = 50;

/** The panel's filters, each suggesting the values of the entries shown. */
const SUGGESTED_FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'any actor' },
  { name: 'action', label: 'Action', placeholder: 'any action, or a prefix like token.' },
] as const;

type FetchAuditPage = (page: { limit: number; before?: AuditEntry['id'] }, signal?: AbortSignal) => Promise<{ items: AuditEntry[] }>;

/**
 * Audit entries a page at a time: the first page again whenever `filterKey` changes (the fetch
 * reads the filter it names), older pages appended without repeats.
 */
export function useAuditPages(fetchPage: FetchAuditPage, filterKey: string) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [hasMore, setHasMore] = useState(false);

  // fetchPage is a new function every render; what it fetches changes only with filterKey.
  const load = useCallback(
    async (before: AuditEntry['id'] | undefined, signal?: AbortSignal) => {
      setStatus('loading');
      try {
        const { items } = await fetchPage({ limit: pageSize, ...(before !== undefined ? { before } : {}) }, signal);
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
    [filterKey],
  );

  useEffect(() => {
    const aborter = new AbortController();
    void load(undefined, aborter.signal);
    return () => aborter.abort();
  }, [load]);

  return { entries, status, error, hasMore, load };
}

/** The entries as a table, in the order given. */
export function AuditTable({ entries, label }: { entries: readonly AuditEntry[]; label: string }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
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
          {entries.map((entry) => (
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
  );
}

export function AuditLog() {
  const [params, setParams] = useSearchParams();
  const filter = auditFilterFromParams(params);
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const { actor, action } = filter;
  const { entries, status, error, hasMore, load } = useAuditPages(
    (page, signal) => api.audit.list({ ...page, ...auditSearchOf(filter) }, signal),
    `${actor}\u0000${action}`,
  );

  // The URL can change under the form (back button, a shared link): show what is applied.
  useEffect(() => setDraft({ actor, action }), [actor, action]);

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
        {SUGGESTED_FIELDS.map(({ name, label, placeholder }) => (
          <div className="field inline" key={name}>
            <label htmlFor={`audit-${name}`}>{label}</label>
            <input
              id={`audit-${name}`}
              type="text"
              list={`audit-${name}s`}
              placeholder={placeholder}
              value={draft[name]}
              onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
            />
            <datalist id={`audit-${name}s`}>
              {distinctValues(entries, name).map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </div>
        ))}
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
      {sorted.length > 0 && <AuditTable entries={sorted} label="Audit log entries" />}
      {hasMore && oldest !== undefined && (
        <button type="button" className="button" onClick={() => void load(oldest.id)} disabled={status === 'loading'}>
          Load older entries
        </button>
      )}
    </section>
  );
}

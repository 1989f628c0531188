// Operations → Audit: the audit log filtered by actor, action (prefix), target and a time range, all
// kept in the URL, newest first with older pages on demand, and the same filters as a CSV download.
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { status, type AuditSearch } from '../../api/status';
import type { AuditEntry } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { TimeStamp } from '../../components/time-stamp';
import { appendPage } from './audit-filter';

const FIELDS = ['actor', 'action', 'target', 'since', 'until'] as const;
type Field = (typeof FIELDS)[number];
const PAGE = 50;

/** datetime-local values are local wall time; the API wants instants. */
function toInstant(local: string): string | undefined {
  if (local === '') return undefined;
  const t = Date.parse(local);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const [draft, setDraft] = useState(applied);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = FIELDS.map((f) => applied[f]).join('\u0000');
  const query: AuditSearch = {
    ...(applied.actor ? { actor: applied.actor } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.target ? { target: applied.target } : {}),
    ...(toInstant(applied.since) ? { since: toInstant(applied.since) } : {}),
    ...(toInstant(applied.until) ? { until: toInstant(applied.until) } : {}),
  };

  async function load(before?: AuditEntry['id']): Promise<void> {
    try {
      const { items } = await status.audit({ ...query, limit: PAGE, ...(before !== undefined ? { before: Number(before) } : {}) });
      setEntries((cur) => (before === undefined ? items : appendPage(cur, items)));
      setMore(items.length === PAGE);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }

  useEffect(() => {
    setDraft(applied);
    void load();
  }, [key]);

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

  return (
    <section className="panel" aria-labelledby="audit-page-title">
      <div className="panel-head">
        <h2 id="audit-page-title">Audit trail</h2>
        <a className="button" href={status.auditCsvUrl(query)} download="audit.csv">
          Export CSV
        </a>
      </div>
      <form className="filters" onSubmit={apply} aria-label="Audit filters">
        {FIELDS.map((f) => (
          <div className="field inline" key={f}>
            <label htmlFor={`audit-${f}`}>{f === 'since' ? 'From' : f === 'until' ? 'Until' : f[0]!.toUpperCase() + f.slice(1)}</label>
            <input id={`audit-${f}`} type={f === 'since' || f === 'until' ? 'datetime-local' : 'text'} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </div>
        ))}
        <button type="submit" className="button">Filter</button>
      </form>
      {error !== null && <ErrorNotice error={error} action="load the audit trail" />}
      {entries.length === 0 && error === null && <p className="muted">No audit entry matches.</p>}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Audit entries">
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
              {entries.map((e) => (
                <tr key={String(e.id)}>
                  <td className="nowrap"><TimeStamp iso={e.createdAt} /></td>
                  <td>{e.actor}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.target ?? '—'}</td>
                  <td>{e.summary ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <button type="button" className="button" onClick={() => void load(entries.at(-1)?.id)}>
          Load older entries
        </button>
      )}
    </section>
  );
}

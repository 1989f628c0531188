// Operations → Audit: the audit log filtered by actor, action (prefix), target and a time range, all
// kept in the URL, newest first with older pages on demand, and the same filters as a CSV download.
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { status as statusApi } from '../../api/status';
import { ErrorNotice } from '../../components/error-notice';
import { AUDIT_FIELDS, applyAuditFilter, auditFilterFromParams, auditSearchOf, type AuditField } from './audit-filter';
import { AuditTable, useAuditPages } from './audit-log';

const LABELS: Readonly<Record<AuditField, string>> = { actor: 'Actor', action: 'Action', target: 'Target', since: 'From', until: 'Until' };

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = auditFilterFromParams(params, AUDIT_FIELDS);
  const [draft, setDraft] = useState(applied);
  const key = AUDIT_FIELDS.map((f) => applied[f]).join('\u0000');
  const query = auditSearchOf(applied);
  const { entries, status, error, hasMore, load } = useAuditPages((page, signal) => statusApi.audit({ ...query, limit: page.limit, ...(page.before !== undefined ? { before: Number(page.before) } : {}) }, signal), key);

  // The URL can change under the form (back button, a shared link): show what is applied.
  useEffect(() => setDraft(applied), [key]);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setParams((p) => applyAuditFilter(p, draft));
  }

  return (
    <section className="panel" aria-labelledby="audit-page-title">
      <div className="panel-head">
        <h2 id="audit-page-title">Audit trail</h2>
        <a className="button" href={statusApi.auditCsvUrl(query)} download="audit.csv">
          Export CSV
        </a>
      </div>
      <form className="filters" onSubmit={apply} aria-label="Audit filters">
        {AUDIT_FIELDS.map((f) => (
          <div className="field inline" key={f}>
            <label htmlFor={`audit-${f}`}>{LABELS[f]}</label>
            <input id={`audit-${f}`} type={f === 'since' || f === 'until' ? 'datetime-local' : 'text'} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </div>
        ))}
        <button type="submit" className="button">Filter</button>
      </form>
      {status === 'error' && <ErrorNotice error={error} action="load the audit trail" />}
      {status === 'ready' && entries.length === 0 && <p className="muted">No audit entry matches.</p>}
      {entries.length > 0 && <AuditTable entries={entries} label="Audit entries" />}
      {hasMore && (
        <button type="button" className="button" onClick={() => void load(entries.at(-1)?.id)} disabled={status === 'loading'}>
          Load older entries
        </button>
      )}
    </section>
  );
}

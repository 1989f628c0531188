// Help desk → Issue Detective: pick a journey, task, client or ticket (or take the selected context)
// and read the findings: severity, the explanation, the evidence with links, its playbook, and for
// operators a ticket created from the finding.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { helpdesk, type Finding, type SubjectKind } from '../../api/helpdesk';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import { useContextSelection, withContext } from '../../hooks/use-context-selection';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';

const KINDS: readonly SubjectKind[] = ['journey', 'task', 'client', 'ticket'];
const TONE: Record<Finding['severity'], Tone> = { critical: 'fail', high: 'fail', medium: 'warn', low: 'info' };

function evidenceLink(type: string, id: string): string | null {
  if (type === 'journey') return `/journeys/${encodeURIComponent(id)}`;
  if (type === 'task') return `/help-desk/detective?kind=task&id=${encodeURIComponent(id)}`;
  if (type === 'ticket') return `/help-desk/detective?kind=ticket&id=${encodeURIComponent(id)}`;
  if (type === 'event') return `/api/events?after=${Number(id) - 1}&limit=1`;
  return null;
}

function FindingCard({ f, subject, canAct }: { f: Finding; subject: { kind: SubjectKind; id: string }; canAct: boolean }) {
  const { selection } = useContextSelection();
  const [created, setCreated] = useState<{ id: string; priority: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCreated((await helpdesk.ticketFromFinding(subject, f, window.location.origin)).ticket);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="card finding" data-testid="finding" data-kind={f.kind}>
      <h3>
        <StatusBadge tone={TONE[f.severity]}>{f.severity}</StatusBadge> {f.title}
      </h3>
      <p>{f.explanation}</p>
      <details open={f.evidence.length <= 5}>
        <summary>Evidence ({f.evidence.length})</summary>
        <ul>
          {f.evidence.map((e) => {
            const link = evidenceLink(e.type, e.id);
            return (
              <li key={`${e.type}/${e.id}`}>
                {link === null ? <code>{`${e.type} ${e.id}`}</code> : link.startsWith('/api/') ? <a href={link}>{`${e.type} ${e.id}`}</a> : <Link to={withContext(link, selection)}>{`${e.type} ${e.id}`}</Link>} — {e.shows}
              </li>
            );
          })}
        </ul>
      </details>
      <p>
        <Link to={withContext(`/help-desk/playbooks/${encodeURIComponent(f.playbookId)}`, selection)}>Open playbook</Link>
        {canAct && created === null && (
          <>
            {' '}
            <button type="button" onClick={() => void create()} disabled={busy}>
              Create ticket
            </button>
          </>
        )}
      </p>
      {created !== null && <p role="status">Ticket {created.id} created ({created.priority}).</p>}
      {error !== null && <ErrorNotice error={error} action="create the ticket" />}
    </article>
  );
}

export function DetectivePage() {
  const [params, setParams] = useSearchParams();
  const { selection } = useContextSelection();
  const fromCtx: { kind: SubjectKind; id: string } | null = selection && (selection.kind === 'client' || selection.kind === 'journey') ? { kind: selection.kind, id: selection.id } : null;
  const kind = (KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as SubjectKind) : (fromCtx?.kind ?? 'client');
  const id = params.get('id') ?? fromCtx?.id ?? '';
  const [draft, setDraft] = useState({ kind, id });
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const result = useApiResource((signal) => (id === '' ? Promise.resolve(null) : helpdesk.detective(kind, id, signal)), [kind, id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams((p) => {
      p.set('kind', draft.kind);
      p.set('id', draft.id.trim());
      return p;
    });
  };
  const findings = result.state.data?.findings ?? [];
  return (
    <>
      <h2>Issue Detective</h2>
      <form onSubmit={submit} className="inline-form" aria-label="Investigate">
        <label>
          Kind{' '}
          <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as SubjectKind })}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Id <input name="id" value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
        </label>
        <button type="submit">Investigate</button>
      </form>
      {result.state.status === 'error' && <ErrorNotice error={result.state.error} action="investigate" />}
      {id !== '' && result.state.status === 'ready' && findings.length === 0 && <p>No finding: the rules found nothing wrong with {kind} {id}.</p>}
      {findings.map((f, i) => (
        <FindingCard key={`${f.kind}/${f.about.id}/${i}`} f={f} subject={{ kind, id }} canAct={canAct} />
      ))}
    </>
  );
}

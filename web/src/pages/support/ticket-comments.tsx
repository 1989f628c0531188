// A ticket's comments in order, and (operators) a form to add one, public or internal.
import { useState, type FormEvent } from 'react';
import { tickets, type TicketComment } from '../../api/tickets';
import { ErrorNotice } from '../../components/error-notice';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';

export function TicketComments({ ticketId, comments, canAct, onChanged }: { ticketId: string; comments: readonly TicketComment[]; canAct: boolean; onChanged: () => void }) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await tickets.comment(ticketId, { body, public: !internal });
      setBody('');
      onChanged();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="ticket-comments">
      <h3 id="ticket-comments">Comments</h3>
      {comments.length === 0 && <p className="muted">No comment yet.</p>}
      <ol className="stack" aria-label="Comments">
        {comments.map((c) => (
          <li key={c.seq} data-testid="ticket-comment" data-public={c.public ? 'true' : 'false'}>
            <p>
              <strong>{c.author}</strong> · <TimeStamp iso={c.createdAt} /> · {c.public ? <StatusBadge tone="info">public</StatusBadge> : <StatusBadge tone="neutral">internal</StatusBadge>}
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{c.body}</p>
          </li>
        ))}
      </ol>
      {canAct && (
        <form onSubmit={(e) => void submit(e)} className="stack" aria-label="Add a comment">
          <label>
            Comment <textarea rows={3} required maxLength={50_000} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <div className="actions-row">
            <label>
              <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> Internal note
            </label>
            <button type="submit" className="button" disabled={busy || body.trim() === ''}>
              Add comment
            </button>
          </div>
          {failure !== null && <ErrorNotice error={failure} action="add the comment" />}
        </form>
      )}
    </section>
  );
}

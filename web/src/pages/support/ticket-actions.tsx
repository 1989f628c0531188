// Operator actions on one ticket: move its status, escalate one tier up (or to a chosen tier) with a
// reason; both go through the API, which re-routes and records the decision.
import { useState, type FormEvent } from 'react';
import { TICKET_STATUSES, TICKET_TIERS, tickets, type Ticket, type TicketStatus, type TicketTier } from '../../api/tickets';
import { ErrorNotice } from '../../components/error-notice';
import { statusLabel } from './ticket-badges';

export function TicketActions({ ticket, onChanged }: { ticket: Ticket; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [toTier, setToTier] = useState<'' | TicketTier>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; action: string } | null>(null);

  const run = async (action: string, work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      onChanged();
      return true;
    } catch (error) {
      setFailure({ error, action });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const escalate = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run('escalate the ticket', () => tickets.escalate(ticket.id, { reason, ...(toTier === '' ? {} : { toTier }) }));
    if (ok) setReason('');
  };

  return (
    <section className="panel" aria-label="Ticket actions">
      <h3>Actions</h3>
      <div className="actions-row">
        <label>
          Status{' '}
          <select aria-label="Change status" value={ticket.status} disabled={busy} onChange={(e) => void run('change the status', () => tickets.setStatus(ticket.id, e.target.value as TicketStatus))}>
            {TICKET_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        </label>
      </div>
      <form onSubmit={(e) => void escalate(e)} className="actions-row" aria-label="Escalate">
        <label>
          Escalation reason <input type="text" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label>
          To tier{' '}
          <select value={toTier} onChange={(e) => setToTier(e.target.value as '' | TicketTier)}>
            <option value="">next tier</option>
            {TICKET_TIERS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy || reason.trim() === ''}>
          Escalate
        </button>
      </form>
      {failure !== null && <ErrorNotice error={failure.error} action={failure.action} />}
    </section>
  );
}

// Create a ticket (operators): the Smart Router assigns it at once or queues it; on success the
// caller is handed the new ticket (the page opens it so the routing decision is visible).
import { useState, type FormEvent } from 'react';
import { TICKET_PRIORITIES, TICKET_TIERS, tickets, type Ticket, type TicketPriority, type TicketTier } from '../../api/tickets';
import { ErrorNotice } from '../../components/error-notice';

export function TicketCreateForm({ onCreated }: { onCreated: (t: Ticket) => void }) {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [requester, setRequester] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [tier, setTier] = useState<TicketTier>('L1');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const t = await tickets.create({ subject, description, priority, tier, ...(requester.trim() === '' ? {} : { requester }) });
      setSubject('');
      setDescription('');
      onCreated(t);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="Create a ticket">
      <h3>Create a ticket</h3>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label>
          Subject <input type="text" required maxLength={300} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label>
          Description <textarea rows={3} maxLength={50_000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          Requester <input type="text" maxLength={200} value={requester} onChange={(e) => setRequester(e.target.value)} />
        </label>
        <div className="actions-row">
          <label>
            Priority{' '}
            <select value={priority} onChange={(e) => setPriority(e.target.value as TicketPriority)}>
              {TICKET_PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>
            Tier{' '}
            <select value={tier} onChange={(e) => setTier(e.target.value as TicketTier)}>
              {TICKET_TIERS.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <button type="submit" className="button" disabled={busy || subject.trim() === ''}>
            Create ticket
          </button>
        </div>
        {failure !== null && <ErrorNotice error={failure} action="create the ticket" />}
      </form>
    </section>
  );
}

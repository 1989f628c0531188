// Ticket list filters kept in the URL (?status=&priority=&assignee=&queued=), so a filtered view can
// be bookmarked and shared.
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketQuery } from '../../api/tickets';
import { statusLabel } from './ticket-badges';

export interface TicketFilter {
  status: string;
  priority: string;
  assignee: string;
  queued: '' | 'true' | 'false';
}

export function readTicketFilter(params: URLSearchParams): TicketFilter {
  const pick = (name: string, allowed: readonly string[]) => {
    const v = params.get(name) ?? '';
    return allowed.includes(v) ? v : '';
  };
  const queued = params.get('queued');
  return {
    status: pick('status', TICKET_STATUSES),
    priority: pick('priority', TICKET_PRIORITIES),
    assignee: (params.get('assignee') ?? '').trim().slice(0, 100),
    queued: queued === 'true' || queued === 'false' ? queued : '',
  };
}

export function writeTicketFilter(current: URLSearchParams, f: TicketFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(f)) {
    if (value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}

export function toTicketQuery(f: TicketFilter): TicketQuery {
  const q: TicketQuery = {};
  if (f.status !== '') q.status = f.status as TicketQuery['status'];
  if (f.priority !== '') q.priority = f.priority as TicketQuery['priority'];
  if (f.assignee !== '') q.assignee = f.assignee;
  if (f.queued !== '') q.queued = f.queued === 'true';
  return q;
}

export function TicketFilters({ filter, onChange }: { filter: TicketFilter; onChange: (f: TicketFilter) => void }) {
  return (
    <div className="actions-row" role="group" aria-label="Ticket filters">
      <label>
        Status{' '}
        <select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value })}>
          <option value="">any</option>
          {TICKET_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </select>
      </label>
      <label>
        Priority{' '}
        <select value={filter.priority} onChange={(e) => onChange({ ...filter, priority: e.target.value })}>
          <option value="">any</option>
          {TICKET_PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label>
        Assignee{' '}
        <input type="text" value={filter.assignee} placeholder="agent id" maxLength={100} onChange={(e) => onChange({ ...filter, assignee: e.target.value })} />
      </label>
      <label>
        Queued{' '}
        <select value={filter.queued} onChange={(e) => onChange({ ...filter, queued: e.target.value as TicketFilter['queued'] })}>
          <option value="">any</option>
          <option value="true">waiting for capacity</option>
          <option value="false">not waiting</option>
        </select>
      </label>
    </div>
  );
}

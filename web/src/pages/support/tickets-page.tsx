// Support → Tickets: the tickets with their priority, status, tier, assignee and a queued marker,
// filtered from the URL and kept current from the live event stream; operators create tickets here.
import { useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { tickets, type Ticket } from '../../api/tickets';
import { ErrorNotice } from '../../components/error-notice';
import { StreamStatusBadge } from '../../components/stream-status';
import { TimeStamp } from '../../components/time-stamp';
import { useApiResource } from '../../hooks/use-api-resource';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { useLiveReload } from '../journeys/use-live-reload';
import { PriorityBadge, QueuedMarker, TicketStatusBadge } from './ticket-badges';
import { TicketCreateForm } from './ticket-create-form';
import { readTicketFilter, TicketFilters, toTicketQuery, writeTicketFilter, type TicketFilter } from './ticket-filters';

export function TicketsPage() {
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readTicketFilter(params);
  const query = toTicketQuery(filter);
  const list = useApiResource((signal) => tickets.list(query, signal), [JSON.stringify(query)]);
  const reload = list.reload;
  const live = useLiveReload(['ticket.*', 'routing.*'], useCallback(() => reload(), [reload]));
  const setFilter = (next: TicketFilter) => setParams((current) => writeTicketFilter(current, next), { replace: true });
  const items = list.state.data?.items ?? [];
  const filtered = filter.status !== '' || filter.priority !== '' || filter.assignee !== '' || filter.queued !== '';

  return (
    <>
      <h2>Tickets</h2>
      <p className="muted">New tickets are routed by the Smart Router to the eligible agent with the most spare capacity, or queued until one has room.</p>
      {canAct && <TicketCreateForm onCreated={(t) => void navigate(`/support/tickets/${encodeURIComponent(t.id)}`)} />}
      <section className="panel" aria-labelledby="ticket-list-title">
        <div className="panel-head">
          <h3 id="ticket-list-title">
            Ticket list{list.state.data !== null && <span className="muted"> · {items.length}</span>}
          </h3>
          <div className="actions-row">
            <StreamStatusBadge status={live.status} retryInMs={live.retryInMs} />
            <button type="button" className="button" onClick={reload} disabled={list.state.status === 'loading'}>
              Refresh
            </button>
          </div>
        </div>
        <TicketFilters filter={filter} onChange={setFilter} />
        {list.state.status === 'error' && <ErrorNotice error={list.state.error} action="list the tickets" />}
        {list.state.data === null && list.state.status === 'loading' && <p className="muted">Loading tickets…</p>}
        {list.state.data !== null && items.length === 0 && <p className="muted">{filtered ? 'No ticket matches these filters.' : 'No ticket yet.'}</p>}
        {items.length > 0 && <TicketTable items={items} />}
      </section>
    </>
  );
}

function TicketTable({ items }: { items: readonly Ticket[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Tickets">
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Subject</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Tier</th>
            <th scope="col">Assignee</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id} data-ticket={t.id}>
              <td>
                <Link to={`/support/tickets/${encodeURIComponent(t.id)}`}>{t.id}</Link>
              </td>
              <td>{t.subject}</td>
              <td><PriorityBadge priority={t.priority} /></td>
              <td><TicketStatusBadge status={t.status} /></td>
              <td>{t.tier}</td>
              <td data-testid="ticket-assignee">
                {t.assigneeId ?? <span className="muted">unassigned</span>} <QueuedMarker ticket={t} />
              </td>
              <td><TimeStamp iso={t.createdAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

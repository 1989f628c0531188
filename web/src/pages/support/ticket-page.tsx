// Support → Tickets → one ticket: its fields, SLA clocks, comments, operator actions (status,
// escalate) and the routing decisions explained; kept current from the live event stream.
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { tickets } from '../../api/tickets';
import type { StreamEvent } from '../../api/types';
import { ErrorNotice } from '../../components/error-notice';
import { StreamStatusBadge } from '../../components/stream-status';
import { TimeStamp } from '../../components/time-stamp';
import { useApiResource } from '../../hooks/use-api-resource';
import { hasRole } from '../../session/roles';
import { useCurrentSession } from '../../session/session-context';
import { useLiveReload } from '../journeys/use-live-reload';
import { TicketSlaClocks } from './sla-clocks';
import { TicketActions } from './ticket-actions';
import { PriorityBadge, QueuedMarker, TicketStatusBadge } from './ticket-badges';
import { TicketComments } from './ticket-comments';
import { TicketRouting } from './ticket-routing';

/** Whether a stream event concerns this ticket (events are keyed by ticket id; routing carries it in the payload). */
function about(id: string) {
  return (e: StreamEvent) => {
    if (e.key === id) return true;
    const p = e.payload;
    return typeof p === 'object' && p !== null && 'ticketId' in p && (p as { ticketId: unknown }).ticketId === id;
  };
}

export function TicketPage() {
  const id = useParams().id ?? '';
  const session = useCurrentSession();
  const canAct = session !== null && hasRole(session.role, 'operator');
  const detail = useApiResource((signal) => tickets.detail(id, signal), [id]);
  const routing = useApiResource((signal) => tickets.routing(id, signal), [id]);
  const reloadDetail = detail.reload;
  const reloadRouting = routing.reload;
  const reload = useCallback(() => {
    reloadDetail();
    reloadRouting();
  }, [reloadDetail, reloadRouting]);
  const live = useLiveReload(['ticket.*', 'routing.*'], reload, { matches: about(id) });
  const d = detail.state.data;
  const t = d?.ticket;

  return (
    <>
      <p>
        <Link to="/support/tickets">← Tickets</Link>
      </p>
      {detail.state.status === 'error' && <ErrorNotice error={detail.state.error} action={`load ticket ${id}`} />}
      {t === undefined ? (
        detail.state.status === 'loading' && <p className="muted">Loading ticket…</p>
      ) : (
        <>
          <div className="panel-head">
            <h2>
              {t.id}: {t.subject}
            </h2>
            <StreamStatusBadge status={live.status} retryInMs={live.retryInMs} />
          </div>
          <section className="panel" aria-label="Ticket fields">
            <dl className="ticket-fields">
              <dt>Priority</dt>
              <dd><PriorityBadge priority={t.priority} /></dd>
              <dt>Status</dt>
              <dd data-testid="ticket-status"><TicketStatusBadge status={t.status} /></dd>
              <dt>Tier</dt>
              <dd>{t.tier}</dd>
              <dt>Assignee</dt>
              <dd data-testid="ticket-assignee">
                {t.assigneeId ?? <span className="muted">unassigned</span>} <QueuedMarker ticket={t} />
              </dd>
              <dt>Requester</dt>
              <dd>{t.requester}</dd>
              {t.clientId !== null && (
                <>
                  <dt>Client</dt>
                  <dd>{t.clientId}</dd>
                </>
              )}
              <dt>Source</dt>
              <dd>{t.source}</dd>
              <dt>Required skills</dt>
              <dd>{t.requiredSkills.length === 0 ? <span className="muted">none</span> : t.requiredSkills.map((s) => `${s.skill}${s.mandatory ? ' (mandatory)' : ''}`).join(', ')}</dd>
              <dt>Created</dt>
              <dd><TimeStamp iso={t.createdAt} /></dd>
              {t.firstResponseAt !== null && (
                <>
                  <dt>First response</dt>
                  <dd><TimeStamp iso={t.firstResponseAt} /></dd>
                </>
              )}
              {t.resolvedAt !== null && (
                <>
                  <dt>Resolved</dt>
                  <dd><TimeStamp iso={t.resolvedAt} /></dd>
                </>
              )}
              <dt>Escalations / reopens</dt>
              <dd>{t.escalationCount} / {t.reopenCount}</dd>
            </dl>
            {t.description !== '' && <p data-testid="ticket-description" style={{ whiteSpace: 'pre-wrap' }}>{t.description}</p>}
          </section>
          <TicketSlaClocks ticketId={t.id} />
          {canAct && <TicketActions ticket={t} onChanged={reload} />}
          {routing.state.status === 'error' && <ErrorNotice error={routing.state.error} action="load the routing decisions" />}
          <TicketRouting decisions={routing.state.data?.items ?? d?.routing ?? []} />
          <TicketComments ticketId={t.id} comments={d?.comments ?? []} canAct={canAct} onChanged={reload} />
        </>
      )}
    </>
  );
}

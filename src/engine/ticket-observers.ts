// The hook other capabilities use to react to ticket changes inside the change's own transaction
// (the SLA monitor starts, pauses and stops clocks here): their events commit with the change or not at all.
import type { Ticket } from '../core/tickets/ticket';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';

export interface TicketChange {
  kind: 'created' | 'updated' | 'status_changed' | 'commented' | 'assigned' | 'escalated';
  before: Ticket | null;
  after: Ticket;
  at: Date;
  actor: string;
  /** true when this change is a public comment written by a support agent (a response to the requester) */
  publicAgentReply: boolean;
}

export interface TicketObserver {
  readonly name: string;
  onTicketChange(q: Queryable, change: TicketChange): Promise<NewEvent[]>;
}

/** Calls every observer in registration order on the open transaction and gathers their events. */
export async function notifyTicketObservers(observers: ReadonlyArray<TicketObserver>, q: Queryable, changes: ReadonlyArray<TicketChange>): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  for (const change of changes) {
    for (const o of observers) events.push(...(await o.onTicketChange(q, change)));
  }
  return events;
}

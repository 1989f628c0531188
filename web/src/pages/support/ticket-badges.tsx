// Priority and status pills and the "queued" marker for tickets; the text carries the meaning, the
// colour only reinforces it.
import { StatusBadge, type Tone } from '../../components/status-badge';
import type { Ticket } from '../../api/tickets';

const PRIORITY_TONE: Record<Ticket['priority'], Tone> = { urgent: 'fail', high: 'warn', normal: 'info', low: 'neutral' };
const STATUS_TONE: Record<Ticket['status'], Tone> = { new: 'info', open: 'info', pending: 'warn', on_hold: 'warn', solved: 'ok', closed: 'neutral' };

export const statusLabel = (s: Ticket['status']) => s.replace('_', ' ');

export function PriorityBadge({ priority }: { priority: Ticket['priority'] }) {
  return <StatusBadge tone={PRIORITY_TONE[priority]}>{priority}</StatusBadge>;
}

export function TicketStatusBadge({ status }: { status: Ticket['status'] }) {
  return <StatusBadge tone={STATUS_TONE[status]}>{statusLabel(status)}</StatusBadge>;
}

/** Shown while the ticket waits for an agent with capacity. */
export function QueuedMarker({ ticket }: { ticket: Ticket }) {
  if (ticket.queuedAt === null) return null;
  return (
    <span data-testid="ticket-queued" title={`waiting for capacity since ${ticket.queuedAt}`}>
      <StatusBadge tone="warn">queued</StatusBadge>
    </span>
  );
}

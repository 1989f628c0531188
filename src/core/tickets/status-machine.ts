// Zendesk's ticket statuses as a state machine: which moves are allowed, and what a move records
// (resolved time on solved, a reopen on solved → open, and whether that reopen followed an escalation).
import type { Ticket, TicketStatus } from './ticket';

const ALLOWED: Record<TicketStatus, ReadonlyArray<TicketStatus>> = {
  new: ['open', 'pending', 'on_hold', 'solved', 'closed'],
  open: ['pending', 'on_hold', 'solved', 'closed'],
  pending: ['open', 'on_hold', 'solved', 'closed'],
  on_hold: ['open', 'pending', 'solved', 'closed'],
  solved: ['open', 'closed'],
  // Closed is final, as in Zendesk: a follow-up is a new ticket.
  closed: [],
};

/** null when allowed, else why not. */
export function transitionProblem(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return `the ticket is already ${to}`;
  if (!ALLOWED[from].includes(to)) return `a ${from} ticket cannot become ${to}${ALLOWED[from].length ? ` (allowed: ${ALLOWED[from].join(', ')})` : ''}`;
  return null;
}

export function isOpenStatus(s: TicketStatus): boolean {
  return s !== 'solved' && s !== 'closed';
}

export interface StatusEffects {
  patch: Partial<Pick<Ticket, 'status' | 'resolvedAt' | 'reopenCount' | 'reopenedAfterEscalation'>>;
  reopened: boolean;
  /** the move ends the agent's work on it, freeing capacity */
  freesCapacity: boolean;
}

export function statusEffects(before: Ticket, to: TicketStatus, atIso: string): StatusEffects {
  const patch: StatusEffects['patch'] = { status: to };
  const reopened = before.status === 'solved' && to === 'open';
  if (to === 'solved') patch.resolvedAt = atIso;
  if (to === 'closed' && !before.resolvedAt) patch.resolvedAt = atIso;
  if (reopened) {
    patch.reopenCount = before.reopenCount + 1;
    patch.resolvedAt = null;
    if (before.escalationCount > 0) patch.reopenedAfterEscalation = true;
  }
  return { patch, reopened, freesCapacity: isOpenStatus(before.status) && !isOpenStatus(to) };
}

const TIER_UP = { L1: 'L2', L2: 'L3', L3: 'L3' } as const;
export function nextTier(tier: Ticket['tier']): Ticket['tier'] {
  return TIER_UP[tier];
}

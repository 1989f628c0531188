// The Smart Router inside one transaction: decides with the pure core over the agents as they are in
// this transaction, records every decision (routing_decisions + routing.decided), assigns or queues,
// drains the queue in queue order (SKIP LOCKED) and re-routes an absent agent's tickets.
import { routeToOptimalAgent } from '../core/routing/route-to-optimal-agent';
import type { RoutableAgent, RoutableTicket, RoutingDecision } from '../core/routing/types';
import type { Ticket } from '../core/tickets/ticket';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { insertRoutingDecision } from '../store/routing-decisions-repo';
import { listSupportAgents, touchSupportAgent } from '../store/support-agent-repo';
import { claimQueuedTickets, openTicketsOf, patchTicket } from '../store/ticket-repo';
import type { RouterSettings } from './escalation-mode';
import type { TicketChange } from './ticket-observers';

/** Serializes routing transactions so two decisions never both take an agent's last free slot. */
const ROUTING_LOCK_KEY = 7_100_421_006;

export function routableTicket(t: Ticket): RoutableTicket {
  return {
    id: t.id,
    priority: t.priority,
    tier: t.tier,
    requiredSkills: t.requiredSkills,
    slaDeadline: t.slaDueAt ? Date.parse(t.slaDueAt) : null,
    createdAt: Date.parse(t.createdAt),
  };
}

export class RouterTx {
  readonly events: NewEvent[] = [];
  readonly changes: TicketChange[] = [];
  private agents: RoutableAgent[] | undefined;
  private locked = false;

  constructor(
    readonly tx: Queryable,
    readonly now: Date,
    readonly actor: string,
    public settings: RouterSettings,
  ) {}

  /** Settings changed inside this transaction (the escalation mode switch). */
  useSettings(settings: RouterSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  private async lock(): Promise<void> {
    if (this.locked) return;
    await this.tx.query('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK_KEY]);
    this.locked = true;
  }

  /** The agents with their loads as this transaction sees them, read once and kept current by our own moves. */
  private async roster(): Promise<RoutableAgent[]> {
    await this.lock();
    if (!this.agents) {
      const records = await listSupportAgents(this.tx);
      this.agents = records.map((a) => ({
        id: a.id,
        tier: a.tier,
        skills: a.skills,
        maxConcurrent: a.maxConcurrent,
        status: a.status,
        schedule: a.schedule,
        load: a.load,
        lastAssignedAt: a.lastAssignedAt ? Date.parse(a.lastAssignedAt) : null,
        lastActiveAt: a.lastActiveAt ? Date.parse(a.lastActiveAt) : null,
      }));
    }
    return this.agents;
  }

  /** Forget the roster (an agent changed in this transaction); it is read again on the next decision. */
  invalidate(): void {
    this.agents = undefined;
  }

  record(change: Omit<TicketChange, 'at' | 'actor' | 'publicAgentReply'> & { publicAgentReply?: boolean }): void {
    this.changes.push({ ...change, at: this.now, actor: this.actor, publicAgentReply: change.publicAgentReply ?? false });
  }

  async decide(ticket: Ticket): Promise<RoutingDecision> {
    const agents = (await this.roster()).filter((a) => a.tier === ticket.tier);
    return routeToOptimalAgent(routableTicket(ticket), agents, { strategy: this.settings.strategy, at: this.now.getTime(), defaultMaxConcurrent: this.settings.defaultMaxConcurrent });
  }

  /**
   * Routes a ticket: records the decision, then (in production) assigns the chosen agent or queues the ticket.
   * `onlyIfChosen` skips recording when nobody qualifies (queue drains retry often; only successes are news).
   */
  async route(ticket: Ticket, why: string, onlyIfChosen = false): Promise<Ticket> {
    if (this.settings.mode === 'off') return ticket;
    const decision = await this.decide(ticket);
    if (onlyIfChosen && !decision.chosenAgentId) return ticket;
    const mode = this.settings.mode === 'shadow' ? 'shadow' : 'production';
    const stored = await insertRoutingDecision(this.tx, { ticketId: ticket.id, strategy: decision.strategy, mode, candidates: decision.candidates, chosenAgentId: decision.chosenAgentId, reason: decision.reason }, this.now);
    this.events.push({
      topic: 'routing.decided',
      key: ticket.id,
      payload: { decisionId: stored.id, ticketId: ticket.id, strategy: decision.strategy, mode, candidates: decision.candidates, chosen: decision.chosenAgentId, reason: decision.reason, trigger: why },
    });
    if (mode === 'shadow') return ticket;
    if (decision.chosenAgentId) return this.assignTo(ticket, decision.chosenAgentId, `${why}: ${decision.reason}`);
    const queued = await patchTicket(this.tx, ticket.id, { assigneeId: null, queuedAt: ticket.queuedAt ?? this.now.toISOString() }, this.now);
    this.moveLoad(ticket.assigneeId, null);
    this.events.push({ topic: 'ticket.queued', key: ticket.id, payload: { ticketId: ticket.id, priority: ticket.priority, tier: ticket.tier, reason: decision.reason } });
    if (ticket.assigneeId) this.record({ kind: 'assigned', before: ticket, after: queued });
    return queued;
  }

  /** Puts a ticket on an agent (router's choice or a person's), opening a new ticket. */
  async assignTo(ticket: Ticket, agentId: string | null, reason: string): Promise<Ticket> {
    const after = await patchTicket(this.tx, ticket.id, { assigneeId: agentId, queuedAt: null, ...(agentId && ticket.status === 'new' ? { status: 'open' as const } : {}) }, this.now);
    if (agentId) await touchSupportAgent(this.tx, agentId, this.now, true);
    this.moveLoad(ticket.assigneeId, agentId);
    this.events.push({ topic: 'ticket.assigned', key: ticket.id, payload: { ticketId: ticket.id, agentId, previousAgentId: ticket.assigneeId, reason } });
    this.record({ kind: 'assigned', before: ticket, after });
    return after;
  }

  private moveLoad(from: string | null, to: string | null): void {
    if (!this.agents || from === to) return;
    for (const a of this.agents) {
      if (a.id === from) a.load = Math.max(0, a.load - 1);
      if (a.id === to) {
        a.load += 1;
        a.lastAssignedAt = this.now.getTime();
      }
    }
  }

  /** Routes waiting tickets in queue order while some agent has room; returns how many were assigned. */
  async drain(limit = 200): Promise<number> {
    if (this.settings.mode !== 'production') return 0;
    const roster = await this.roster();
    const hasRoom = () => roster.some((a) => a.status === 'online' && a.load < (a.maxConcurrent ?? this.settings.defaultMaxConcurrent));
    if (!hasRoom()) return 0;
    let assigned = 0;
    for (const t of await claimQueuedTickets(this.tx, limit)) {
      const after = await this.route(t, 'capacity freed', true);
      if (after.assigneeId) assigned++;
      if (!hasRoom()) break;
    }
    return assigned;
  }

  /** Re-routes every open ticket of an agent who went offline, away or idle. */
  async rerouteAgentTickets(agentId: string, why: string): Promise<number> {
    if (this.settings.mode === 'off') return 0;
    this.invalidate();
    const tickets = await openTicketsOf(this.tx, agentId);
    for (const t of tickets) await this.route(t, why);
    return tickets.length;
  }
}

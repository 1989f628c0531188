// Tickets: create (routed at once), update, status moves, comments, manual assignment, escalation and
// re-routing, each one change with audit, events and the ticket observers in the same transaction.
import { z } from 'zod';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import { nextTier, statusEffects, transitionProblem, isOpenStatus } from '../core/tickets/status-machine';
import {
  assignInput,
  changeStatusInput,
  commentInput,
  createTicketInput,
  updateTicketInput,
  type Ticket,
  type TicketComment,
  type TicketSource,
} from '../core/tickets/ticket';
import type { Tier } from '../core/routing/types';
import type { Db, Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { listRoutingDecisions, type RoutingDecisionRecord } from '../store/routing-decisions-repo';
import { findSupportAgent, findSupportAgentByIdOrEmail, touchSupportAgent } from '../store/support-agent-repo';
import { insertComment, listComments } from '../store/ticket-comments-repo';
import { findTicket, findTicketByExternalId, insertTicket, listQueue, listTickets, patchTicket, type TicketQuery } from '../store/ticket-repo';
import { commitChange } from './change';
import type { Clock } from './clock';
import { readRouterSettings } from './escalation-mode';
import { RouterTx } from './router-tx';
import { notifyTicketObservers, type TicketObserver } from './ticket-observers';

function invalid(what: string, issues: ReadonlyArray<z.core.$ZodIssue>): AppError {
  return new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(issues));
}

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(what, r.error.issues);
  return r.data;
}

export interface TicketDetail {
  ticket: Ticket;
  comments: TicketComment[];
  routing: RoutingDecisionRecord[];
}

interface Outcome<T> {
  result: T;
  summary: string;
  action: string;
  target: string;
  events?: NewEvent[];
}

export class TicketService {
  private readonly observers: TicketObserver[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: () => void = () => undefined,
  ) {}

  addObserver(o: TicketObserver): void {
    this.observers.push(o);
  }

  /** One change: the router of this transaction, then audit, own events, router events and observer events together. */
  async run<T>(actor: string, work: (r: RouterTx) => Promise<Outcome<T>>): Promise<T> {
    const committed = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const router = new RouterTx(tx, now, actor, await readRouterSettings(tx));
        const out = await work(router);
        const observed = await notifyTicketObservers(this.observers, tx, router.changes);
        return {
          result: out.result,
          audit: { actor, action: out.action, target: out.target, summary: out.summary },
          events: [...(out.events ?? []), ...router.events, ...observed],
        };
      },
      this.onEvents,
    );
    return committed.result;
  }

  private async lockTicket(tx: Queryable, id: string): Promise<Ticket> {
    const t = await findTicket(tx, id, true);
    if (!t) throw new AppError('OW_NOT_FOUND', `No ticket with id ${id}`);
    return t;
  }

  async create(input: unknown, actor: string, source: TicketSource = 'api'): Promise<Ticket> {
    const data = parse(createTicketInput, input, 'ticket');
    return this.run(actor, async (r) => {
      const created = await insertTicket(r.tx, { ...data, source }, r.now);
      r.record({ kind: 'created', before: null, after: created });
      const routed = await r.route(created, 'new ticket');
      return {
        result: routed,
        action: 'ticket.create',
        target: created.id,
        summary: `created ${created.priority} ticket "${created.subject}"`,
        events: [{ topic: 'ticket.created', key: created.id, payload: { ticketId: created.id, source, priority: created.priority, tier: created.tier, subject: created.subject } }],
      };
    });
  }

  /**
   * Intake: the same external id twice updates the ticket it created (fields and, when it moved, status),
   * never a duplicate. Returns whether it was created.
   */
  async upsertExternal(source: TicketSource, input: unknown, status: Ticket['status'] | null, actor: string): Promise<{ ticket: Ticket; created: boolean }> {
    const data = parse(createTicketInput, input, 'ticket');
    if (!data.externalId) throw new AppError('OW_VALIDATION', 'An external ticket needs its id', [{ pointer: '/externalId', message: 'Required' }]);
    const externalId = data.externalId;
    return this.run<{ ticket: Ticket; created: boolean }>(actor, async (r) => {
      const existing = await findTicketByExternalId(r.tx, source, externalId);
      if (!existing) {
        const created = await insertTicket(r.tx, { ...data, source }, r.now);
        r.record({ kind: 'created', before: null, after: created });
        const routed = await r.route(created, `new ${source} ticket`);
        return {
          result: { ticket: routed, created: true },
          action: 'ticket.intake',
          target: created.id,
          summary: `${source} ticket ${externalId} received`,
          events: [{ topic: 'ticket.created', key: created.id, payload: { ticketId: created.id, source, externalId, priority: created.priority, tier: created.tier, subject: created.subject } }],
        };
      }
      let after = await patchTicket(r.tx, existing.id, { subject: data.subject, description: data.description, requester: data.requester, priority: data.priority }, r.now);
      r.record({ kind: 'updated', before: existing, after });
      const events: NewEvent[] = [{ topic: 'ticket.updated', key: existing.id, payload: { ticketId: existing.id, source, externalId, fields: ['subject', 'description', 'requester', 'priority'] } }];
      if (status && status !== existing.status && transitionProblem(existing.status, status) === null) after = await this.applyStatus(r, after, status, events);
      return { result: { ticket: after, created: false }, action: 'ticket.intake', target: existing.id, summary: `${source} ticket ${externalId} updated`, events };
    });
  }

  async update(id: string, input: unknown, actor: string): Promise<Ticket> {
    const data = parse(updateTicketInput, input, 'ticket update');
    return this.run(actor, async (r) => {
      const before = await this.lockTicket(r.tx, id);
      const after = await patchTicket(r.tx, id, data, r.now);
      r.record({ kind: 'updated', before, after });
      // A ticket waiting in the queue may now fit an agent (different skills); a priority change reorders the queue.
      const routed = before.queuedAt && data.requiredSkills ? await r.route(after, 'ticket updated', true) : after;
      return { result: routed, action: 'ticket.update', target: id, summary: `updated ${Object.keys(data).join(', ')}`, events: [{ topic: 'ticket.updated', key: id, payload: { ticketId: id, fields: Object.keys(data) } }] };
    });
  }

  private async applyStatus(r: RouterTx, before: Ticket, to: Ticket['status'], events: NewEvent[]): Promise<Ticket> {
    const fx = statusEffects(before, to, r.now.toISOString());
    // A finished ticket leaves the queue.
    const after = await patchTicket(r.tx, before.id, { ...fx.patch, ...(isOpenStatus(to) ? {} : { queuedAt: null }) }, r.now);
    r.record({ kind: 'status_changed', before, after });
    events.push({ topic: 'ticket.status_changed', key: before.id, payload: { ticketId: before.id, from: before.status, to } });
    if (fx.reopened) events.push({ topic: 'ticket.reopened', key: before.id, payload: { ticketId: before.id, reopenCount: after.reopenCount, afterEscalation: after.reopenedAfterEscalation } });
    if (fx.freesCapacity && before.assigneeId) {
      r.invalidate();
      await r.drain();
    }
    return after;
  }

  async changeStatus(id: string, input: unknown, actor: string): Promise<Ticket> {
    const { status } = parse(changeStatusInput, input, 'status change');
    return this.run(actor, async (r) => {
      const before = await this.lockTicket(r.tx, id);
      const problem = transitionProblem(before.status, status);
      if (problem) throw new AppError('OW_CONFLICT', `Ticket ${id}: ${problem}`, [{ pointer: '/status', message: problem }]);
      const events: NewEvent[] = [];
      const after = await this.applyStatus(r, before, status, events);
      return { result: after, action: 'ticket.status', target: id, summary: `${before.status} → ${status}`, events };
    });
  }

  async comment(id: string, input: unknown, actor: string): Promise<{ ticket: Ticket; comment: TicketComment }> {
    const data = parse(commentInput, input, 'comment');
    const author = data.author ?? actor;
    return this.run(actor, async (r) => {
      const before = await this.lockTicket(r.tx, id);
      const agent = await findSupportAgentByIdOrEmail(r.tx, author);
      const comment = await insertComment(r.tx, { ticketId: id, author, public: data.public, body: data.body }, r.now);
      const publicAgentReply = data.public && agent !== undefined;
      if (agent) await touchSupportAgent(r.tx, agent.id, r.now, false);
      const after = publicAgentReply && !before.firstResponseAt ? await patchTicket(r.tx, id, { firstResponseAt: r.now.toISOString() }, r.now) : await patchTicket(r.tx, id, {}, r.now);
      r.record({ kind: 'commented', before, after, publicAgentReply });
      return {
        result: { ticket: after, comment },
        action: 'ticket.comment',
        target: id,
        summary: `${data.public ? 'public' : 'internal'} comment by ${author}`,
        events: [{ topic: 'ticket.commented', key: id, payload: { ticketId: id, seq: comment.seq, author, public: data.public, agentReply: publicAgentReply, firstResponse: after.firstResponseAt !== before.firstResponseAt } }],
      };
    });
  }

  async assign(id: string, input: unknown, actor: string): Promise<Ticket> {
    const data = parse(assignInput, input, 'assignment');
    return this.run(actor, async (r) => {
      const before = await this.lockTicket(r.tx, id);
      if (!isOpenStatus(before.status)) throw new AppError('OW_CONFLICT', `Ticket ${id} is ${before.status}; reopen it before assigning`);
      if (data.agentId && !(await findSupportAgent(r.tx, data.agentId))) throw new AppError('OW_NOT_FOUND', `No support agent with id ${data.agentId}`, [{ pointer: '/agentId', message: 'unknown support agent' }]);
      const after = await r.assignTo(before, data.agentId, data.reason ?? `assigned by ${actor}`);
      if (before.assigneeId && before.assigneeId !== data.agentId) {
        r.invalidate();
        await r.drain();
      }
      return { result: after, action: 'ticket.assign', target: id, summary: data.agentId ? `assigned to ${data.agentId}` : 'unassigned' };
    });
  }

  /** One tier up (L3 stays L3 and says so) and re-routed among the new tier's agents; used by the SLA monitor at breach. */
  async escalate(ticketId: string, opts: { reason: string; actor: string; toTier?: Tier }): Promise<Ticket> {
    return this.run(opts.actor, async (r) => this.escalateIn(r, ticketId, opts));
  }

  /** The same escalation inside a caller's router transaction (for callers already in a change). */
  async escalateIn(r: RouterTx, ticketId: string, opts: { reason: string; toTier?: Tier }): Promise<Outcome<Ticket>> {
    const before = await this.lockTicket(r.tx, ticketId);
    if (!isOpenStatus(before.status)) throw new AppError('OW_CONFLICT', `Ticket ${ticketId} is ${before.status}; only open tickets escalate`);
    const toTier = opts.toTier ?? nextTier(before.tier);
    const atTop = before.tier === 'L3' && toTier === 'L3';
    let after = await patchTicket(r.tx, ticketId, { tier: toTier, escalationCount: before.escalationCount + 1 }, r.now);
    r.record({ kind: 'escalated', before, after });
    const events: NewEvent[] = [{ topic: 'ticket.escalated', key: ticketId, payload: { ticketId, fromTier: before.tier, toTier, reason: opts.reason, escalationCount: after.escalationCount, atTop } }];
    if (!atTop) {
      after = await r.route(after, `escalated to ${toTier}`);
      if (before.assigneeId && after.assigneeId !== before.assigneeId) {
        r.invalidate();
        await r.drain();
      }
    }
    return { result: after, action: 'ticket.escalate', target: ticketId, summary: atTop ? `already at L3: ${opts.reason}` : `${before.tier} → ${toTier}: ${opts.reason}`, events };
  }

  async reroute(ticketId: string, opts: { reason: string; actor: string }): Promise<Ticket> {
    return this.run(opts.actor, async (r) => {
      const before = await this.lockTicket(r.tx, ticketId);
      if (!isOpenStatus(before.status)) throw new AppError('OW_CONFLICT', `Ticket ${ticketId} is ${before.status}; only open tickets are routed`);
      const after = await r.route(before, `re-route: ${opts.reason}`);
      return { result: after, action: 'ticket.reroute', target: ticketId, summary: opts.reason };
    });
  }

  async get(id: string): Promise<Ticket> {
    const t = await findTicket(this.db, id);
    if (!t) throw new AppError('OW_NOT_FOUND', `No ticket with id ${id}`);
    return t;
  }

  async detail(id: string): Promise<TicketDetail> {
    const ticket = await this.get(id);
    const [comments, routing] = await Promise.all([listComments(this.db, id), listRoutingDecisions(this.db, id)]);
    return { ticket, comments, routing };
  }

  list(q: TicketQuery): Promise<Ticket[]> {
    return listTickets(this.db, q);
  }

  queue(limit = 100): Promise<Ticket[]> {
    return listQueue(this.db, limit);
  }
}

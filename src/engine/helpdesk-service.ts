// The technical help desk: one search over clients, journeys, tickets and agents; a client view
// (journeys, failures, SLA state, recent events); the Issue Detective over a subject; and a
// ticket in the escalation runtime created from one of its findings.
import { z } from 'zod';
import { investigate } from '../core/helpdesk/detective-rules';
import { FINDING_KINDS, priorityOfSeverity, SUBJECT_KINDS, type Finding } from '../core/helpdesk/finding';
import { rankResults, type SearchCandidate, type SearchResult } from '../core/helpdesk/search-rank';
import { AppError } from '../core/shared/error-codes';
import type { Ticket } from '../core/tickets/ticket';
import { listAgents } from '../store/agent-repo';
import { readEvents, type StoredEvent } from '../store/events-repo';
import { getJourney, listJourneys, type StoredJourney } from '../store/journey-states-repo';
import { listSupportAgents } from '../store/support-agent-repo';
import { findTicket, listTickets } from '../store/ticket-repo';
import { ticketClocks } from '../store/sla-clocks-repo';
import { tasksOfJourney, type TaskRecord } from '../store/task-repo';
import type { Db } from '../store/db';
import type { Clock } from './clock';
import { gatherFacts, type Subject } from './detective-facts';
import { journeyEvents } from './journey-apply';
import { clockViews, type ClockView } from './sla-views';
import type { TicketService } from './ticket-service';

/** How many rows of each kind a search reads before ranking (the help desk searches recent work). */
const SCAN_LIMIT = 1_000;

export const subjectSchema = z.strictObject({ kind: z.enum(SUBJECT_KINDS), id: z.string().trim().min(1).max(200) });

export const findingTicketInput = z.strictObject({
  subject: subjectSchema,
  /** The finding to turn into a ticket: its kind, and what it is about when several share the kind. */
  findingKind: z.enum(FINDING_KINDS),
  aboutId: z.string().min(1).max(200).optional(),
  /** Where the portal lives, so the ticket's playbook link opens; defaults to a relative link. */
  baseUrl: z.url().optional(),
});
export type FindingTicketInput = z.infer<typeof findingTicketInput>;

/** A client's name, when a journey's metadata carries one (clientName or name). */
function clientNameOf(j: StoredJourney): string | null {
  const m = j.metadata;
  const n = typeof m.clientName === 'string' ? m.clientName : typeof m.client === 'string' ? m.client : null;
  return n && n.trim() !== '' ? n : null;
}

export interface ClientView {
  clientId: string;
  name: string | null;
  journeys: Array<Pick<StoredJourney, 'journeyId' | 'definitionId' | 'currentStage' | 'status' | 'startedAt' | 'stageStartedAt' | 'completedStages'>>;
  failures: Array<Pick<TaskRecord, 'id' | 'journeyId' | 'name' | 'handler' | 'lastError' | 'totalAttempts' | 'deadLetteredAt' | 'finishedAt'>>;
  tickets: Array<Pick<Ticket, 'id' | 'subject' | 'status' | 'priority' | 'createdAt'> & { sla: 'breached' | 'at_risk' | 'on_track' | 'met' | 'none'; clocks: ClockView[] }>;
  events: StoredEvent[];
  findingCount: number;
}

function slaState(clocks: readonly ClockView[]): ClientView['tickets'][number]['sla'] {
  if (clocks.length === 0) return 'none';
  if (clocks.some((c) => c.status === 'breached')) return 'breached';
  if (clocks.some((c) => c.status !== 'met' && (c.warnedAt !== null || c.fraction >= c.warningFraction))) return 'at_risk';
  if (clocks.every((c) => c.status === 'met')) return 'met';
  return 'on_track';
}

export class HelpdeskService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tickets: TicketService,
  ) {}

  async search(q: string, limit = 50): Promise<SearchResult[]> {
    const [journeys, tickets, supportAgents, agents, exactJourney, exactTicket] = await Promise.all([
      listJourneys(this.db, { limit: SCAN_LIMIT, offset: 0 }),
      listTickets(this.db, { limit: SCAN_LIMIT }),
      listSupportAgents(this.db),
      listAgents(this.db),
      getJourney(this.db, q.trim()),
      findTicket(this.db, q.trim()),
    ]);
    const c: SearchCandidate[] = [];
    const clients = new Map<string, string | null>();
    for (const j of [...(exactJourney ? [exactJourney] : []), ...journeys.items]) {
      const name = clientNameOf(j);
      if (!clients.get(j.clientId)) clients.set(j.clientId, name);
      c.push({ type: 'journey', id: j.journeyId, name: `${j.definitionId} for ${name ?? j.clientId}`, extra: [j.clientId, ...(name ? [name] : [])], detail: `${j.status} · stage ${j.currentStage}`, link: `/journeys/${encodeURIComponent(j.journeyId)}` });
    }
    for (const t of [...(exactTicket ? [exactTicket] : []), ...tickets]) {
      if (t.clientId && !clients.has(t.clientId)) clients.set(t.clientId, null);
      c.push({ type: 'ticket', id: t.id, name: t.subject, extra: t.clientId ? [t.clientId] : [], detail: `${t.status} · ${t.priority}${t.clientId ? ` · client ${t.clientId}` : ''}`, link: `/help-desk/detective?kind=ticket&id=${encodeURIComponent(t.id)}` });
    }
    for (const [id, name] of clients) c.unshift({ type: 'client', id, name: name ?? id, detail: 'client', link: `/help-desk/client?client=${encodeURIComponent(id)}` });
    for (const a of supportAgents) c.push({ type: 'support_agent', id: a.id, name: a.name, extra: a.email ? [a.email] : [], detail: `support agent · ${a.tier} · ${a.status}`, link: `/api/support-agents/${encodeURIComponent(a.id)}` });
    for (const a of agents) c.push({ type: 'agent', id: a.name, name: a.name, extra: [a.description], detail: `task agent${a.description ? ` · ${a.description}` : ''}`, link: `/operations/agents?agent=${encodeURIComponent(a.name)}` });
    return rankResults(q, c, limit);
  }

  async client(clientId: string): Promise<ClientView> {
    const now = this.clock.now();
    const [{ items }, tickets] = await Promise.all([listJourneys(this.db, { clientId, limit: 200, offset: 0 }), listTickets(this.db, { clientId, limit: 200 })]);
    if (items.length === 0 && tickets.length === 0) throw new AppError('OW_NOT_FOUND', `No client with id ${clientId} (no journey and no ticket names it)`);
    const failures: ClientView['failures'] = [];
    const events: StoredEvent[] = [];
    for (const j of items) {
      const [tasks, evs] = await Promise.all([tasksOfJourney(this.db, j.journeyId), journeyEvents(this.db, j.journeyId)]);
      for (const t of tasks) if (t.status === 'failed') failures.push({ id: t.id, journeyId: t.journeyId, name: t.name, handler: t.handler, lastError: t.lastError, totalAttempts: t.totalAttempts, deadLetteredAt: t.deadLetteredAt, finishedAt: t.finishedAt });
      events.push(...evs.slice(-50));
    }
    const ticketViews: ClientView['tickets'] = [];
    for (const t of tickets) {
      const clocks = await clockViews(this.db, await ticketClocks(this.db, t.id), now.getTime());
      ticketViews.push({ id: t.id, subject: t.subject, status: t.status, priority: t.priority, createdAt: t.createdAt, sla: slaState(clocks), clocks });
      events.push(...(await readEvents(this.db, { key: t.id, limit: 50 })));
    }
    const findings = await this.detective({ kind: 'client', id: clientId });
    return {
      clientId,
      name: items.map(clientNameOf).find((n) => n !== null) ?? null,
      journeys: items.map((j) => ({ journeyId: j.journeyId, definitionId: j.definitionId, currentStage: j.currentStage, status: j.status, startedAt: j.startedAt, stageStartedAt: j.stageStartedAt, completedStages: j.completedStages })),
      failures,
      tickets: ticketViews,
      events: events.sort((a, b) => b.id - a.id).slice(0, 50),
      findingCount: findings.length,
    };
  }

  async detective(subject: Subject): Promise<Finding[]> {
    const { input } = await gatherFacts(this.db, subject, this.clock.now());
    return investigate(input);
  }

  /** Creates a ticket from a finding found now on the subject; the finding must still be there. */
  async ticketFromFinding(raw: FindingTicketInput, actor: string): Promise<{ ticket: Ticket; finding: Finding }> {
    const { input, clientId } = await gatherFacts(this.db, raw.subject, this.clock.now());
    const finding = investigate(input).find((f) => f.kind === raw.findingKind && (raw.aboutId === undefined || f.about.id === raw.aboutId));
    if (!finding) throw new AppError('OW_NOT_FOUND', `No ${raw.findingKind} finding${raw.aboutId ? ` about ${raw.aboutId}` : ''} for ${raw.subject.kind} ${raw.subject.id} now`);
    const base = raw.baseUrl ? raw.baseUrl.replace(/\/$/, '') : '';
    const description = [
      finding.explanation,
      '',
      'Evidence:',
      ...finding.evidence.slice(0, 50).map((e) => `- ${e.type} ${e.id}: ${e.shows}`),
      '',
      `Playbook: ${base}/help-desk/playbooks/${finding.playbookId}`,
      `Found by the Issue Detective on ${raw.subject.kind} ${raw.subject.id}.`,
    ].join('\n');
    const ticket = await this.tickets.create(
      { subject: finding.title.slice(0, 300), description, requester: actor, clientId: finding.clientId ?? clientId, priority: priorityOfSeverity(finding.severity) },
      actor,
    );
    return { ticket, finding };
  }
}

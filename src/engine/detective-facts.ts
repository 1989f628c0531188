// Gathers what the Issue Detective reads about one subject — a journey, a task, a client or a
// ticket — from the store: its events, tasks, gate validations, rollbacks, tickets with SLA clocks.
import type { DetectiveInput, DetectiveJourney, DetectiveTask, DetectiveTicket } from '../core/helpdesk/detective-input';
import type { SubjectKind } from '../core/helpdesk/finding';
import { AppError } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import { readEvents, type StoredEvent } from '../store/events-repo';
import { listRollbacks, listValidations } from '../store/journey-records-repo';
import { getJourney, listJourneys, type StoredJourney } from '../store/journey-states-repo';
import { ticketClocks } from '../store/sla-clocks-repo';
import { getTask, tasksOfJourney, type TaskRecord } from '../store/task-repo';
import { findTicket, listTickets } from '../store/ticket-repo';
import type { Ticket } from '../core/tickets/ticket';
import { journeyEvents } from './journey-apply';
import { clockViews } from './sla-views';

/** How far back a client's investigation reads per journey (the most recent events). */
const EVENTS_PER_JOURNEY = 2_000;

const toTask = (t: TaskRecord): DetectiveTask => ({ id: t.id, journeyId: t.journeyId, name: t.name, handler: t.handler, status: t.status, totalAttempts: t.totalAttempts, lastError: t.lastError, deadLetteredAt: t.deadLetteredAt });
const toJourney = (j: StoredJourney): DetectiveJourney => ({ journeyId: j.journeyId, clientId: j.clientId, status: j.status, currentStage: j.currentStage, stageStartedAt: j.stageStartedAt });

async function ticketFacts(db: Db, tickets: readonly Ticket[], now: Date): Promise<DetectiveTicket[]> {
  const out: DetectiveTicket[] = [];
  for (const t of tickets) {
    const clocks = await clockViews(db, await ticketClocks(db, t.id), now.getTime());
    out.push({ id: t.id, subject: t.subject, clientId: t.clientId, status: t.status, clocks: clocks.map((c) => ({ metric: c.metric, status: c.status, fraction: c.fraction, warningFraction: c.warningFraction, breachedAt: c.breachedAt, warnedAt: c.warnedAt })) });
  }
  return out;
}

async function journeyFacts(db: Db, journeys: readonly StoredJourney[]): Promise<Omit<DetectiveInput, 'now' | 'tickets'>> {
  const facts: Omit<DetectiveInput, 'now' | 'tickets'> = { events: [], tasks: [], validations: [], rollbacks: [], journeys: journeys.map(toJourney) };
  for (const j of journeys) {
    const [events, tasks, validations, rollbacks] = await Promise.all([journeyEvents(db, j.journeyId), tasksOfJourney(db, j.journeyId), listValidations(db, j.journeyId), listRollbacks(db, j.journeyId)]);
    facts.events.push(...events.slice(-EVENTS_PER_JOURNEY));
    facts.tasks.push(...tasks.map(toTask));
    facts.validations.push(...validations.map((v) => ({ ...v, journeyId: j.journeyId })));
    facts.rollbacks.push(...rollbacks.map((r) => ({ id: r.id, journeyId: j.journeyId, fromStage: r.fromStage, target: r.target, reason: r.reason, automatic: r.automatic, startedAt: r.startedAt })));
  }
  facts.events.sort((a, b) => a.id - b.id);
  return facts;
}

/** Events about one task: keyed by its journey (or itself when it has none), carrying its id. */
async function taskEvents(db: Db, t: TaskRecord): Promise<StoredEvent[]> {
  const key = t.journeyId ?? t.id;
  const all = t.journeyId ? await journeyEvents(db, key) : await readEvents(db, { key, limit: 5_000 });
  return all.filter((e) => e.payload.taskId === t.id);
}

export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** The facts about a subject; an unknown subject is a 404 naming it. */
export async function gatherFacts(db: Db, subject: Subject, now: Date): Promise<{ input: DetectiveInput; clientId: string | null }> {
  const at = now.toISOString();
  const missing = () => new AppError('OW_NOT_FOUND', `No ${subject.kind} with id ${subject.id}`);
  switch (subject.kind) {
    case 'journey': {
      const j = await getJourney(db, subject.id);
      if (!j) throw missing();
      return { input: { now: at, tickets: [], ...(await journeyFacts(db, [j])) }, clientId: j.clientId };
    }
    case 'task': {
      const t = await getTask(db, subject.id);
      if (!t) throw missing();
      const j = t.journeyId ? await getJourney(db, t.journeyId) : undefined;
      // The task's own history only: its journey's gates and other tasks are another investigation.
      return {
        input: { now: at, tickets: [], validations: [], rollbacks: [], events: await taskEvents(db, t), tasks: [toTask(t)], journeys: j ? [toJourney(j)] : [] },
        clientId: j?.clientId ?? null,
      };
    }
    case 'client': {
      const [{ items }, tickets] = await Promise.all([listJourneys(db, { clientId: subject.id, limit: 200, offset: 0 }), listTickets(db, { clientId: subject.id, limit: 200 })]);
      if (items.length === 0 && tickets.length === 0) throw new AppError('OW_NOT_FOUND', `No client with id ${subject.id} (no journey and no ticket names it)`);
      return { input: { now: at, tickets: await ticketFacts(db, tickets, now), ...(await journeyFacts(db, items)) }, clientId: subject.id };
    }
    case 'ticket': {
      const t = await findTicket(db, subject.id);
      if (!t) throw missing();
      return { input: { now: at, events: [], tasks: [], validations: [], rollbacks: [], journeys: [], tickets: await ticketFacts(db, [t], now) }, clientId: t.clientId };
    }
  }
}

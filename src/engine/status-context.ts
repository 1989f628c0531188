// Context observability (story 5.1.7): the events, alerts and metrics of one agent, journey,
// client or queue. SQL narrows the event log; the core's eventMatchesContext decides what belongs.
import { alertSeverity, eventMatchesContext, isAlertTopic, type Context, type Severity } from '../core/ops/context-filter';
import { AppError } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import { contextEvents, contextJourneyFigures, contextTaskFigures, type JourneyFigures, type TaskFigures } from '../store/ops-context-repo';
import type { QueueDetail, QueueService } from './queue-service';

export interface ContextAlert extends StoredEvent {
  severity: Severity;
}

export interface ContextMetrics {
  context: Context;
  tasks: TaskFigures;
  journeys: JourneyFigures | null;
  queue: QueueDetail | null;
}

/** A journey must exist; a queue must be known (404 otherwise). Agents and clients may simply have no activity yet. */
export async function assertContextExists(db: Db, queues: QueueService, c: Context): Promise<void> {
  if (c.kind === 'journey') {
    const rows = await db.query('SELECT 1 FROM journey_states WHERE journey_id = $1', [c.id]);
    if (rows.length === 0) throw new AppError('OW_NOT_FOUND', `No journey with id ${c.id}`);
  }
  // Existence only: the queue's figures would cost several reads per context request.
  if (c.kind === 'queue' && !(await queues.exists(c.id))) throw new AppError('OW_NOT_FOUND', `No queue named '${c.id}': it is neither a task handler nor a registered queue`);
}

export async function eventsOf(db: Db, c: Context, limit: number, before?: number): Promise<StoredEvent[]> {
  // Over-read a little: the SQL prefilter may let through events the exact rule then drops.
  const rows = await contextEvents(db, c, limit * 2, before);
  return rows.filter((e) => eventMatchesContext(c, e)).slice(0, limit);
}

export async function alertsOf(db: Db, c: Context, limit: number): Promise<ContextAlert[]> {
  const out: ContextAlert[] = [];
  let before: number | undefined;
  // Alerts are sparse among events: page back through at most a few thousand of the context's events.
  for (let page = 0; page < 5 && out.length < limit; page++) {
    const rows = await contextEvents(db, c, 500, before);
    for (const e of rows) if (isAlertTopic(e.topic) && eventMatchesContext(c, e)) out.push({ ...e, severity: alertSeverity(e.topic) });
    if (rows.length < 500) break;
    before = rows.at(-1)?.id;
  }
  return out.slice(0, limit);
}

export async function metricsOf(db: Db, queues: QueueService, c: Context): Promise<ContextMetrics> {
  const [tasks, journeys, queue] = await Promise.all([
    contextTaskFigures(db, c),
    contextJourneyFigures(db, c),
    c.kind === 'queue' || c.kind === 'agent' ? queues.get(c.id, 60).catch(() => null) : Promise.resolve(null),
  ]);
  return { context: c, tasks, journeys, queue };
}

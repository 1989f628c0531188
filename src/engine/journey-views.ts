// What people and the portal read about journeys: the list (filtered) and one journey in full —
// state, the events it allows, stage timeline, units with their tasks (start and finish instants
// for a Gantt), gate validations, rollbacks, timers, current metrics and recent events.
import { allowedEvents, type JourneyDefinition } from '../core/journey/definition';
import type { StageMetrics } from '../core/journey/metrics-from-events';
import { computeJourneyMetrics, METRIC_TOPICS, type JourneyMetrics, type LoggedEvent } from '../core/journey/success-metrics';
import { AppError } from '../core/shared/error-codes';
import type { Db } from '../store/db';
import { readEvents, type StoredEvent } from '../store/events-repo';
import { listRollbacks, listValidations, listVisits, type StageVisit, type StoredRollback, type StoredValidation } from '../store/journey-records-repo';
import { getJourney, listJourneys, type StoredJourney } from '../store/journey-states-repo';
import { timersOfJourney, type StoredTimer } from '../store/journey-timers-repo';
import { unitsOfJourney, type StoredUnit } from '../store/journey-units-repo';
import { tasksOfJourney, type TaskRecord } from '../store/task-repo';
import type { Clock } from './clock';
import { journeyEvents, stageMetrics } from './journey-apply';
import type { JourneyDefinitions } from './journey-definitions';
import type { JourneyListQuery, JourneyMetricsQuery } from './journey-inputs';
import { eventKind, type EventKind } from './journey-service';

export interface AllowedEvent {
  event: string;
  /** A stage id, or "rollback_target" when the rollback policy decides. */
  to: string;
  kind: EventKind;
  guard: string;
  description: string | null;
}

export interface JourneyDetail {
  journey: StoredJourney & { definitionName: string };
  allowedEvents: AllowedEvent[];
  stages: Array<{ id: string; name: string; kind: string; targetDays: number | null }>;
  stageHistory: StageVisit[];
  units: Array<StoredUnit & { tasks: TaskRecord[] }>;
  validations: StoredValidation[];
  rollbacks: StoredRollback[];
  timers: StoredTimer[];
  metrics: StageMetrics;
  events: StoredEvent[];
}

function allowed(def: JourneyDefinition, stage: string): AllowedEvent[] {
  return allowedEvents(def, stage).map((event) => {
    const t = def.transitions.find((x) => x.from === stage && x.event === event)!;
    return {
      event,
      to: typeof t.to === 'string' ? t.to : 'rollback_target',
      kind: eventKind(def, stage, event) ?? 'forward',
      guard: t.guard,
      description: t.description ?? def.events.find((e) => e.name === event)?.description ?? null,
    };
  });
}

export class JourneyViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly defs: JourneyDefinitions,
  ) {}

  /** Seed 003's success metrics over every journey (of one definition), from the event log. */
  async successMetrics(q: JourneyMetricsQuery): Promise<JourneyMetrics> {
    const events: LoggedEvent[] = [];
    for (let after = 0; ; ) {
      const page = await readEvents(this.db, { after, topicPrefixes: [...METRIC_TOPICS], limit: 5_000 });
      // Prefixes match by LIKE: keep the exact topics only.
      for (const e of page) if ((METRIC_TOPICS as readonly string[]).includes(e.topic)) events.push({ id: e.id, topic: e.topic, payload: e.payload, createdAt: e.createdAt });
      if (page.length < 5_000) break;
      after = page.at(-1)!.id;
    }
    return computeJourneyMetrics(events, q.definition ?? null, q.productionStage);
  }

  async list(q: JourneyListQuery): Promise<{ items: StoredJourney[]; total: number }> {
    return listJourneys(this.db, { stage: q.stage, status: q.status, definitionId: q.definition, clientId: q.client, limit: q.limit, offset: q.offset });
  }

  async detail(journeyId: string, options: { eventLimit?: number } = {}): Promise<JourneyDetail> {
    const journey = await getJourney(this.db, journeyId);
    if (!journey) throw new AppError('OW_NOT_FOUND', `No journey with id ${journeyId}`);
    const { definition: def } = await this.defs.load(this.db, journey.definitionId, journey.definitionVersion);
    const [visits, units, tasks, validations, rollbacks, timers, events] = await Promise.all([
      listVisits(this.db, journeyId),
      unitsOfJourney(this.db, journeyId),
      tasksOfJourney(this.db, journeyId),
      listValidations(this.db, journeyId),
      listRollbacks(this.db, journeyId),
      timersOfJourney(this.db, journeyId),
      journeyEvents(this.db, journeyId),
    ]);
    const byUnit = new Map<string, TaskRecord[]>();
    for (const t of tasks) if (t.unitId) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
    const finished = journey.status === 'completed' || journey.status === 'cancelled';
    return {
      journey: { ...journey, definitionName: def.name },
      allowedEvents: finished ? [] : allowed(def, journey.currentStage),
      stages: def.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind, targetDays: s.targetDays ?? null })),
      stageHistory: visits,
      units: units.map((u) => ({ ...u, tasks: byUnit.get(u.id) ?? [] })),
      validations,
      rollbacks,
      timers,
      metrics: await stageMetrics(this.db, def, journey, this.clock.now()),
      events: events.slice(-(options.eventLimit ?? 200)),
    };
  }
}

// Applying one event to a journey inside a transaction: lock the state, gather the context the
// pure transition reads (units, metrics from the event log), call it, then write the new state,
// the stage timeline and the effects' rows, or record why it was refused.
import { JOURNEY_TOPICS } from '../core/journey/topics';
import type { JourneyDefinition } from '../core/journey/definition';
import type { Rejection } from '../core/journey/effects';
import { metricsFromEvents, type StageMetrics } from '../core/journey/metrics-from-events';
import type { JourneyEventPayload, JourneyState, TransitionContext } from '../core/journey/state';
import { transition } from '../core/journey/transition';
import { AppError } from '../core/shared/error-codes';
import type { Queryable } from '../store/db';
import { readEvents, type NewEvent, type StoredEvent } from '../store/events-repo';
import { closeVisit, insertValidation, openVisit } from '../store/journey-records-repo';
import { lockJourney, updateJourney, type StoredJourney } from '../store/journey-states-repo';
import { unitsOfJourney } from '../store/journey-units-repo';
import { applyEffects } from './journey-effects';
import type { JourneyDefinitions } from './journey-definitions';

export interface JourneyEventInput {
  type: string;
  payload?: Omit<JourneyEventPayload, 'actor' | 'journeyId' | 'clientId'>;
}

export type ApplyOutcome =
  | { accepted: true; before: StoredJourney; state: StoredJourney; events: NewEvent[]; metrics: StageMetrics }
  | { accepted: false; state: StoredJourney; rejection: Rejection; events: NewEvent[]; metrics: StageMetrics };

/** Every event of one journey (they are keyed by its id), oldest first. */
export async function journeyEvents(q: Queryable, journeyId: string): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const batch = await readEvents(q, { after, key: journeyId, limit: 1000 });
    all.push(...batch);
    if (batch.length < 1000) return all;
    after = batch[batch.length - 1]!.id;
  }
}

/** The metrics of the journey's current stage: reported ones merged with those the event log yields. */
export async function stageMetrics(q: Queryable, def: JourneyDefinition, journey: JourneyState, now: Date, extra: readonly NewEvent[] = []): Promise<StageMetrics> {
  const logged = (await journeyEvents(q, journey.journeyId)).map((e) => ({ topic: e.topic, key: e.key, payload: e.payload, createdAt: e.createdAt }));
  // Events of the open transaction are not in the log yet but count already.
  const pending = extra.map((e) => ({ topic: e.topic, key: e.key ?? null, payload: e.payload, createdAt: now.toISOString() }));
  return metricsFromEvents([...logged, ...pending], {
    journeyId: journey.journeyId,
    stage: journey.currentStage,
    since: Date.parse(journey.stageStartedAt),
    until: now.getTime(),
    counters: def.counters,
  });
}

export async function transitionContext(q: Queryable, def: JourneyDefinition, journey: JourneyState, now: Date, extra: readonly NewEvent[] = []): Promise<{ ctx: TransitionContext; metrics: StageMetrics }> {
  const units = (await unitsOfJourney(q, journey.journeyId)).map((u) => ({ id: u.id, stage: u.stage, status: u.status }));
  const metrics = await stageMetrics(q, def, journey, now, extra);
  return { ctx: { now: now.getTime(), metrics: metrics.values, units }, metrics };
}

function plainState(s: StoredJourney): JourneyState {
  const { handlerAliases: _a, createdBy: _c, updatedAt: _u, ...state } = s;
  return state;
}

export interface ApplyOptions {
  actor: string;
  /** Store a refused gate's validation and emit journey.gate.failed (people's requests); automatic attempts do not. */
  recordRejection: boolean;
  /** Events already produced in this transaction (e.g. a metrics report) that the gate must see. */
  pendingEvents?: readonly NewEvent[];
}

export async function applyJourneyEvent(tx: Queryable, defs: JourneyDefinitions, now: Date, journeyId: string, event: JourneyEventInput, opts: ApplyOptions): Promise<ApplyOutcome> {
  const journey = await lockJourney(tx, journeyId);
  if (!journey) throw new AppError('OW_NOT_FOUND', `No journey with id ${journeyId}`);
  const { definition: def } = await defs.load(tx, journey.definitionId, journey.definitionVersion);
  const { ctx, metrics } = await transitionContext(tx, def, journey, now, opts.pendingEvents);
  const result = transition(def, plainState(journey), { type: event.type, payload: { ...(event.payload ?? {}), actor: opts.actor } }, ctx);
  if (!result.ok) {
    const events: NewEvent[] = [];
    const v = result.rejection.validation;
    if (v && opts.recordRejection) {
      const target = def.transitions.find((t) => t.from === journey.currentStage && t.event === event.type)?.to;
      const targetStage = typeof target === 'string' ? target : (journey.rollback?.target.kind === 'stage' ? journey.rollback.target.stage : 'cancel');
      const id = await insertValidation(tx, journeyId, { stage: journey.currentStage, event: event.type, targetStage, passed: false, checks: v.checks, summary: v.summary, metrics: metrics.values, actor: opts.actor }, now);
      events.push({
        topic: JOURNEY_TOPICS.gateFailed,
        key: journeyId,
        payload: { journeyId, stage: journey.currentStage, event: event.type, to: targetStage, validationId: id, summary: v.summary, failed: v.checks.filter((c) => !c.passed).map((c) => c.name), actor: opts.actor, at: now.toISOString() },
      });
    }
    return { accepted: false, state: journey, rejection: result.rejection, events, metrics };
  }
  const next: StoredJourney = { ...result.state, handlerAliases: journey.handlerAliases, createdBy: journey.createdBy, updatedAt: now.toISOString() };
  if (!(await updateJourney(tx, next, journey.version, now))) {
    throw new AppError('OW_CONFLICT', `Journey ${journeyId} was changed concurrently; send the event again`);
  }
  await closeVisit(tx, journeyId, event.type, now);
  await openVisit(tx, journeyId, next.currentStage, next.visits[next.currentStage] ?? 1, event.type, now);
  const events = await applyEffects(tx, { journeyId, handlerAliases: journey.handlerAliases, actor: opts.actor, now, metrics: metrics.values }, result.effects);
  return { accepted: true, before: journey, state: next, events, metrics };
}

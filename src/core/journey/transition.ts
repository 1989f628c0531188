// The journey state machine, XState style: transition() computes the next state and the effects
// for the runtime to run, or a typed rejection naming the allowed events; it runs nothing itself.
import { toPointer } from '../shared/json-pointer';
import { allowedEvents, failureStage, findStage, initialTransition, type JourneyDefinition, type Stage, type Transition } from './definition';
import type { JourneyEffect, Rejection, RejectionKind } from './effects';
import type { ValidationResult } from './exit-criteria';
import { evaluateGuard } from './guards';
import { decideRollbackTarget, describeTarget, resolveRollbackCause } from './rollback-policy';
import type { RollbackTarget } from './rollback-schema';
import { enterStageEffects, expectedUnitIds, leaveStageEffects, statusOf } from './stage-entry';
import { JourneyEventSchema, type JourneyEvent, type JourneyEventPayload, type JourneyState, type TransitionContext } from './state';
import { JOURNEY_TOPICS } from './topics';

export type TransitionResult = { ok: true; state: JourneyState; effects: JourneyEffect[] } | { ok: false; rejection: Rejection };

type Payload = JourneyEventPayload;

interface Move {
  def: JourneyDefinition;
  state: JourneyState;
  from: Stage;
  to: Stage;
  t: Transition;
  payload: Payload;
  ctx: TransitionContext;
}

function reject(kind: RejectionKind, event: string, stage: string | null, allowed: string[], message: string, extra: Partial<Rejection> = {}): TransitionResult {
  return { ok: false, rejection: { kind, event, stage, allowed, message, ...extra } };
}

function allowedText(allowed: readonly string[]): string {
  return allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'no events are allowed';
}

export function transition(def: JourneyDefinition, state: JourneyState | null, event: JourneyEvent, ctx: TransitionContext): TransitionResult {
  if (!Number.isFinite(ctx.now)) throw new RangeError(`context.now must be epoch milliseconds, got ${String(ctx.now)}`);
  const type = typeof event?.type === 'string' ? event.type : '';
  const stageId = state?.currentStage ?? null;
  const parsed = JourneyEventSchema.safeParse(event);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${toPointer(i.path) || '/'}: ${i.message}`).join('; ');
    return reject('invalid_payload', type, stageId, allowedEvents(def, stageId), `event is not valid: ${details}`);
  }
  const { payload } = parsed.data;
  if (state === null) return start(def, type, payload, ctx);

  if (state.definitionId !== def.id) {
    return reject('definition_mismatch', type, stageId, [], `journey '${state.journeyId}' follows definition '${state.definitionId}', not '${def.id}'`);
  }
  const from = findStage(def, state.currentStage);
  if (!from) return reject('unknown_stage', type, stageId, [], `stage '${state.currentStage}' is not in definition '${def.id}'`);
  const allowed = allowedEvents(def, from.id);
  if (from.kind === 'final') {
    return reject('journey_finished', type, from.id, [], `journey '${state.journeyId}' has ended in stage '${from.id}' (${statusOf(from)}); it accepts no more events`);
  }
  const t = def.transitions.find((x) => x.from === from.id && x.event === type);
  if (!t) {
    if (type === initialTransition(def).event) return reject('already_started', type, from.id, allowed, `journey '${state.journeyId}' has already started; it is in stage '${from.id}' (${allowedText(allowed)})`);
    const known = def.events.some((e) => e.name === type);
    const what = known ? `event '${type}' is not allowed in stage '${from.id}'` : `unknown event '${type}'`;
    return reject('event_not_allowed', type, from.id, allowed, `${what} (${allowedText(allowed)})`);
  }

  if (typeof t.to !== 'string') return completeRollback(def, state, from, t, payload, ctx, allowed);
  const to = findStage(def, t.to)!;
  if (to.kind === 'rollback') return initiateRollback({ def, state, from, to, t, payload, ctx }, allowed);
  return move({ def, state, from, to, t, payload, ctx }, allowed);
}

function start(def: JourneyDefinition, type: string, payload: Payload, ctx: TransitionContext): TransitionResult {
  const t = initialTransition(def);
  if (type !== t.event) return reject('not_started', type, null, [t.event], `the journey has not started; send '${t.event}' first`);
  if (!payload.journeyId || !payload.clientId) {
    const missing = [!payload.journeyId && 'journeyId', !payload.clientId && 'clientId'].filter(Boolean).join(' and ');
    return reject('invalid_payload', type, null, [t.event], `'${t.event}' needs ${missing} in its payload`);
  }
  const to = findStage(def, t.to as string)!;
  const guard = evaluateGuard(t.guard, { from: null, to, state: null, ctx, expectedUnits: [] });
  if (!guard.ok) return reject(guard.kind, type, null, [t.event], guard.message, guard.kind === 'gate_failed' ? { validation: guard.validation } : {});
  const at = new Date(ctx.now).toISOString();
  const { journeyId, clientId } = payload;
  const state: JourneyState = {
    journeyId,
    clientId,
    definitionId: def.id,
    definitionVersion: def.version,
    currentStage: to.id,
    previousStage: null,
    status: statusOf(to),
    startedAt: at,
    stageStartedAt: at,
    completedStages: [],
    visits: { [to.id]: 1 },
    rollback: null,
    metadata: payload.metadata ?? {},
    version: 1,
  };
  const effects: JourneyEffect[] = [
    ...(guard.validation ? [validationEffect(journeyId, to.id, type, to.id, guard.validation, at)] : []),
    { type: 'emit_event', topic: JOURNEY_TOPICS.started, key: journeyId, payload: { journeyId, clientId, definitionId: def.id, stage: to.id, at, ...actorOf(payload) } },
    ...enterStageEffects({ journeyId, clientId, stage: to, visit: 1, nowMs: ctx.now }),
  ];
  return { ok: true, state, effects };
}

function validationEffect(journeyId: string, stage: string, event: string, targetStage: string, result: ValidationResult, at: string): JourneyEffect {
  return { type: 'record_validation', journeyId, stage, event, targetStage, result, at };
}

function actorOf(payload: Payload): { actor?: string } {
  return payload.actor !== undefined ? { actor: payload.actor } : {};
}

/** The accepted move from `from` to `to`: leave, enter, bump visit and version, emit. */
function commit(m: Move, extra: { before: JourneyEffect[]; completedStages: string[]; rollback: JourneyState['rollback']; rolledBackFrom?: Stage }): TransitionResult {
  const { state, from, to, t, payload, ctx } = m;
  const at = new Date(ctx.now).toISOString();
  const visit = (state.visits[to.id] ?? 0) + 1;
  const next: JourneyState = {
    ...state,
    currentStage: to.id,
    previousStage: from.id,
    status: statusOf(to),
    stageStartedAt: at,
    completedStages: extra.completedStages,
    visits: { ...state.visits, [to.id]: visit },
    rollback: extra.rollback,
    version: state.version + 1,
  };
  const effects: JourneyEffect[] = [
    ...extra.before,
    ...leaveStageEffects(state.journeyId, from, t.event),
    {
      type: 'emit_event',
      topic: JOURNEY_TOPICS.transitioned,
      key: state.journeyId,
      payload: { journeyId: state.journeyId, clientId: state.clientId, definitionId: state.definitionId, event: t.event, from: from.id, to: to.id, at, ...actorOf(payload) },
    },
    ...enterStageEffects({ journeyId: state.journeyId, clientId: state.clientId, stage: to, visit, nowMs: ctx.now, ...(extra.rolledBackFrom ? { rolledBackFrom: extra.rolledBackFrom } : {}) }),
  ];
  return { ok: true, state: next, effects };
}

function guardOrReject(m: Move, allowed: string[], to: Stage): { ok: true; before: JourneyEffect[] } | { ok: false; result: TransitionResult } {
  const { def, state, from, t, ctx } = m;
  const visit = state.visits[from.id] ?? 1;
  const rolledBackFrom = state.rollback ? findStage(def, state.rollback.from) : undefined;
  const guard = evaluateGuard(t.guard, { from, to, state, ctx, expectedUnits: expectedUnitIds(state.journeyId, from, visit, rolledBackFrom) });
  if (!guard.ok) {
    const extra = guard.kind === 'gate_failed' ? { validation: guard.validation } : { incompleteUnits: guard.incompleteUnits };
    return { ok: false, result: reject(guard.kind, t.event, from.id, allowed, guard.message, extra) };
  }
  if (!guard.validation) return { ok: true, before: [] };
  const at = new Date(ctx.now).toISOString();
  return {
    ok: true,
    before: [
      validationEffect(state.journeyId, from.id, t.event, to.id, guard.validation, at),
      { type: 'emit_event', topic: JOURNEY_TOPICS.gatePassed, key: state.journeyId, payload: { journeyId: state.journeyId, stage: from.id, event: t.event, to: to.id, summary: guard.validation.summary, at } },
    ],
  };
}

/** Effects that close an open rollback when the journey leaves the rollback stage. */
function finishRollbackEffects(state: JourneyState, to: Stage, at: string): JourneyEffect[] {
  if (!state.rollback) return [];
  const outcome = to.kind === 'final' ? 'cancelled' : 'resumed';
  const { journeyId } = state;
  return [
    ...(outcome === 'resumed' ? [{ type: 'mark_units_rolled_back', journeyId, stage: state.rollback.from } as const] : []),
    { type: 'finish_rollback', journeyId, from: state.rollback.from, outcome, stage: to.id, at },
    { type: 'emit_event', topic: JOURNEY_TOPICS.rollbackCompleted, key: journeyId, payload: { journeyId, from: state.rollback.from, outcome, stage: to.id, trigger: state.rollback.trigger, at } },
  ];
}

/** A forward move (promotion, completion, cancellation), or leaving the rollback stage by a plain transition. */
function move(m: Move, allowed: string[]): TransitionResult {
  const { state, from, to, ctx } = m;
  const guard = guardOrReject(m, allowed, to);
  if (!guard.ok) return guard.result;
  const at = new Date(ctx.now).toISOString();
  const promoted = from.kind === 'active' && !(to.kind === 'final' && to.outcome === 'failure');
  const completedStages = promoted && !state.completedStages.includes(from.id) ? [...state.completedStages, from.id] : state.completedStages;
  const closing = from.kind === 'rollback' ? finishRollbackEffects(state, to, at) : [];
  return commit(m, { before: [...guard.before, ...closing], completedStages: resumeTrim(completedStages, to), rollback: from.kind === 'rollback' ? null : state.rollback });
}

/** Entering a stage again means doing it again: it and every stage completed after it are no longer completed. */
function resumeTrim(completed: string[], to: Stage): string[] {
  const i = completed.indexOf(to.id);
  return i >= 0 ? completed.slice(0, i) : completed;
}

function initiateRollback(m: Move, allowed: string[]): TransitionResult {
  const { def, state, from, to, t, payload, ctx } = m;
  const cause = resolveRollbackCause(def, from.id, payload, ctx.metrics ?? {});
  if (!cause.ok) return reject('invalid_payload', t.event, from.id, allowed, cause.message);
  const target = decideRollbackTarget(def, state, payload.target);
  if (!target.ok) return reject('invalid_payload', t.event, from.id, allowed, target.message);
  const guard = guardOrReject(m, allowed, to);
  if (!guard.ok) return guard.result;
  const at = new Date(ctx.now).toISOString();
  const { journeyId } = state;
  const { trigger, reason, automatic, evidence } = cause.cause;
  const before: JourneyEffect[] = [
    ...guard.before,
    { type: 'start_rollback', journeyId, from: from.id, target: target.target, trigger, reason, automatic, evidence, at },
    {
      type: 'emit_event',
      topic: JOURNEY_TOPICS.rollbackStarted,
      key: journeyId,
      payload: { journeyId, clientId: state.clientId, from: from.id, target: describeTarget(target.target), trigger, reason, automatic, at, ...actorOf(payload) },
    },
  ];
  const rollback = { from: from.id, target: target.target, trigger, reason, automatic, evidence, startedAt: at };
  return commit(m, { before, completedStages: state.completedStages, rollback, rolledBackFrom: from });
}

function completeRollback(def: JourneyDefinition, state: JourneyState, from: Stage, t: Transition, payload: Payload, ctx: TransitionContext, allowed: string[]): TransitionResult {
  if (!state.rollback) return reject('unknown_stage', t.event, from.id, allowed, `journey '${state.journeyId}' is in rollback stage '${from.id}' without a rollback record`);
  let target: RollbackTarget = state.rollback.target;
  if (payload.target !== undefined) {
    const decided = decideRollbackTarget(def, { currentStage: state.rollback.from, completedStages: state.completedStages }, payload.target);
    if (!decided.ok) return reject('invalid_payload', t.event, from.id, allowed, decided.message);
    target = decided.target;
  }
  const to = target.kind === 'cancel' ? failureStage(def) : findStage(def, target.stage);
  if (!to) return reject('unknown_stage', t.event, from.id, allowed, `rollback target ${describeTarget(target)} does not exist in definition '${def.id}'`);
  const m: Move = { def, state, from, to, t, payload, ctx };
  const guard = guardOrReject(m, allowed, to);
  if (!guard.ok) return guard.result;
  const at = new Date(ctx.now).toISOString();
  const before = [...guard.before, ...finishRollbackEffects(state, to, at)];
  return commit(m, { before, completedStages: resumeTrim(state.completedStages, to), rollback: null });
}

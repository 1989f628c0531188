// Runs the effects of an accepted transition inside its transaction: units of work and their
// tasks, validation results, timers, cancelled work, rollback history; returns the events to emit.
import type { JourneyEffect } from '../core/journey/effects';
import { TASK_TOPICS } from '../core/journey/topics';
import { flattenUnits, type UnitOfWork } from '../core/work/unit-of-work';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { finishRollback, insertRollback, insertValidation } from '../store/journey-records-repo';
import { cancelTimers, insertTimer } from '../store/journey-timers-repo';
import { insertUnit, markUnitsRolledBack } from '../store/journey-units-repo';
import { cancelOpenTasksOfJourney, insertTasks, type NewTask } from '../store/task-repo';
import { resolveAlias } from './journey-handler-check';
import { recomputeUnits } from './task-units';

export interface EffectContext {
  journeyId: string;
  handlerAliases: Readonly<Record<string, string>>;
  actor: string;
  now: Date;
  /** The metric values the transition read (stored with validation results). */
  metrics: Readonly<Record<string, number>>;
}

function newTasksOf(units: readonly UnitOfWork[], aliases: Readonly<Record<string, string>>, runAt: Date): NewTask[] {
  // Dependencies across units become task-level edges, so one counter per task says when it is ready.
  const deps = new Map(flattenUnits(units).map((n) => [n.id, n.dependsOn] as const));
  return units.flatMap((unit) =>
    unit.tasks.map((task) => ({
      id: task.id,
      journeyId: unit.journeyId,
      unitId: unit.id,
      stage: unit.stage,
      key: task.key,
      name: task.name,
      handler: task.kind === 'human' ? task.handler : resolveAlias(task.handler, aliases),
      agent: task.handler,
      kind: task.kind,
      retry: task.retry,
      dependsOn: deps.get(task.id) ?? task.dependsOn,
      // Task ids are deterministic (journey/stage/visit/unit/task): the id is the idempotency key.
      idempotencyKey: task.id,
      input: task.input,
      outputSchema: task.outputSchema,
      emits: task.emits,
      runAt,
    })),
  );
}

export async function applyEffects(tx: Queryable, ctx: EffectContext, effects: readonly JourneyEffect[]): Promise<NewEvent[]> {
  const { journeyId, actor, now } = ctx;
  const events: NewEvent[] = [];
  const units = effects.flatMap((e) => (e.type === 'create_unit_of_work' ? [e.unit] : []));
  let unitsCreated = false;
  for (const effect of effects) {
    switch (effect.type) {
      case 'create_unit_of_work': {
        if (unitsCreated) break;
        unitsCreated = true;
        for (const u of units) {
          await insertUnit(tx, { id: u.id, journeyId: u.journeyId, stage: u.stage, visit: visitOf(u.id), key: u.key, name: u.name, kind: u.kind, dependencies: u.dependencies, statusReason: `none of the ${u.tasks.length} tasks has started` }, now);
        }
        const inserted = await insertTasks(tx, newTasksOf(units, ctx.handlerAliases, now), now);
        break;
      }
      case 'record_validation':
        await insertValidation(tx, journeyId, { stage: effect.stage, event: effect.event, targetStage: effect.targetStage, passed: effect.result.passed, checks: effect.result.checks, summary: effect.result.summary, metrics: { ...ctx.metrics }, actor }, now);
        break;
      case 'schedule_timer':
        await insertTimer(tx, { id: effect.id, journeyId, stage: effect.stage, key: effect.key, fireAt: new Date(effect.fireAt), event: effect.event ?? null }, now);
        break;
      case 'cancel_timers':
        await cancelTimers(tx, journeyId, effect.stage, `journey left stage '${effect.stage}'`);
        break;
      case 'cancel_open_work': {
        const cancelled = await cancelOpenTasksOfJourney(tx, journeyId, effect.stage ?? null, effect.reason, now);
        for (const t of cancelled) {
          events.push({ topic: TASK_TOPICS.cancelled, key: journeyId, payload: { journeyId, stage: t.stage, unitId: t.unitId, taskId: t.id, attempt: t.attempt, reason: effect.reason } });
        }
        events.push(...(await recomputeUnits(tx, cancelled.map((t) => t.unitId), now)));
        break;
      }
      case 'start_rollback':
        await insertRollback(
          tx,
          journeyId,
          { fromStage: effect.from, target: effect.target.kind === 'cancel' ? 'cancel' : effect.target.stage, trigger: effect.trigger, reason: effect.reason, automatic: effect.automatic, evidence: effect.evidence, actor },
          now,
        );
        break;
      case 'finish_rollback':
        await finishRollback(tx, journeyId, effect.outcome, effect.stage, now);
        break;
      case 'mark_units_rolled_back': {
        const ids = await markUnitsRolledBack(tx, journeyId, effect.stage, now);
        for (const unitId of ids) events.push({ topic: 'unit.rolled_back', key: journeyId, payload: { journeyId, stage: effect.stage, unitId, status: 'rolled_back', at: now.toISOString() } });
        break;
      }
      case 'emit_event':
        events.push({ topic: effect.topic, key: effect.key, payload: effect.payload });
        break;
    }
  }
  return events;
}

/** Unit ids are journey/stage/visit/key (core's unitId): the visit is the part before the key. */
function visitOf(unitId: string): number {
  const parts = unitId.split('/');
  const visit = Number(parts[parts.length - 2]);
  return Number.isInteger(visit) && visit > 0 ? visit : 1;
}

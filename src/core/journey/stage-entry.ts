// What entering and leaving a stage means: new units of work and timers on the way in (ids keyed
// by the visit number so re-entries never collide), timers and open work cancelled on the way out.
import { instantiateUnits, unitId, type UnitTemplate } from '../work/unit-template';
import type { Stage } from './definition';
import type { JourneyEffect } from './effects';
import type { JourneyStatus } from './state';
import { JOURNEY_TOPICS } from './topics';

export function statusOf(stage: Stage): JourneyStatus {
  if (stage.kind === 'rollback') return 'rolling_back';
  if (stage.kind === 'final') return stage.outcome === 'failure' ? 'cancelled' : 'completed';
  return 'active';
}

/** The unit templates a stage visit runs: its own, or for the rollback stage the rollback unit of the stage rolled back. */
export function unitTemplatesFor(stage: Stage, rolledBackFrom: Stage | undefined): UnitTemplate[] {
  if (stage.kind === 'rollback') return rolledBackFrom?.rollbackUnitOfWork ? [rolledBackFrom.rollbackUnitOfWork] : [];
  return stage.unitsOfWork;
}

export function expectedUnitIds(journeyId: string, stage: Stage, visit: number, rolledBackFrom: Stage | undefined): string[] {
  return unitTemplatesFor(stage, rolledBackFrom).map((u) => unitId(journeyId, stage.id, visit, u.key));
}

export interface StageEntry {
  journeyId: string;
  clientId: string;
  stage: Stage;
  visit: number;
  nowMs: number;
  rolledBackFrom?: Stage;
}

export function enterStageEffects(entry: StageEntry): JourneyEffect[] {
  const { journeyId, clientId, stage, visit, nowMs, rolledBackFrom } = entry;
  const at = new Date(nowMs).toISOString();
  const units = instantiateUnits(unitTemplatesFor(stage, rolledBackFrom), {
    journeyId,
    stage: stage.id,
    visit,
    kind: stage.kind === 'rollback' ? 'rollback' : 'stage',
    createdAt: at,
  });
  const timers: JourneyEffect[] = stage.timers.map((timer) => ({
    type: 'schedule_timer',
    id: `${journeyId}/${stage.id}/${visit}/${timer.key}`,
    journeyId,
    stage: stage.id,
    key: timer.key,
    fireAt: new Date(nowMs + timer.afterMs).toISOString(),
    ...(timer.event !== undefined ? { event: timer.event } : {}),
  }));
  const finished: JourneyEffect[] =
    stage.kind === 'final'
      ? [{ type: 'emit_event', topic: stage.outcome === 'failure' ? JOURNEY_TOPICS.cancelled : JOURNEY_TOPICS.completed, key: journeyId, payload: { journeyId, clientId, stage: stage.id, at } }]
      : [];
  return [
    ...units.map((unit): JourneyEffect => ({ type: 'create_unit_of_work', unit })),
    ...timers,
    { type: 'emit_event', topic: JOURNEY_TOPICS.stageEntered, key: journeyId, payload: { journeyId, clientId, stage: stage.id, kind: stage.kind, visit, at } },
    ...finished,
  ];
}

export function leaveStageEffects(journeyId: string, stage: Stage, event: string): JourneyEffect[] {
  return [
    { type: 'cancel_timers', journeyId, stage: stage.id },
    { type: 'cancel_open_work', journeyId, stage: stage.id, reason: `journey left stage '${stage.id}' on event '${event}'` },
  ];
}

// Keeps a unit of work's status in step with its tasks (the core's deriveUnitStatus decides),
// with start and finish instants for the timeline and one event per change of status.
import { deriveUnitStatus } from '../core/work/unit-of-work';
import type { Queryable } from '../store/db';
import type { NewEvent } from '../store/events-repo';
import { lockUnit, updateUnit } from '../store/journey-units-repo';
import { taskStatusesOfUnit } from '../store/task-repo';

const FINISHED = new Set(['completed', 'failed', 'cancelled', 'rolled_back']);

/** Recomputes the given units (locked in id order, so concurrent recomputes never deadlock). */
export async function recomputeUnits(tx: Queryable, unitIds: Iterable<string | null | undefined>, now: Date): Promise<NewEvent[]> {
  const ids = [...new Set([...unitIds].filter((id): id is string => typeof id === 'string'))].sort();
  const events: NewEvent[] = [];
  for (const id of ids) {
    const unit = await lockUnit(tx, id);
    if (!unit) continue;
    const tasks = await taskStatusesOfUnit(tx, id);
    const verdict = deriveUnitStatus(tasks, { rolledBack: unit.rolledBackAt !== null });
    if (verdict.status === unit.status && verdict.reason === unit.statusReason) continue;
    const at = now.toISOString();
    const started = verdict.status !== 'pending' && verdict.status !== 'cancelled';
    const startedAt = unit.startedAt ?? (started ? at : null);
    const completedAt = FINISHED.has(verdict.status) ? (unit.completedAt ?? at) : null;
    await updateUnit(tx, id, { status: verdict.status, statusReason: verdict.reason, startedAt, completedAt });
    if (verdict.status !== unit.status) {
      events.push({
        topic: `unit.${verdict.status}`,
        key: unit.journeyId,
        payload: { journeyId: unit.journeyId, stage: unit.stage, unitId: id, status: verdict.status, previous: unit.status, reason: verdict.reason, at },
      });
    }
  }
  return events;
}

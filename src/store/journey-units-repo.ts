// Units of work (seed 003's units_of_work): created with their stage visit, their status kept
// in step with their tasks by the engine.
import type { UnitKind, UnitStatus } from '../core/work/unit-of-work';
import type { Queryable } from './db';
import * as plan from './journey-plans';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface StoredUnit {
  id: string;
  journeyId: string;
  stage: string;
  visit: number;
  key: string;
  name: string;
  kind: UnitKind;
  dependencies: string[];
  status: UnitStatus;
  statusReason: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  rolledBackAt: string | null;
}

interface UnitRow {
  uow_id: string;
  journey_id: string;
  stage: string;
  visit: number;
  key: string;
  name: string;
  kind: UnitKind;
  dependencies: string[];
  status: UnitStatus;
  status_reason: string;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  rolled_back_at: Date | null;
}

function toUnit(r: UnitRow): StoredUnit {
  return {
    id: r.uow_id,
    journeyId: r.journey_id,
    stage: r.stage,
    visit: r.visit,
    key: r.key,
    name: r.name,
    kind: r.kind,
    dependencies: r.dependencies,
    status: r.status,
    statusReason: r.status_reason,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    completedAt: iso(r.completed_at),
    rolledBackAt: iso(r.rolled_back_at),
  };
}

/** False when the unit already existed (a replayed transition). */
export async function insertUnit(
  tx: Queryable,
  u: Pick<StoredUnit, 'id' | 'journeyId' | 'stage' | 'visit' | 'key' | 'name' | 'kind' | 'dependencies' | 'statusReason'>,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(plan.insertUnit, [u.id, u.journeyId, u.stage, u.visit, u.key, u.name, u.kind, u.dependencies, u.statusReason, now]);
  return rows.length === 1;
}

/** The unit, locked: its status is recomputed from its tasks by one transaction at a time. */
export async function lockUnit(tx: Queryable, id: string): Promise<StoredUnit | undefined> {
  const rows = await tx.query<UnitRow>(plan.lockUnit, [id]);
  return rows[0] ? toUnit(rows[0]) : undefined;
}

export async function updateUnit(tx: Queryable, id: string, u: Pick<StoredUnit, 'status' | 'statusReason' | 'startedAt' | 'completedAt'>): Promise<void> {
  await tx.query(plan.updateUnit, [id, u.status, u.statusReason, u.startedAt ? new Date(u.startedAt) : null, u.completedAt ? new Date(u.completedAt) : null]);
}

export async function unitsOfJourney(db: Queryable, journeyId: string): Promise<StoredUnit[]> {
  return (await db.query<UnitRow>(plan.unitsOfJourney, [journeyId])).map(toUnit);
}

export async function markUnitsRolledBack(tx: Queryable, journeyId: string, stage: string, now: Date): Promise<string[]> {
  const rows = await tx.query<{ uow_id: string }>(plan.markRolledBack, [journeyId, stage, now]);
  return rows.map((r) => r.uow_id);
}

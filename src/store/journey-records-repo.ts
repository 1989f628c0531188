// What a journey leaves behind as it moves: stage visits (the timeline), gate validation
// results (seed 003's ValidationResult) and rollback history.
import type { CriteriaCheck } from '../core/journey/exit-criteria';
import type { RollbackEvidence } from '../core/journey/state';
import type { Queryable } from './db';
import * as plan from './journey-plans';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface StageVisit {
  seq: number;
  stage: string;
  visit: number;
  enteredAt: string;
  /** The event that entered the stage. */
  enteredOn: string;
  leftAt: string | null;
  leftOn: string | null;
}

export async function openVisit(tx: Queryable, journeyId: string, stage: string, visit: number, event: string, at: Date): Promise<void> {
  await tx.query(plan.openVisit, [journeyId, stage, visit, at, event]);
}

export async function closeVisit(tx: Queryable, journeyId: string, event: string, at: Date): Promise<void> {
  await tx.query(plan.closeVisit, [journeyId, at, event]);
}

export async function listVisits(db: Queryable, journeyId: string): Promise<StageVisit[]> {
  const rows = await db.query<{ seq: number; stage: string; visit: number; entered_at: Date; entered_on: string; left_at: Date | null; left_on: string | null }>(plan.listVisits, [journeyId]);
  return rows.map((r) => ({ seq: r.seq, stage: r.stage, visit: r.visit, enteredAt: r.entered_at.toISOString(), enteredOn: r.entered_on, leftAt: iso(r.left_at), leftOn: r.left_on }));
}

export interface StoredValidation {
  id: number;
  stage: string;
  event: string;
  targetStage: string;
  passed: boolean;
  checks: CriteriaCheck[];
  summary: string;
  /** The metric values the gate read. */
  metrics: Record<string, number>;
  actor: string;
  createdAt: string;
}

export async function insertValidation(tx: Queryable, journeyId: string, v: Omit<StoredValidation, 'id' | 'createdAt'>, at: Date): Promise<number> {
  const rows = await tx.query<{ id: number }>(plan.insertValidation, [journeyId, v.stage, v.event, v.targetStage, v.passed, JSON.stringify(v.checks), v.summary, JSON.stringify(v.metrics), v.actor, at]);
  return rows[0]?.id ?? 0;
}

export async function listValidations(db: Queryable, journeyId: string): Promise<StoredValidation[]> {
  const rows = await db.query<{ id: number; stage: string; event: string; target_stage: string; passed: boolean; checks: CriteriaCheck[]; summary: string; metrics: Record<string, number>; actor: string; created_at: Date }>(
    plan.validationsOfJourney,
    [journeyId],
  );
  return rows.map((r) => ({ id: r.id, stage: r.stage, event: r.event, targetStage: r.target_stage, passed: r.passed, checks: r.checks, summary: r.summary, metrics: r.metrics, actor: r.actor, createdAt: r.created_at.toISOString() }));
}

export interface StoredRollback {
  id: number;
  fromStage: string;
  /** A stage id, or "cancel". */
  target: string;
  trigger: string;
  reason: string;
  automatic: boolean;
  evidence: RollbackEvidence[];
  actor: string;
  startedAt: string;
  completedAt: string | null;
  outcome: 'resumed' | 'cancelled' | null;
  resumedStage: string | null;
}

export async function insertRollback(
  tx: Queryable,
  journeyId: string,
  r: Pick<StoredRollback, 'fromStage' | 'target' | 'trigger' | 'reason' | 'automatic' | 'evidence' | 'actor'>,
  at: Date,
): Promise<number> {
  const rows = await tx.query<{ id: number }>(plan.insertRollback, [journeyId, r.fromStage, r.target, r.trigger, r.reason, r.automatic, JSON.stringify(r.evidence), r.actor, at]);
  return rows[0]?.id ?? 0;
}

export async function finishRollback(tx: Queryable, journeyId: string, outcome: 'resumed' | 'cancelled', stage: string, at: Date): Promise<void> {
  await tx.query(plan.finishRollback, [journeyId, at, outcome, stage]);
}

export async function listRollbacks(db: Queryable, journeyId: string): Promise<StoredRollback[]> {
  const rows = await db.query<{
    id: number;
    from_stage: string;
    target: string;
    trigger: string;
    reason: string;
    automatic: boolean;
    evidence: RollbackEvidence[];
    actor: string;
    started_at: Date;
    completed_at: Date | null;
    outcome: 'resumed' | 'cancelled' | null;
    resumed_stage: string | null;
  }>(plan.rollbacksOfJourney, [journeyId]);
  return rows.map((r) => ({
    id: r.id,
    fromStage: r.from_stage,
    target: r.target,
    trigger: r.trigger,
    reason: r.reason,
    automatic: r.automatic,
    evidence: r.evidence,
    actor: r.actor,
    startedAt: r.started_at.toISOString(),
    completedAt: iso(r.completed_at),
    outcome: r.outcome,
    resumedStage: r.resumed_stage,
  }));
}

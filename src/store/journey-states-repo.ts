// Journey states (seed 003's journey_states): the row a transition locks, reads and rewrites.
import type { JourneyState } from '../core/journey/state';
import type { Queryable } from './db';
import * as plan from './journey-plans';

export interface StoredJourney extends JourneyState {
  /** Handler names of the definition mapped to the handlers that run them ('*' = any other). */
  handlerAliases: Record<string, string>;
  createdBy: string;
  updatedAt: string;
}

interface StateRow {
  journey_id: string;
  client_id: string;
  definition_id: string;
  definition_version: number;
  current_stage: string;
  previous_stage: string | null;
  status: JourneyState['status'];
  started_at: Date;
  stage_started_at: Date;
  completed_stages: string[];
  visits: Record<string, number>;
  rollback: JourneyState['rollback'];
  metadata: Record<string, unknown>;
  handler_aliases: Record<string, string>;
  version: number;
  created_by: string;
  updated_at: Date;
}

function toJourney(r: StateRow): StoredJourney {
  return {
    journeyId: r.journey_id,
    clientId: r.client_id,
    definitionId: r.definition_id,
    definitionVersion: r.definition_version,
    currentStage: r.current_stage,
    previousStage: r.previous_stage,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    stageStartedAt: r.stage_started_at.toISOString(),
    completedStages: r.completed_stages,
    visits: r.visits,
    rollback: r.rollback,
    metadata: r.metadata,
    handlerAliases: r.handler_aliases,
    version: r.version,
    createdBy: r.created_by,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function insertJourney(tx: Queryable, s: JourneyState, handlerAliases: Record<string, string>, createdBy: string, now: Date): Promise<void> {
  await tx.query(plan.insertState, [
    s.journeyId,
    s.clientId,
    s.definitionId,
    s.definitionVersion,
    s.currentStage,
    s.previousStage,
    s.status,
    new Date(s.startedAt),
    new Date(s.stageStartedAt),
    s.completedStages,
    JSON.stringify(s.visits),
    s.rollback ? JSON.stringify(s.rollback) : null,
    JSON.stringify(s.metadata),
    JSON.stringify(handlerAliases),
    s.version,
    createdBy,
    now,
  ]);
}

/** Writes `next` only if the stored version is still `expectedVersion`; false when someone else won. */
export async function updateJourney(tx: Queryable, next: JourneyState, expectedVersion: number, now: Date): Promise<boolean> {
  const rows = await tx.query(plan.updateState, [
    next.journeyId,
    next.currentStage,
    next.previousStage,
    next.status,
    new Date(next.stageStartedAt),
    next.completedStages,
    JSON.stringify(next.visits),
    next.rollback ? JSON.stringify(next.rollback) : null,
    JSON.stringify(next.metadata),
    next.version,
    now,
    expectedVersion,
  ]);
  return rows.length === 1;
}

/** The state, locked until the transaction ends: transitions of one journey run one at a time. */
export async function lockJourney(tx: Queryable, id: string): Promise<StoredJourney | undefined> {
  const rows = await tx.query<StateRow>(plan.lockState, [id]);
  return rows[0] ? toJourney(rows[0]) : undefined;
}

export async function getJourney(db: Queryable, id: string): Promise<StoredJourney | undefined> {
  const rows = await db.query<StateRow>(plan.getState, [id]);
  return rows[0] ? toJourney(rows[0]) : undefined;
}

export async function listJourneys(db: Queryable, filter: plan.JourneyListFilter): Promise<{ items: StoredJourney[]; total: number }> {
  const { sql, params } = plan.listStatesPlan(filter);
  const rows = await db.query<StateRow & { total: number }>(sql, params);
  return { items: rows.map(toJourney), total: rows[0]?.total ?? 0 };
}

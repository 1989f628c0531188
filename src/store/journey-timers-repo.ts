// Durable timers: scheduled with a stage visit, cancelled when the journey leaves the stage,
// fired once by whichever worker takes them first.
import type { Queryable } from './db';
import * as plan from './journey-plans';

export interface StoredTimer {
  id: string;
  journeyId: string;
  stage: string;
  key: string;
  fireAt: string;
  event: string | null;
  status: 'scheduled' | 'fired' | 'cancelled';
  /** What firing did (or why it was cancelled). */
  result: string | null;
  createdAt: string;
  firedAt: string | null;
}

interface TimerRow {
  id: string;
  journey_id: string;
  stage: string;
  key: string;
  fire_at: Date;
  event: string | null;
  status: StoredTimer['status'];
  result: string | null;
  created_at: Date;
  fired_at: Date | null;
}

function toTimer(r: TimerRow): StoredTimer {
  return {
    id: r.id,
    journeyId: r.journey_id,
    stage: r.stage,
    key: r.key,
    fireAt: r.fire_at.toISOString(),
    event: r.event,
    status: r.status,
    result: r.result,
    createdAt: r.created_at.toISOString(),
    firedAt: r.fired_at ? r.fired_at.toISOString() : null,
  };
}

export async function insertTimer(tx: Queryable, t: { id: string; journeyId: string; stage: string; key: string; fireAt: Date; event: string | null }, now: Date): Promise<void> {
  await tx.query(plan.insertTimer, [t.id, t.journeyId, t.stage, t.key, t.fireAt, t.event, now]);
}

export async function cancelTimers(tx: Queryable, journeyId: string, stage: string, reason: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(plan.cancelTimers, [journeyId, stage, reason]);
  return rows.map((r) => r.id);
}

export async function dueTimers(db: Queryable, now: Date, limit: number): Promise<Array<{ id: string; journeyId: string }>> {
  const rows = await db.query<{ id: string; journey_id: string }>(plan.dueTimers, [now, limit]);
  return rows.map((r) => ({ id: r.id, journeyId: r.journey_id }));
}

export async function lockScheduledTimer(tx: Queryable, id: string): Promise<StoredTimer | undefined> {
  const rows = await tx.query<TimerRow>(plan.lockScheduledTimer, [id]);
  return rows[0] ? toTimer(rows[0]) : undefined;
}

export async function markTimerFired(tx: Queryable, id: string, result: string, now: Date): Promise<void> {
  await tx.query(plan.markTimerFired, [id, now, result]);
}

export async function setTimerResult(tx: Queryable, id: string, result: string): Promise<void> {
  await tx.query(plan.setTimerResult, [id, result]);
}

export async function timersOfJourney(db: Queryable, journeyId: string): Promise<StoredTimer[]> {
  return (await db.query<TimerRow>(plan.timersOfJourney, [journeyId])).map(toTimer);
}

export async function nextTimerAt(db: Queryable): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>(plan.nextTimerAt);
  return rows[0]?.at ?? null;
}

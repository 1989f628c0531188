// The rollout history of each agent and the runs of its versions (one row per task attempt).
import type { CanaryFigures, RolloutAction } from '../core/agents/agent-schemas';
import type { HistoryRow } from '../core/agents/deployment-machine';
import type { Queryable } from './db';

export interface RolloutRecord extends HistoryRow {
  id: number;
  agent: string;
  rolloutId: number;
  automatic: boolean;
  actor: string;
  at: string;
}

interface RolloutRow {
  id: string | number;
  agent: string;
  rollout_id: string | number;
  action: RolloutAction;
  from_version: number | null;
  to_version: number | null;
  strategy: 'blue-green' | 'canary' | null;
  share: number;
  reason: string;
  automatic: boolean;
  figures: CanaryFigures | null;
  actor: string;
  at: Date;
}

const toRollout = (r: RolloutRow): RolloutRecord => ({
  id: Number(r.id),
  agent: r.agent,
  rolloutId: Number(r.rollout_id),
  action: r.action,
  fromVersion: r.from_version,
  toVersion: r.to_version,
  strategy: r.strategy,
  share: r.share,
  reason: r.reason,
  automatic: r.automatic,
  figures: r.figures,
  actor: r.actor,
  at: r.at.toISOString(),
});

/** `rolloutId` null: the row starts a rollout and is its own id. */
export async function appendRollout(tx: Queryable, agent: string, rolloutId: number | null, row: HistoryRow, who: { actor: string; automatic: boolean }, now: Date): Promise<RolloutRecord> {
  const [{ id }] = (await tx.query<{ id: string | number }>("SELECT nextval(pg_get_serial_sequence('agent_rollouts', 'id')) AS id")) as [{ id: string | number }];
  const rows = await tx.query<RolloutRow>(
    `INSERT INTO agent_rollouts (id, agent, rollout_id, action, from_version, to_version, strategy, share, reason, automatic, figures, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [Number(id), agent, rolloutId ?? Number(id), row.action, row.fromVersion, row.toVersion, row.strategy, row.share, row.reason, who.automatic, row.figures === null ? null : JSON.stringify(row.figures), who.actor, now],
  );
  return toRollout(rows[0]!);
}

export async function listRollouts(db: Queryable, agent: string, limit = 200): Promise<RolloutRecord[]> {
  const rows = await db.query<RolloutRow>('SELECT * FROM agent_rollouts WHERE agent = $1 ORDER BY id DESC LIMIT $2', [agent, limit]);
  return rows.map(toRollout);
}

export interface NewRun {
  agent: string;
  version: number;
  rolloutId: number | null;
  lane: 'stable' | 'candidate';
  stepIndex: number;
  taskId: string;
  attempt: number;
  bucket: number;
  outcome: 'succeeded' | 'failed';
  error: string | null;
  durationMs: number;
}

export async function insertRun(db: Queryable, r: NewRun, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO agent_runs (agent, version, rollout_id, lane, step_index, task_id, attempt, bucket, outcome, error, duration_ms, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [r.agent, r.version, r.rolloutId, r.lane, r.stepIndex, r.taskId, r.attempt, r.bucket, r.outcome, r.error === null ? null : r.error.slice(0, 2000), Math.round(r.durationMs), now],
  );
}

/** The candidate's latest outcomes in a rollout (newest first) and its successes at a step. */
export async function canaryEvidence(db: Queryable, rolloutId: number, window: number, stepIndex: number): Promise<{ recent: Array<'succeeded' | 'failed'>; successesAtStep: number }> {
  const recent = await db.query<{ outcome: 'succeeded' | 'failed' }>(
    "SELECT outcome FROM agent_runs WHERE rollout_id = $1 AND lane = 'candidate' ORDER BY id DESC LIMIT $2",
    [rolloutId, window],
  );
  const step = await db.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM agent_runs WHERE rollout_id = $1 AND lane = 'candidate' AND step_index = $2 AND outcome = 'succeeded'",
    [rolloutId, stepIndex],
  );
  return { recent: recent.map((r) => r.outcome), successesAtStep: Number(step[0]?.n ?? 0) };
}

export interface VersionCounts {
  agent: string;
  version: number;
  succeeded: number;
  failed: number;
  avgDurationMs: number;
}

/** Successes and failures per version, all time. */
export async function runCounts(db: Queryable, agent?: string): Promise<VersionCounts[]> {
  const rows = await db.query<{ agent: string; version: number; succeeded: string | number; failed: string | number; avg: string | number | null }>(
    `SELECT agent, version, count(*) FILTER (WHERE outcome = 'succeeded') AS succeeded, count(*) FILTER (WHERE outcome = 'failed') AS failed, avg(duration_ms) AS avg
     FROM agent_runs ${agent ? 'WHERE agent = $1' : ''} GROUP BY agent, version ORDER BY agent, version`,
    agent ? [agent] : [],
  );
  return rows.map((r) => ({ agent: r.agent, version: r.version, succeeded: Number(r.succeeded), failed: Number(r.failed), avgDurationMs: Math.round(Number(r.avg ?? 0)) }));
}

/** Failure rate per version over its latest `window` runs (the list's live figure). */
export async function recentFailureRates(db: Queryable, window: number): Promise<Array<{ agent: string; version: number; runs: number; failed: number }>> {
  const rows = await db.query<{ agent: string; version: number; runs: string | number; failed: string | number }>(
    `SELECT agent, version, count(*) AS runs, count(*) FILTER (WHERE outcome = 'failed') AS failed FROM (
       SELECT agent, version, outcome, row_number() OVER (PARTITION BY agent, version ORDER BY id DESC) AS rn FROM agent_runs
     ) r WHERE rn <= $1 GROUP BY agent, version`,
    [window],
  );
  return rows.map((r) => ({ agent: r.agent, version: r.version, runs: Number(r.runs), failed: Number(r.failed) }));
}

export interface RunRecord extends NewRun {
  id: number;
  finishedAt: string;
}

export async function listRuns(db: Queryable, q: { agent: string; taskId?: string; limit: number }): Promise<RunRecord[]> {
  const rows = await db.query<{ id: string | number; agent: string; version: number; rollout_id: string | number | null; lane: 'stable' | 'candidate'; step_index: number; task_id: string; attempt: number; bucket: number; outcome: 'succeeded' | 'failed'; error: string | null; duration_ms: number; finished_at: Date }>(
    `SELECT * FROM agent_runs WHERE agent = $1 ${q.taskId ? 'AND task_id = $3' : ''} ORDER BY id DESC LIMIT $2`,
    q.taskId ? [q.agent, q.limit, q.taskId] : [q.agent, q.limit],
  );
  return rows.map((r) => ({ id: Number(r.id), agent: r.agent, version: r.version, rolloutId: r.rollout_id === null ? null : Number(r.rollout_id), lane: r.lane, stepIndex: r.step_index, taskId: r.task_id, attempt: r.attempt, bucket: r.bucket, outcome: r.outcome, error: r.error, durationMs: r.duration_ms, finishedAt: r.finished_at.toISOString() }));
}

// The SQL of the journey tables, kept apart from the code that runs it: definitions, states,
// stage visits, units of work, validation results, rollback history and timers.

export const insertDefinition = `INSERT INTO journey_definitions (id, version, name, source, document, created_at, created_by)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`;
export const latestDefinitionVersion = 'SELECT max(version)::int AS v FROM journey_definitions WHERE id = $1';
const DEFINITION_COLUMNS = 'id, version, name, source, document, created_at, created_by';
export const getDefinition = `SELECT ${DEFINITION_COLUMNS} FROM journey_definitions WHERE id = $1 AND version = $2`;
export const getLatestDefinition = `SELECT ${DEFINITION_COLUMNS} FROM journey_definitions WHERE id = $1 ORDER BY version DESC LIMIT 1`;
export const listDefinitionVersions = `SELECT id, version, name, source, created_at, created_by FROM journey_definitions WHERE id = $1 ORDER BY version`;
export const listLatestDefinitions = `SELECT DISTINCT ON (d.id) d.id, d.version, d.name, d.source, d.document, d.created_at, d.created_by,
    (SELECT count(*)::int FROM journey_definitions v WHERE v.id = d.id) AS versions
  FROM journey_definitions d ORDER BY d.id, d.version DESC`;

const STATE_COLUMNS = `journey_id, client_id, definition_id, definition_version, current_stage, previous_stage, status, started_at,
  stage_started_at, completed_stages, visits, rollback, metadata, handler_aliases, version, created_by, updated_at`;
export const insertState = `INSERT INTO journey_states (${STATE_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15, $16, $17)`;
/** Optimistic concurrency on top of the row lock: a state written by someone else is never overwritten. */
export const updateState = `UPDATE journey_states SET current_stage = $2, previous_stage = $3, status = $4, stage_started_at = $5,
  completed_stages = $6::text[], visits = $7::jsonb, rollback = $8::jsonb, metadata = $9::jsonb, version = $10, updated_at = $11
  WHERE journey_id = $1 AND version = $12 RETURNING journey_id`;
export const lockState = `SELECT ${STATE_COLUMNS} FROM journey_states WHERE journey_id = $1 FOR UPDATE`;
export const getState = `SELECT ${STATE_COLUMNS} FROM journey_states WHERE journey_id = $1`;

export interface JourneyListFilter {
  stage?: string;
  status?: string;
  definitionId?: string;
  clientId?: string;
  limit: number;
  offset: number;
}

export function listStatesPlan(f: JourneyListFilter): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  add('current_stage', f.stage);
  add('status', f.status);
  add('definition_id', f.definitionId);
  add('client_id', f.clientId);
  params.push(f.limit, f.offset);
  return {
    sql: `SELECT ${STATE_COLUMNS}, count(*) OVER ()::int AS total FROM journey_states ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY started_at DESC, journey_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  };
}

export const openVisit = `INSERT INTO journey_stage_visits (journey_id, seq, stage, visit, entered_at, entered_on)
  VALUES ($1, (SELECT COALESCE(max(seq), 0) + 1 FROM journey_stage_visits WHERE journey_id = $1), $2, $3, $4, $5)`;
export const closeVisit = `UPDATE journey_stage_visits SET left_at = $2, left_on = $3 WHERE journey_id = $1 AND left_at IS NULL`;
export const listVisits = `SELECT seq, stage, visit, entered_at, entered_on, left_at, left_on FROM journey_stage_visits WHERE journey_id = $1 ORDER BY seq`;

export const insertUnit = `INSERT INTO units_of_work (uow_id, journey_id, stage, visit, key, name, kind, dependencies, status, status_reason, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], 'pending', $9, $10) ON CONFLICT (uow_id) DO NOTHING RETURNING uow_id`;
const UNIT_COLUMNS = 'uow_id, journey_id, stage, visit, key, name, kind, dependencies, status, status_reason, created_at, started_at, completed_at, rolled_back_at';
export const lockUnit = `SELECT ${UNIT_COLUMNS} FROM units_of_work WHERE uow_id = $1 FOR UPDATE`;
export const updateUnit = `UPDATE units_of_work SET status = $2, status_reason = $3, started_at = $4, completed_at = $5 WHERE uow_id = $1`;
export const unitsOfJourney = `SELECT ${UNIT_COLUMNS} FROM units_of_work WHERE journey_id = $1 ORDER BY seq`;
/** Units of a stage that were rolled back; $3 now. Units already rolled back keep their instant. */
export const markRolledBack = `UPDATE units_of_work SET status = 'rolled_back', status_reason = 'the stage this unit belongs to was rolled back', rolled_back_at = $3
  WHERE journey_id = $1 AND stage = $2 AND rolled_back_at IS NULL RETURNING uow_id`;

export const insertValidation = `INSERT INTO validation_results (journey_id, stage, event, target_stage, passed, checks, summary, metrics, actor, created_at)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10) RETURNING id`;
export const validationsOfJourney = `SELECT id, stage, event, target_stage, passed, checks, summary, metrics, actor, created_at
  FROM validation_results WHERE journey_id = $1 ORDER BY id`;

export const insertRollback = `INSERT INTO rollback_history (journey_id, from_stage, target, trigger, reason, automatic, evidence, actor, started_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING id`;
export const finishRollback = `UPDATE rollback_history SET completed_at = $2, outcome = $3, resumed_stage = $4
  WHERE journey_id = $1 AND completed_at IS NULL RETURNING id`;
export const rollbacksOfJourney = `SELECT id, from_stage, target, trigger, reason, automatic, evidence, actor, started_at, completed_at, outcome, resumed_stage
  FROM rollback_history WHERE journey_id = $1 ORDER BY id`;

/** Scheduling the same timer twice (a replayed transition) keeps the first. */
export const insertTimer = `INSERT INTO timers (id, journey_id, stage, key, fire_at, event, status, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'scheduled', $7) ON CONFLICT (id) DO NOTHING`;
export const cancelTimers = `UPDATE timers SET status = 'cancelled', result = $3 WHERE journey_id = $1 AND stage = $2 AND status = 'scheduled' RETURNING id`;
const TIMER_COLUMNS = 'id, journey_id, stage, key, fire_at, event, status, result, created_at, fired_at';
/** $1 now, $2 how many: due timers, read without locks (each is fired in a transaction that locks its journey first). */
export const dueTimers = `SELECT id, journey_id FROM timers WHERE status = 'scheduled' AND fire_at <= $1 ORDER BY fire_at LIMIT $2`;
/** The timer if it is still scheduled, locked: it fires exactly once. */
export const lockScheduledTimer = `SELECT ${TIMER_COLUMNS} FROM timers WHERE id = $1 AND status = 'scheduled' FOR UPDATE`;
export const markTimerFired = `UPDATE timers SET status = 'fired', fired_at = $2, result = $3 WHERE id = $1 AND status = 'scheduled'`;
export const setTimerResult = `UPDATE timers SET result = $2 WHERE id = $1`;
export const timersOfJourney = `SELECT ${TIMER_COLUMNS} FROM timers WHERE journey_id = $1 ORDER BY fire_at, id`;
export const nextTimerAt = `SELECT min(fire_at) AS at FROM timers WHERE status = 'scheduled'`;

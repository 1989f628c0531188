// The SQL of the task queue, kept apart from the code that runs it (as pg-boss does with plans.ts):
// claiming with FOR UPDATE SKIP LOCKED, leases, outcomes, dependency release and the lease sweep.

/** Channel NOTIFYed whenever a task becomes claimable, so idle workers wake at once. */
export const TASKS_CHANNEL = 'ow_tasks';

export const TASK_COLUMNS = `t.id, t.seq, t.journey_id, t.uow_id, t.stage, t.key, t.name, t.handler, t.agent, t.kind, t.status,
  t.attempt, t.total_attempts, t.max_retries, t.retry, t.waiting_on, t.dependants, t.run_at, t.lease_owner, t.lease_expires_at,
  t.idempotency_key, t.input, t.output, t.output_schema, t.emits, t.last_error, t.created_at, t.ready_at, t.started_at,
  t.attempt_started_at, t.finished_at, t.dead_lettered_at, t.updated_at`;

/** With the ids of the tasks it depends on (for reads shown to people; claims do not need them). */
export const TASK_COLUMNS_WITH_DEPS = `${TASK_COLUMNS},
  ARRAY(SELECT d.depends_on FROM task_dependencies d WHERE d.task_id = t.id ORDER BY d.depends_on) AS depends_on`;

/** A ready human task's due instant: when it became ready plus its timeout (the person's time). */
const HUMAN_DUE = (readyAt: string, retry: string) => `${readyAt} + ((${retry}->>'timeoutMs')::bigint * interval '1 millisecond')`;

/** Human tasks never hold a lease: their lease_expires_at is the instant they are due (see dueAt). */
export const insertTask = `INSERT INTO tasks AS t (id, journey_id, uow_id, stage, key, name, handler, agent, kind, status, max_retries, retry,
  waiting_on, run_at, idempotency_key, input, output_schema, emits, created_at, ready_at, updated_at, lease_expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11::jsonb, $12::int, $13, $14, $15::jsonb, $16::jsonb, $17, $18,
    CASE WHEN $12::int = 0 THEN $18::timestamptz END, $18,
    CASE WHEN $12::int = 0 AND $9::text = 'human' THEN ${HUMAN_DUE('$18::timestamptz', '$11::jsonb')} END)
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING ${TASK_COLUMNS}`;

/** The batch INSERT of insertTaskBatch (see there), returning the new rows: shared with insertTaskBatchWithEvent. */
const INSERT_BATCH = `INSERT INTO tasks AS t (id, journey_id, uow_id, stage, key, name, handler, agent, kind, status, max_retries, retry,
  waiting_on, run_at, idempotency_key, input, output_schema, emits, created_at, ready_at, updated_at, lease_expires_at)
  SELECT v.id, v.journey_id, v.uow_id, v.stage, v.key, v.name, v.handler, v.agent, v.kind, 'pending', v.max_retries, v.retry::jsonb, v.waiting_on, v.run_at,
    v.idempotency_key, v.input::jsonb, v.output_schema::jsonb, v.emits, $18, CASE WHEN v.waiting_on = 0 THEN $18::timestamptz END, $18,
    CASE WHEN v.waiting_on = 0 AND v.kind = 'human' THEN ${HUMAN_DUE('$18::timestamptz', 'v.retry::jsonb')} END
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[],
    $12::int[], $13::timestamptz[], $14::text[], $15::text[], $16::text[], $17::text[])
    WITH ORDINALITY AS v(id, journey_id, uow_id, stage, key, name, handler, agent, kind, max_retries, retry, waiting_on, run_at, idempotency_key, input, output_schema, emits, n)
  ORDER BY v.n
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING ${TASK_COLUMNS}`;

/** Idle workers wake on commit when any inserted task is claimable (a NOTIFY in the same round trip). */
const WAKE_WORKERS = `woke AS (SELECT pg_notify('${TASKS_CHANNEL}', '') FROM ins WHERE ins.waiting_on = 0 AND ins.kind = 'automated' HAVING count(*) > 0)`;

/**
 * insertTask for a whole batch in one statement: $1…$17 are arrays (one element per task, in the
 * order of insertTask's $1…$17) and $18 is now; rows go in array order (seq follows it). NOTIFYs
 * TASKS_CHANNEL when a claimable task is among them.
 */
export const insertTaskBatch = `WITH ins AS (${INSERT_BATCH}),
  ${WAKE_WORKERS}
  SELECT ins.* FROM ins LEFT JOIN woke ON true ORDER BY ins.seq`;

/** Most task ids a task.enqueued event lists (the count covers the rest). */
export const ENQUEUED_IDS_SHOWN = 50;

/**
 * A standalone batch without dependencies, enqueued in one statement that is its own transaction:
 * insertTaskBatch ($1…$18) plus its task.enqueued event (key $19, `{count, ids, actor}`) and audit
 * entry (actor $20, target $19), with both NOTIFYs. One round trip instead of four: on an idle
 * machine each round trip wakes two processes, and the enqueue's are part of enqueue → start.
 * Nothing new (every key already stored) writes no event and no audit entry. Each row comes with
 * the event's id (null then).
 */
export const insertTaskBatchWithEvent = (idBase: string, eventsChannel: string): string => `WITH ins AS (${INSERT_BATCH}),
  ${WAKE_WORKERS},
  total AS (SELECT count(*) AS n FROM ins),
  ev AS (
    INSERT INTO events (id, topic, key, payload, created_at)
    SELECT ${idBase} + 1, 'task.enqueued', $19::text, jsonb_build_object('count', total.n,
        'ids', (SELECT jsonb_agg(f.id ORDER BY f.seq) FROM (SELECT id, seq FROM ins ORDER BY seq LIMIT ${ENQUEUED_IDS_SHOWN}) f), 'actor', $20::text), $18
    FROM total WHERE total.n > 0 RETURNING id),
  told AS (SELECT pg_notify('${eventsChannel}', max(id)::text || ' task') FROM ev HAVING count(*) > 0),
  aud AS (
    INSERT INTO audit_log (actor, action, target, summary, created_at)
    SELECT $20::text, 'task.enqueue', $19::text, 'enqueued ' || total.n || ' task(s): ' ||
        (SELECT string_agg(h.handler, ', ' ORDER BY h.first) FROM (SELECT handler, min(seq) AS first FROM ins GROUP BY handler) h), $18
    FROM total WHERE total.n > 0)
  SELECT ins.*, ev.id AS event_id FROM ins LEFT JOIN woke ON true LEFT JOIN ev ON true LEFT JOIN told ON true ORDER BY ins.seq`;

export const insertDependency = `WITH edge AS (INSERT INTO task_dependencies (task_id, depends_on) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING depends_on)
  UPDATE tasks SET dependants = dependants + 1 WHERE id IN (SELECT depends_on FROM edge)`;

/**
 * $1 now, $2 how many, $3 worker id, $4 lease expiry. SKIP LOCKED lets any number of workers
 * claim side by side without waiting on each other or taking the same task twice.
 */
export const claimTasks = `WITH picked AS (
    SELECT id FROM tasks
    WHERE status = 'pending' AND kind = 'automated' AND waiting_on = 0 AND run_at <= $1
    ORDER BY run_at, seq
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE tasks t SET status = 'running', attempt = t.attempt + 1, total_attempts = t.total_attempts + 1,
    lease_owner = $3, lease_expires_at = $4, attempt_started_at = $1, started_at = COALESCE(t.started_at, $1), updated_at = $1
  FROM picked WHERE t.id = picked.id
  RETURNING ${TASK_COLUMNS}`;

/** The task events the claim and the batch completion write in their own statement (as taskEventPayload does). */
const EVENT_PAYLOAD = (t: string, extra: string) =>
  `jsonb_build_object('journeyId', ${t}.journey_id, 'stage', ${t}.stage, 'unitId', ${t}.uow_id, 'taskId', ${t}.id, 'handler', ${t}.handler, 'attempt', ${t}.attempt, ${extra})`;

/**
 * Appends to a statement whose CTE `rows` returned task rows: one `topic` event per row (ids as
 * events-repo numbers them, `idBase` being its EVENT_ID_BASE), the NOTIFY of the event channel, and
 * the rows with the ids of their events. The change and its events stay one atomic statement.
 */
function withTaskEvents(topic: string, payloadExtra: string, at: string, idBase: string, channel: string): string {
  // Event ids are numbered on the task rows first, so the answer needs no join back from the events.
  return `, numbered AS (SELECT r.*, ${idBase} + row_number() OVER (ORDER BY r.seq) AS event_id FROM rows r),
  ev AS (
    INSERT INTO events (id, topic, key, payload, created_at)
    SELECT n.event_id, '${topic}', coalesce(n.journey_id, n.id), ${EVENT_PAYLOAD('n', payloadExtra)}, ${at}
    FROM numbered n RETURNING id),
  woke AS (SELECT pg_notify('${channel}', max(id)::text || ' ${topic.split('.')[0]}') FROM ev HAVING count(*) > 0)
  SELECT n.* FROM numbered n LEFT JOIN woke ON true ORDER BY n.seq`;
}

/**
 * The claim in one statement (one round trip, no explicit transaction): $1 now, $2 how many, $3
 * worker id, $4 lease expiry; every claimed task comes with the id of its task.started event.
 */
export const claimTasksWithEvents = (idBase: string, channel: string): string => `WITH picked AS (
    SELECT id FROM tasks
    WHERE status = 'pending' AND kind = 'automated' AND waiting_on = 0 AND run_at <= $1
    ORDER BY run_at, seq
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), rows AS (
  UPDATE tasks t SET status = 'running', attempt = t.attempt + 1, total_attempts = t.total_attempts + 1,
    lease_owner = $3, lease_expires_at = $4, attempt_started_at = $1, started_at = COALESCE(t.started_at, $1), updated_at = $1
  FROM picked WHERE t.id = picked.id
  RETURNING ${TASK_COLUMNS})
  ${withTaskEvents('task.started', `'worker', $3::text`, '$1', idBase, channel)}`;

/**
 * completeLeasedBatch with its task.completed events in one statement (tasks nothing depends on,
 * outside journeys): $1 ids, $2 attempts, $3 outputs, $4 now, $5 worker, $6 when each handler started
 * (a prefetched task waited in the worker after its claim). Returns each task's id with its event.
 */
export const completeLeasedBatchWithEvents = (idBase: string, channel: string): string => `WITH rows AS (
  UPDATE tasks t SET status = 'completed', output = v.output::jsonb, finished_at = $4, last_error = NULL,
    lease_owner = NULL, lease_expires_at = NULL, updated_at = $4, attempt_started_at = v.started
  FROM unnest($1::text[], $2::int[], $3::text[], $6::timestamptz[]) AS v(id, attempt, output, started)
  WHERE t.id = v.id AND t.status = 'running' AND t.lease_owner = $5 AND t.attempt = v.attempt
  RETURNING t.id, t.seq, t.journey_id, t.uow_id, t.stage, t.handler, t.attempt, t.attempt_started_at),
  ev AS (
    INSERT INTO events (id, topic, key, payload, created_at)
    SELECT ${idBase} + row_number() OVER (ORDER BY r.seq), 'task.completed', coalesce(r.journey_id, r.id),
      ${EVENT_PAYLOAD('r', `'worker', $5::text, 'durationMs', (extract(epoch FROM ($4::timestamptz - r.attempt_started_at)) * 1000)::bigint`)}, $4
    FROM rows r RETURNING id, key, payload),
  woke AS (SELECT pg_notify('${channel}', max(id)::text || ' task') FROM ev HAVING count(*) > 0)
  SELECT ev.payload->>'taskId' AS task_id, ev.id AS event_id, ev.key, ev.payload FROM ev LEFT JOIN woke ON true ORDER BY ev.id`;

/**
 * Gives back prefetched tasks a worker claimed but never started (they waited too long behind its busy
 * slots): pending again in their old place, as if never claimed. $1 worker, $2 ids, $3 reason, $4 now.
 */
export const releaseUnstarted = `UPDATE tasks t SET status = 'pending', attempt = t.attempt - 1, total_attempts = t.total_attempts - 1,
  started_at = CASE WHEN t.total_attempts = 1 THEN NULL ELSE t.started_at END, attempt_started_at = NULL, last_error = $3,
  lease_owner = NULL, lease_expires_at = NULL, updated_at = $4
  WHERE t.lease_owner = $1 AND t.status = 'running' AND t.id = ANY($2::text[]) RETURNING ${TASK_COLUMNS}`;

/** $1 worker, $2 task ids, $3 new expiry: extends the leases this worker still holds. */
export const renewLeases = `UPDATE tasks SET lease_expires_at = $3
  WHERE lease_owner = $1 AND status = 'running' AND id = ANY($2::text[]) RETURNING id`;

/** The guard every outcome of a leased attempt carries: still running, still ours, same attempt. */
const HELD = `id = $1 AND status = 'running' AND lease_owner = $2 AND attempt = $3`;

/** $1 id, $2 worker, $3 attempt, $4 output, $5 now. */
export const completeLeased = `UPDATE tasks t SET status = 'completed', output = $4::jsonb, finished_at = $5, last_error = NULL,
  lease_owner = NULL, lease_expires_at = NULL, updated_at = $5
  WHERE ${HELD} RETURNING ${TASK_COLUMNS}`;

/**
 * $1 ids, $2 attempts, $3 outputs (JSON text), $4 now, $5 worker: completes several leased attempts in
 * one statement (tasks nothing depends on, outside journeys); each row keeps the HELD guard.
 */
export const completeLeasedBatch = `UPDATE tasks t SET status = 'completed', output = v.output::jsonb, finished_at = $4, last_error = NULL,
  lease_owner = NULL, lease_expires_at = NULL, updated_at = $4
  FROM unnest($1::text[], $2::int[], $3::text[]) AS v(id, attempt, output)
  WHERE t.id = v.id AND t.status = 'running' AND t.lease_owner = $5 AND t.attempt = v.attempt
  RETURNING ${TASK_COLUMNS}`;

/** $1 id, $2 worker, $3 attempt, $4 error, $5 run again at, $6 now. */
export const retryLeased = `UPDATE tasks t SET status = 'pending', last_error = $4, run_at = $5, lease_owner = NULL, lease_expires_at = NULL, updated_at = $6
  WHERE ${HELD} RETURNING ${TASK_COLUMNS}`;

/** $1 id, $2 worker, $3 attempt, $4 error, $5 now. */
export const deadLetterLeased = `UPDATE tasks t SET status = 'failed', last_error = $4, dead_lettered_at = $5, finished_at = $5,
  lease_owner = NULL, lease_expires_at = NULL, updated_at = $5
  WHERE ${HELD} RETURNING ${TASK_COLUMNS}`;

/** A graceful stop gives the attempt back: it was not the task's fault. $1 worker, $2 reason, $3 now. */
export const releaseLeases = `UPDATE tasks t SET status = 'pending', attempt = GREATEST(t.attempt - 1, 0), last_error = $2, run_at = $3,
  lease_owner = NULL, lease_expires_at = NULL, updated_at = $3
  WHERE lease_owner = $1 AND status = 'running' RETURNING ${TASK_COLUMNS}`;

/**
 * $1 now, $2 how many: running tasks whose worker stopped renewing the lease (crashed, killed, cut
 * off). Read without locks: each is then handled in its own transaction that locks its journey first.
 */
export const expiredLeases = `SELECT t.id, t.journey_id FROM tasks t
  WHERE status = 'running' AND lease_expires_at < $1
  ORDER BY lease_expires_at LIMIT $2`;

/** $1 id, $2 output, $3 now: a person completed a human task that was waiting for them. */
export const completeHuman = `UPDATE tasks t SET status = 'completed', output = $2::jsonb, finished_at = $3, started_at = COALESCE(t.started_at, $3),
  attempt = t.attempt + 1, total_attempts = t.total_attempts + 1, last_error = NULL, lease_expires_at = NULL, updated_at = $3
  WHERE id = $1 AND status = 'pending' AND kind = 'human' AND waiting_on = 0 RETURNING ${TASK_COLUMNS}`;

/** $1 id, $2 reason, $3 now: a person failed a human task (declined it). */
export const failHuman = `UPDATE tasks t SET status = 'failed', last_error = $2, finished_at = $3, dead_lettered_at = $3,
  started_at = COALESCE(t.started_at, $3), attempt = t.attempt + 1, total_attempts = t.total_attempts + 1, lease_expires_at = NULL, updated_at = $3
  WHERE id = $1 AND status = 'pending' AND kind = 'human' AND waiting_on = 0 RETURNING ${TASK_COLUMNS}`;

/** $1 now, $2 how many: ready human tasks nobody completed before they were due. */
export const overdueHumanTasks = `SELECT t.id, t.journey_id FROM tasks t
  WHERE status = 'pending' AND kind = 'human' AND waiting_on = 0 AND lease_expires_at < $1
  ORDER BY lease_expires_at LIMIT $2`;

/** $1 id, $2 reason, $3 now: fails an overdue human task (still pending, ready and overdue under the lock). */
export const timeOutHuman = `UPDATE tasks t SET status = 'failed', last_error = $2, finished_at = $3, dead_lettered_at = $3,
  lease_expires_at = NULL, updated_at = $3
  WHERE id = $1 AND status = 'pending' AND kind = 'human' AND waiting_on = 0 AND lease_expires_at < $3 RETURNING ${TASK_COLUMNS}`;

/** $1 completed task, $2 now: its dependants wait on one task fewer; those reaching 0 become ready. */
export const releaseDependants = `UPDATE tasks t SET waiting_on = t.waiting_on - 1,
  ready_at = CASE WHEN t.waiting_on = 1 THEN $2 ELSE t.ready_at END, run_at = CASE WHEN t.waiting_on = 1 THEN GREATEST(t.run_at, $2) ELSE t.run_at END,
  lease_expires_at = CASE WHEN t.waiting_on = 1 AND t.kind = 'human' THEN ${HUMAN_DUE('$2::timestamptz', 't.retry')} ELSE t.lease_expires_at END,
  updated_at = $2
  WHERE t.status = 'pending' AND t.waiting_on > 0 AND t.id IN (SELECT d.task_id FROM task_dependencies d WHERE d.depends_on = $1)
  RETURNING ${TASK_COLUMNS}`;

/** $1 id, $2 now: an operator retries a failed or cancelled task with a fresh retry budget. */
export const retryManually = `UPDATE tasks t SET status = 'pending', attempt = 0, run_at = $2, dead_lettered_at = NULL, finished_at = NULL,
  lease_owner = NULL, lease_expires_at = CASE WHEN t.kind = 'human' THEN ${HUMAN_DUE('$2::timestamptz', 't.retry')} END, updated_at = $2,
  waiting_on = (SELECT count(*)::int FROM task_dependencies d JOIN tasks u ON u.id = d.depends_on WHERE d.task_id = t.id AND u.status <> 'completed')
  WHERE id = $1 AND status IN ('failed', 'cancelled') RETURNING ${TASK_COLUMNS}`;

/** $1 id, $2 reason, $3 now. */
export const cancelOne = `UPDATE tasks t SET status = 'cancelled', last_error = $2, finished_at = $3, lease_owner = NULL, lease_expires_at = NULL, updated_at = $3
  WHERE id = $1 AND status IN ('pending', 'running') RETURNING ${TASK_COLUMNS}`;

/** $1 journey, $2 stage or null for every stage, $3 reason, $4 now. */
export const cancelOpenOfJourney = `UPDATE tasks t SET status = 'cancelled', last_error = $3, finished_at = $4, lease_owner = NULL, lease_expires_at = NULL, updated_at = $4
  WHERE journey_id = $1 AND ($2::text IS NULL OR stage = $2) AND status IN ('pending', 'running') RETURNING ${TASK_COLUMNS}`;

export const lockTask = `SELECT ${TASK_COLUMNS} FROM tasks t WHERE id = $1 FOR UPDATE`;

export const getTask = `SELECT ${TASK_COLUMNS_WITH_DEPS} FROM tasks t WHERE id = $1`;

export const tasksOfUnit = 'SELECT id, status FROM tasks WHERE uow_id = $1 ORDER BY seq';

export const tasksOfJourney = `SELECT ${TASK_COLUMNS_WITH_DEPS} FROM tasks t WHERE journey_id = $1 ORDER BY seq`;

/** The next instant a pending automated task becomes due (for the worker's wake-up timer). */
export const nextDueAt = `SELECT min(run_at) AS at FROM tasks WHERE status = 'pending' AND kind = 'automated' AND waiting_on = 0`;

export interface TaskListFilter {
  status?: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' | 'dead_lettered' | 'ready' | 'waiting_for_person';
  journeyId?: string;
  handler?: string;
  kind?: 'automated' | 'human';
  /** Only tasks with seq below this (the cursor of the previous page). */
  before?: number;
  limit: number;
}

/** A filtered, newest-first page of tasks. */
export function listTasksPlan(f: TaskListFilter): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (clause: (n: number) => string, value: string | number) => {
    params.push(value);
    where.push(clause(params.length));
  };
  switch (f.status) {
    case undefined:
      break;
    case 'dead_lettered':
      where.push('t.dead_lettered_at IS NOT NULL');
      break;
    case 'ready':
      where.push("t.status = 'pending' AND t.waiting_on = 0");
      break;
    case 'waiting_for_person':
      where.push("t.status = 'pending' AND t.waiting_on = 0 AND t.kind = 'human'");
      break;
    default:
      add((n) => `t.status = $${n}`, f.status);
  }
  if (f.journeyId !== undefined) add((n) => `t.journey_id = $${n}`, f.journeyId);
  if (f.handler !== undefined) add((n) => `t.handler = $${n}`, f.handler);
  if (f.kind !== undefined) add((n) => `t.kind = $${n}`, f.kind);
  if (f.before !== undefined) add((n) => `t.seq < $${n}`, f.before);
  params.push(f.limit);
  return {
    sql: `SELECT ${TASK_COLUMNS_WITH_DEPS} FROM tasks t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.seq DESC LIMIT $${params.length}`,
    params,
  };
}

export const countByStatus = `SELECT status, count(*)::int AS n FROM tasks GROUP BY status`;

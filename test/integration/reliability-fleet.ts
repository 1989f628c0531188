// Shared by the reliability tests: a fleet of real `ow worker` processes (with the test plugin's
// handler and a short lease), 5,000 effect tasks in journeys' units of work, and the checks every
// fault must pass: all complete, each effect once, no journey left stuck.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { JourneyDefinitionInput } from '../../src/core/journey/definition-schema';
import { systemClock } from '../../src/engine/clock';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import type { Db } from '../../src/store/db';
import { startOw } from '../helpers/cli';
import { until as untilReached } from '../helpers/until';

export const LEASE_MS = 2_000;
export const SWEEP_MS = 300;
/**
 * Tasks per journey: UNITS units of TASKS_PER_UNIT effect tasks, then a one-task unit that waits on
 * them all. Small journeys: a completion locks its journey row, so the tasks running at once (claimed
 * in order, hence mostly of neighbouring journeys) should spread over many journeys.
 */
export const UNITS = 3;
export const TASKS_PER_UNIT = 3;
export const TASKS_PER_JOURNEY = UNITS * TASKS_PER_UNIT + 1;
/**
 * Tasks per fault: 5,000, the figure (OW_RELIABILITY_TASKS sets another). It was 1,000 while the
 * five faults at 5,000 took over 6 minutes under load and a SIGKILLed worker's ~90 orphans needed 6 s
 * to be swept one transaction each; with a journey's orphans taken back in one transaction, the five
 * take about 4 minutes on a quiet two-core machine.
 */
export const JOURNEYS = Math.max(1, Math.round(Number(process.env.OW_RELIABILITY_TASKS ?? 5_000) / TASKS_PER_JOURNEY));
export const TASKS = JOURNEYS * TASKS_PER_JOURNEY;
export const WORKERS = 4;
export const CONCURRENCY = 8;
const PLUGIN = fileURLToPath(new URL('./reliability-plugin.ts', import.meta.url));

export interface FleetWorker {
  child: ChildProcess;
  /** The id its task leases carry (lease_owner). */
  leaseId: string;
  killed: boolean;
  /** What it wrote to stderr (why it exited, when it did). */
  stderr: () => string;
}

/** The shared helper's `until`, where a probe that fails counts as "not yet": PostgreSQL may be restarting. */
export function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, everyMs = 50): Promise<T> {
  return untilReached(what, () => probe().catch(() => undefined), timeoutMs, everyMs);
}

export class Fleet {
  readonly workers: FleetWorker[] = [];

  constructor(private readonly url: string) {}

  async spawn(n: number): Promise<FleetWorker[]> {
    const env = {
      DATABASE_URL: this.url,
      OW_TASK_LEASE_MS: String(LEASE_MS),
      OW_TASK_SWEEP_MS: String(SWEEP_MS),
      OW_TASK_POLL_MS: '250',
      OW_WORKER_CONCURRENCY: String(CONCURRENCY),
      OW_WORKER_PLUGIN: PLUGIN,
    };
    const started = await Promise.all(Array.from({ length: n }, () => startOw(['worker'], /task leases as (tw_[0-9a-f]+)\)/, env, 120_000)));
    const added = started.map((s) => ({ child: s.child, leaseId: /task leases as (tw_[0-9a-f]+)\)/.exec(s.stdout())![1]!, killed: false, stderr: s.stderr }));
    this.workers.push(...added);
    return added;
  }

  alive(): FleetWorker[] {
    return this.workers.filter((w) => !w.killed);
  }

  /** SIGKILLs a worker; resolves once the process is gone (nothing it had in flight can commit after that). */
  kill(w: FleetWorker): Promise<void> {
    w.killed = true;
    const gone = new Promise<void>((resolve) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) resolve();
      else w.child.once('exit', () => resolve());
    });
    w.child.kill('SIGKILL');
    return gone;
  }

  /** Every worker not killed by the test is still running: none gave up and exited. */
  expectAllAlive(): void {
    const exited = this.alive().filter((w) => w.child.exitCode !== null);
    expect(exited.map((w) => `exit ${w.child.exitCode}: ${w.stderr().slice(-2_000)}`)).toEqual([]);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once('close', () => resolve());
            w.child.kill('SIGKILL');
          }),
      ),
    );
  }
}

export async function prepareEffects(db: Db): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS reliability_effects (idempotency_key text PRIMARY KEY, task_id text NOT NULL, runs int NOT NULL DEFAULT 1)');
}

/**
 * One definition per fault (its tasks carry that fault's handler input): stage `work` creates UNITS
 * units of effect tasks and a `finish` unit that depends on all of them; its one task emits
 * `work_done`, which moves the journey to `done` once every unit has completed (guard units_completed).
 * A journey still in `work` after its tasks are done is stuck: some completion did not settle it.
 */
export function effectDefinition(id: string, input: Record<string, unknown>, maxRetries: number): JourneyDefinitionInput {
  const retry = { maxRetries, baseDelayMs: 0, maxDelayMs: 0 };
  const units = Array.from({ length: UNITS }, (_, u) => ({
    key: `batch-${u}`,
    name: `Batch ${u}`,
    tasks: Array.from({ length: TASKS_PER_UNIT }, (_, k) => ({ key: `effect-${k}`, name: `Effect ${u}.${k}`, handler: 'reliability-effect', input, retry })),
  }));
  const finish = { key: 'finish', name: 'Finish', dependsOn: units.map((u) => u.key), tasks: [{ key: 'seal', name: 'Seal', handler: 'reliability-effect', input: {}, retry, emits: 'work_done' }] };
  return {
    id,
    name: `Reliability ${id}`,
    events: [{ name: 'start_work' }, { name: 'work_done' }],
    stages: [
      { id: 'work', name: 'Work', kind: 'active', unitsOfWork: [...units, finish] },
      { id: 'done', name: 'Done', kind: 'final', outcome: 'success' },
    ],
    transitions: [
      { from: null, event: 'start_work', to: 'work' },
      { from: 'work', event: 'work_done', to: 'done', guard: 'units_completed' },
    ],
  };
}

/** Journey starts in flight at once (the tests open their database with a pool this wide). */
export const STARTS_AT_ONCE = 6;

/** A fault's work: the journeys of one definition. */
export interface Batch {
  definition: string;
  journeys: string[];
}

/**
 * Registers the fault's definition and starts JOURNEYS journeys of it (TASKS tasks), STARTS_AT_ONCE at a time:
 * each start inserts its journey's tasks in one transaction, and the workers start on the first ones
 * while the rest are still being created.
 */
export async function startEffects(db: Db, name: string, input: Record<string, unknown> = {}, maxRetries = 10): Promise<Batch> {
  const local = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
  // The handler runs in the workers (their plugin); here it only has to be a known name.
  local.handlers.register('reliability-effect', async () => ({}));
  // A fresh id per attempt: a retried test must not find the first attempt's journeys done.
  const definition = `rel-${name}-${Date.now().toString(36)}`;
  await local.definitions.register(effectDefinition(definition, input, maxRetries), 'reliability-test');
  const journeys: string[] = [];
  for (let i = 0; i < JOURNEYS; i += STARTS_AT_ONCE) {
    const started = await Promise.all(
      Array.from({ length: Math.min(STARTS_AT_ONCE, JOURNEYS - i) }, (_, k) => local.journeys.start({ definition, clientId: `${name}-${i + k}` }, 'reliability-test')),
    );
    journeys.push(...started.map((s) => s.journey.journeyId));
  }
  return { definition, journeys };
}

const OF_BATCH = 'SELECT journey_id FROM journey_states WHERE definition_id = $1';

export async function completed(db: Db, batch: Batch): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE journey_id IN (${OF_BATCH}) AND status = 'completed'`, [batch.definition]);
  return rows[0]!.n;
}

export function allCompleted(db: Db, batch: Batch, timeoutMs = 150_000): Promise<true> {
  return until(`all ${TASKS} ${batch.definition} tasks to complete`, async () => ((await completed(db, batch)) === TASKS ? true : undefined), timeoutMs, 200);
}

/** Every task completed, each effect applied exactly once (one row per key under its unique constraint), nothing left behind. */
export async function expectExactlyOnce(db: Db, batch: Batch): Promise<{ reruns: number }> {
  const [statuses] = await db.query<{ completed: number; other: number }>(
    `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE status <> 'completed')::int AS other FROM tasks WHERE journey_id IN (${OF_BATCH})`,
    [batch.definition],
  );
  expect(statuses).toEqual({ completed: TASKS, other: 0 });
  const [effects] = await db.query<{ rows: number; keys: number; runs: number; missing: number }>(
    `WITH mine AS (SELECT idempotency_key FROM tasks WHERE journey_id IN (${OF_BATCH}))
     SELECT count(*)::int AS rows, count(DISTINCT e.idempotency_key)::int AS keys, coalesce(sum(e.runs), 0)::int AS runs,
       (SELECT count(*)::int FROM mine m WHERE NOT EXISTS (SELECT 1 FROM reliability_effects x WHERE x.idempotency_key = m.idempotency_key)) AS missing
     FROM reliability_effects e WHERE e.idempotency_key IN (SELECT idempotency_key FROM mine)`,
    [batch.definition],
  );
  expect({ rows: effects!.rows, keys: effects!.keys, missing: effects!.missing }).toEqual({ rows: TASKS, keys: TASKS, missing: 0 });
  return { reruns: effects!.runs - TASKS };
}

interface JourneyRow {
  journey_id: string;
  status: string;
  current_stage: string;
  units: number;
  units_completed: number;
  tasks: number;
  tasks_completed: number;
  expired_leases: number;
  waiting_on_done: number;
}

/**
 * No journey left stuck: each has reached the state its completed work implies. With every task
 * completed, every unit of work must be completed, the journey completed in `done` (the finish
 * task's event moved it on), no task still running on an expired lease, and no task still counted
 * as waiting on a dependency that is done. Lists the journeys that are not, with what is off.
 */
export async function expectNoJourneyStuck(db: Db, batch: Batch): Promise<void> {
  const rows = await db.query<JourneyRow>(
    `SELECT j.journey_id, j.status, j.current_stage,
       (SELECT count(*)::int FROM units_of_work u WHERE u.journey_id = j.journey_id) AS units,
       (SELECT count(*)::int FROM units_of_work u WHERE u.journey_id = j.journey_id AND u.status = 'completed') AS units_completed,
       (SELECT count(*)::int FROM tasks t WHERE t.journey_id = j.journey_id) AS tasks,
       (SELECT count(*)::int FROM tasks t WHERE t.journey_id = j.journey_id AND t.status = 'completed') AS tasks_completed,
       (SELECT count(*)::int FROM tasks t WHERE t.journey_id = j.journey_id AND t.status = 'running' AND t.lease_expires_at < now()) AS expired_leases,
       (SELECT count(*)::int FROM tasks t WHERE t.journey_id = j.journey_id AND t.waiting_on > 0
          AND NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks up ON up.id = d.depends_on WHERE d.task_id = t.id AND up.status <> 'completed')) AS waiting_on_done
     FROM journey_states j WHERE j.definition_id = $1 ORDER BY j.journey_id`,
    [batch.definition],
  );
  expect(rows.map((r) => r.journey_id).sort()).toEqual([...batch.journeys].sort());
  const stuck = rows
    .filter((r) => r.status !== 'completed' || r.current_stage !== 'done' || r.units !== UNITS + 1 || r.units_completed !== r.units || r.tasks_completed !== r.tasks || r.expired_leases > 0 || r.waiting_on_done > 0)
    .map((r) => `${r.journey_id}: ${r.status} in ${r.current_stage}, units ${r.units_completed}/${r.units} completed, tasks ${r.tasks_completed}/${r.tasks}, ${r.expired_leases} on an expired lease, ${r.waiting_on_done} waiting on done work`);
  expect(stuck).toEqual([]);
  const tasks = rows.reduce((n, r) => n + r.tasks, 0);
  expect(tasks).toBe(TASKS);
}

/** All of a fault's checks once its work is done: complete, exactly once, no journey stuck. */
export async function expectSettled(db: Db, batch: Batch, timeoutMs?: number): Promise<{ reruns: number }> {
  await allCompleted(db, batch, timeoutMs);
  const once = await expectExactlyOnce(db, batch);
  await expectNoJourneyStuck(db, batch);
  return once;
}

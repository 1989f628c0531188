// Shared by the reliability tests: a fleet of real `ow worker` processes (with the test plugin's
// handler and a short lease), a batch of 5,000 effect tasks, and the checks every fault must pass.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { systemClock } from '../../src/engine/clock';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import type { Db } from '../../src/store/db';
import { startOw } from '../helpers/cli';

export const LEASE_MS = 2_000;
export const SWEEP_MS = 300;
/**
 * Tasks per fault: 5,000 with OW_RELIABILITY_TASKS=5000 (the figure, about 12 minutes for the
 * file on a loaded two-core machine); 1,000 by default so the suite stays within CI's budget.
 */
export const TASKS = Number(process.env.OW_RELIABILITY_TASKS ?? 1_000);
export const WORKERS = 4;
export const CONCURRENCY = 8;
const PLUGIN = fileURLToPath(new URL('./reliability-plugin.ts', import.meta.url));

export interface FleetWorker {
  child: ChildProcess;
  /** The id its task leases carry (lease_owner). */
  leaseId: string;
  killed: boolean;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
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
    const added = started.map((s) => ({ child: s.child, leaseId: /task leases as (tw_[0-9a-f]+)\)/.exec(s.stdout())![1]!, killed: false }));
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
    expect(this.alive().map((w) => w.child.exitCode)).toEqual(this.alive().map(() => null));
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

/** Enqueues `TASKS` effect tasks whose keys start with `prefix`. */
export async function enqueueEffects(db: Db, prefix: string, input: Record<string, unknown> = {}, maxRetries = 10): Promise<void> {
  const local = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
  // The handler runs in the workers (their plugin); here it only has to be a known name.
  local.handlers.register('reliability-effect', async () => ({}));
  for (let i = 0; i < TASKS; i += 1_000) {
    const tasks = Array.from({ length: Math.min(1_000, TASKS - i) }, (_, k) => ({
      key: `${prefix}-${i + k}`,
      handler: 'reliability-effect',
      input,
      idempotencyKey: `${prefix}/${i + k}`,
      retry: { maxRetries, baseDelayMs: 0, maxDelayMs: 0 },
    }));
    await local.tasks.enqueue({ tasks }, 'reliability-test');
  }
}

export async function completed(db: Db, prefix: string): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE idempotency_key LIKE $1 AND status = 'completed'", [`${prefix}/%`]);
  return rows[0]!.n;
}

export function allCompleted(db: Db, prefix: string, timeoutMs = 150_000): Promise<true> {
  return until(`all ${TASKS} ${prefix} tasks to complete`, async () => ((await completed(db, prefix)) === TASKS ? true : undefined), timeoutMs, 200);
}

/** Every task completed, each effect applied exactly once (one row per key under its unique constraint), nothing left behind. */
export async function expectExactlyOnce(db: Db, prefix: string): Promise<{ reruns: number }> {
  const [statuses] = await db.query<{ completed: number; other: number }>(
    "SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE status <> 'completed')::int AS other FROM tasks WHERE idempotency_key LIKE $1",
    [`${prefix}/%`],
  );
  expect(statuses).toEqual({ completed: TASKS, other: 0 });
  const [effects] = await db.query<{ rows: number; keys: number; runs: number; missing: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT e.idempotency_key)::int AS keys, coalesce(sum(e.runs), 0)::int AS runs,
       (SELECT count(*)::int FROM tasks t WHERE t.idempotency_key LIKE $1 AND NOT EXISTS (SELECT 1 FROM reliability_effects x WHERE x.idempotency_key = t.idempotency_key)) AS missing
     FROM reliability_effects e WHERE e.idempotency_key LIKE $1`,
    [`${prefix}/%`],
  );
  expect({ rows: effects!.rows, keys: effects!.keys, missing: effects!.missing }).toEqual({ rows: TASKS, keys: TASKS, missing: 0 });
  return { reruns: effects!.runs - TASKS };
}

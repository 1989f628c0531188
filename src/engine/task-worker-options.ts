// How a task worker runs: concurrency, lease and heartbeat, poll and sweep periods, shutdown grace
// and the injected randomness for retry jitter; defaults overridable from the environment.
import { randomBytes } from 'node:crypto';

export interface TaskWorkerOptions {
  workerId: string;
  /** Tasks run at the same time by this process. */
  concurrency: number;
  /**
   * Tasks a worker may claim beyond its free slots, to start the moment a slot frees (fewer, larger
   * claims, as graphile-worker's local queue); 0 claims only for free slots.
   */
  prefetch: number;
  /** A prefetched task not started within this long is given back for other workers. */
  prefetchTtlMs: number;
  /** A running task not renewed for this long is taken back by the sweep. */
  leaseMs: number;
  heartbeatMs: number;
  /** Fallback wake-up when no NOTIFY arrives (and for tasks whose backoff ends). */
  pollMs: number;
  /** How often expired leases are swept and due timers fired. */
  sweepMs: number;
  /** On stop, how long running tasks may finish before their leases are given back. */
  shutdownGraceMs: number;
  /** Injected randomness for retry jitter, in [0, 1). */
  random: () => number;
  onError: (err: unknown, where: string) => void;
}

/** More slots than this only queue on the connection pool; `ow worker --concurrency` refuses it. */
export const MAX_WORKER_CONCURRENCY = 256;

function envInt(name: string, fallback: number, env: NodeJS.ProcessEnv, max = Number.MAX_SAFE_INTEGER, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** Defaults, overridable with OW_WORKER_CONCURRENCY, OW_WORKER_PREFETCH, OW_TASK_LEASE_MS, OW_TASK_POLL_MS, OW_TASK_SWEEP_MS. */
export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<TaskWorkerOptions> = {}): TaskWorkerOptions {
  const leaseMs = overrides.leaseMs ?? envInt('OW_TASK_LEASE_MS', 30_000, env);
  const concurrency = overrides.concurrency ?? envInt('OW_WORKER_CONCURRENCY', 4, env, MAX_WORKER_CONCURRENCY);
  return {
    workerId: overrides.workerId ?? `tw_${randomBytes(6).toString('hex')}`,
    concurrency,
    // Three slots' worth by default: claims come in batches of two to four times the concurrency.
    prefetch: overrides.prefetch ?? envInt('OW_WORKER_PREFETCH', 3 * concurrency, env, 4 * MAX_WORKER_CONCURRENCY, 0),
    prefetchTtlMs: overrides.prefetchTtlMs ?? 1_000,
    leaseMs,
    heartbeatMs: overrides.heartbeatMs ?? Math.max(50, Math.floor(leaseMs / 3)),
    pollMs: overrides.pollMs ?? envInt('OW_TASK_POLL_MS', 1_000, env),
    sweepMs: overrides.sweepMs ?? envInt('OW_TASK_SWEEP_MS', Math.min(5_000, leaseMs), env),
    shutdownGraceMs: overrides.shutdownGraceMs ?? 5_000,
    random: overrides.random ?? Math.random,
    onError: overrides.onError ?? (() => undefined),
  };
}

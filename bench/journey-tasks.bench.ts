// Task throughput through the claim loop: no-op tasks per second on PGlite (in process) and on
// PostgreSQL with 1 and 2 `ow worker` processes, plus enqueue-to-start and enqueue-to-finish
// latency of single tasks on an idle worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { systemClock } from '../src/engine/clock';
import { JourneyRuntime } from '../src/engine/journey-runtime';
import type { Db } from '../src/store/db';
import { openPglite } from '../src/store/drivers/pglite-driver';
import { openPostgres } from '../src/store/drivers/pg-driver';
import { migrate } from '../src/store/migrate';
import { startEmbeddedPostgres } from './support/embedded-pg';
import { emit, summarize } from './support/percentiles';

const TASKS = Number(process.env.OW_BENCH_TASKS ?? 2_000);
const LATENCY_SAMPLES = Number(process.env.OW_BENCH_SAMPLES ?? 100);
const CONCURRENCY = Number(process.env.OW_BENCH_CONCURRENCY ?? 8);
const OW_BIN = fileURLToPath(new URL('../bin/ow.mjs', import.meta.url));

async function enqueueNoops(rt: JourneyRuntime, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1000) {
    const size = Math.min(1000, n - i);
    await rt.tasks.enqueue({ tasks: Array.from({ length: size }, (_, k) => ({ key: `t${i + k}`, handler: 'noop' })) }, 'bench');
  }
}

async function completed(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'completed'");
  return rows[0]?.n ?? 0;
}

async function waitFor(db: Db, target: number, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await completed(db)) < target) {
    if (Date.now() > end) throw new Error(`only ${await completed(db)} of ${target} tasks completed in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Enqueue-to-start and enqueue-to-finish of one task at a time, from the rows' own instants. */
async function latency(rt: JourneyRuntime, db: Db): Promise<{ toStart: ReturnType<typeof summarize>; toFinish: ReturnType<typeof summarize> }> {
  const toStart: number[] = [];
  const toFinish: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const [task] = await rt.tasks.enqueue({ tasks: [{ key: `lat${i}`, handler: 'noop' }] }, 'bench');
    for (;;) {
      const rows = await db.query<{ status: string; created_at: Date; attempt_started_at: Date | null; finished_at: Date | null }>('SELECT status, created_at, attempt_started_at, finished_at FROM tasks WHERE id = $1', [task!.id]);
      const r = rows[0]!;
      if (r.status === 'completed') {
        toStart.push(r.attempt_started_at!.getTime() - r.created_at.getTime());
        toFinish.push(r.finished_at!.getTime() - r.created_at.getTime());
        break;
      }
      await new Promise((res) => setTimeout(res, 2));
    }
  }
  return { toStart: summarize(toStart), toFinish: summarize(toFinish) };
}

async function pglite(): Promise<void> {
  const db = await openPglite(undefined, 'memory');
  await migrate(db);
  const rt = new JourneyRuntime({ db, clock: systemClock, kind: 'worker', onEvents: () => undefined, worker: { concurrency: CONCURRENCY, pollMs: 200 }, env: {} });
  await rt.start();
  try {
    await enqueueNoops(rt, 1);
    await waitFor(db, 1);
    const before = await completed(db);
    const t0 = performance.now();
    await enqueueNoops(rt, TASKS);
    await waitFor(db, before + TASKS);
    const seconds = (performance.now() - t0) / 1000;
    const lat = await latency(rt, db);
    emit('journey-tasks.pglite', { tasks: TASKS, workers: 1, concurrency: CONCURRENCY, seconds: round(seconds), tasksPerSecond: Math.round(TASKS / seconds), enqueueToStartMs: lat.toStart, enqueueToFinishMs: lat.toFinish, note: 'in-process loop; enqueue time included' });
  } finally {
    await rt.stop();
    await db.close();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function startWorker(url: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OW_BIN, 'worker'], {
      env: { ...process.env, DATABASE_URL: url, OW_LOG_LEVEL: 'silent', OW_WORKER_CONCURRENCY: String(CONCURRENCY), OW_TASK_POLL_MS: '200' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (/joined postgres/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
}

async function postgres(adminUrl: string, workers: number): Promise<void> {
  const name = `bench_tasks_${workers}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = await openPostgres(url, { max: 4 });
  await migrate(db);
  const rt = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) children.push(await startWorker(url));
    await enqueueNoops(rt, 1);
    await waitFor(db, 1);
    const t0 = performance.now();
    await enqueueNoops(rt, TASKS);
    await waitFor(db, 1 + TASKS);
    const seconds = (performance.now() - t0) / 1000;
    const perWorker = await db.query<{ worker: string; n: number }>("SELECT payload->>'worker' AS worker, count(*)::int AS n FROM events WHERE topic = 'task.completed' GROUP BY 1 ORDER BY 1");
    const lat = workers === 1 ? await latency(rt, db) : undefined;
    emit(`journey-tasks.postgres.${workers}-worker${workers > 1 ? 's' : ''}`, {
      tasks: TASKS,
      workers,
      concurrency: CONCURRENCY,
      seconds: round(seconds),
      tasksPerSecond: Math.round(TASKS / seconds),
      completedPerWorker: perWorker.map((r) => r.n),
      ...(lat ? { enqueueToStartMs: lat.toStart, enqueueToFinishMs: lat.toFinish } : {}),
      note: '`ow worker` processes on one embedded PostgreSQL; enqueue time included',
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await db.close();
  }
}

await pglite();
const server = await startEmbeddedPostgres();
try {
  await postgres(server.url, 1);
  await postgres(server.url, 2);
} finally {
  await server.stop();
}

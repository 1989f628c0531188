// Side by side on one embedded PostgreSQL: no-op job throughput and enqueue → start latency of our
// task runtime (`ow worker` processes), pg-boss 10 and graphile-worker 0.17 (worker processes of
// bench/support/queue-compare-worker.ts), with 1, 2 and 4 worker processes, the same job count and
// the same concurrency per process, each system in a fresh database; then an idle probe (one job at
// a time) for the p50 enqueue → start. CPU is the worker processes' user + system time (/proc).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { systemClock } from '../src/engine/clock';
import { JourneyRuntime } from '../src/engine/journey-runtime';
import type { Db } from '../src/store/db';
import { openPostgres } from '../src/store/drivers/pg-driver';
import { migrate } from '../src/store/migrate';
import { startEmbeddedPostgres } from './support/embedded-pg';
import { emit, summarize } from './support/percentiles';

const JOBS = Number(process.env.OW_BENCH_JOBS ?? 5_000);
const CONCURRENCY = Number(process.env.OW_BENCH_CONCURRENCY ?? 8);
const SAMPLES = Number(process.env.OW_BENCH_SAMPLES ?? 50);
const WORKERS = (process.env.OW_BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const SYSTEMS = (process.env.OW_BENCH_SYSTEMS ?? 'ours,pg-boss,graphile-worker').split(',') as System[];
const CHUNK = 1_000;
const OW_BIN = fileURLToPath(new URL('../bin/ow.mjs', import.meta.url));
const OTHER_WORKER = fileURLToPath(new URL('./support/queue-compare-worker.ts', import.meta.url));
const GOALS = { throughput: 'ours ≥ the faster of pg-boss and graphile-worker at every worker count', idleEnqueueToStartP50Ms: 5 };

type System = 'ours' | 'pg-boss' | 'graphile-worker';
interface Report {
  starts: number[];
  latencies: number[];
}

/** One system on one fresh database: enqueue, wait, and read back what happened. */
interface Harness {
  enqueue(n: number, tag: string): Promise<void>;
  /**
   * Whether any job of `tag` is not finished yet. An existence check stops at the first such job: a count
   * polled every 10 ms read every unfinished row and took 3.4 s, 23 % of the statements' server time, in a 30,000-job run.
   */
  unfinished(tag: string): Promise<boolean>;
  /** First start, last completion (ms since epoch) and enqueue → start latencies of `tag`. */
  timings(tag: string, reports: Report[]): Promise<{ first: number; last: number | undefined; latencies: number[] }>;
  close(): Promise<void>;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** User + system CPU ms of a process so far (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU ms of every PostgreSQL process so far, backends that exited included where /proc still counts them (Linux; 0 elsewhere). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      // Own time plus the waited-for children's (backends are children of the postmaster).
      total += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / 100;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function ours(url: string): Promise<Harness> {
  const db: Db = await openPostgres(url, { max: 4 });
  await migrate(db);
  const rt = new JourneyRuntime({ db, clock: systemClock, kind: 'cli', onEvents: () => undefined });
  return {
    async enqueue(n, tag) {
      for (let i = 0; i < n; i += CHUNK) {
        await rt.tasks.enqueue({ tasks: Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => ({ key: `${tag}-${i + k}`, handler: 'noop' })) }, 'bench');
      }
    },
    async unfinished(tag) {
      // Unfinished tasks are pending or running (none fails here): read through the index of live tasks, not every row.
      const rows = await db.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM tasks WHERE key LIKE $1 AND status IN ('pending', 'running') AND handler = 'noop') AS any", [`${tag}-%`]);
      return rows[0]!.any;
    },
    async timings(tag) {
      const rows = await db.query<{ c: Date; s: Date; f: Date }>('SELECT created_at AS c, attempt_started_at AS s, finished_at AS f FROM tasks WHERE key LIKE $1', [`${tag}-%`]);
      return {
        first: Math.min(...rows.map((r) => r.s.getTime())),
        last: Math.max(...rows.map((r) => r.f.getTime())),
        latencies: rows.map((r) => r.s.getTime() - r.c.getTime()),
      };
    },
    async close() {
      await db.close();
    },
  };
}

async function pgBoss(url: string): Promise<Harness> {
  const boss = new PgBoss({ connectionString: url, max: 4, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('noop');
  const db = new pg.Pool({ connectionString: url, max: 2 });
  return {
    async enqueue(n, tag) {
      for (let i = 0; i < n; i += CHUNK) await boss.insert(Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => ({ name: 'noop', data: { tag, i: i + k } })));
    },
    async unfinished(tag) {
      const r = await db.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM pgboss.job WHERE name = 'noop' AND data->>'tag' = $1 AND state <> 'completed') AS any", [tag]);
      return r.rows[0]!.any;
    },
    async timings(tag) {
      const r = await db.query<{ c: Date; s: Date; f: Date }>("SELECT created_on AS c, started_on AS s, completed_on AS f FROM pgboss.job WHERE name = 'noop' AND data->>'tag' = $1", [tag]);
      return {
        first: Math.min(...r.rows.map((x) => x.s.getTime())),
        last: Math.max(...r.rows.map((x) => x.f.getTime())),
        latencies: r.rows.map((x) => x.s.getTime() - x.c.getTime()),
      };
    },
    async close() {
      await boss.stop({ graceful: false, wait: true });
      await db.end();
    },
  };
}

async function graphile(url: string): Promise<Harness> {
  const utils: WorkerUtils = await makeWorkerUtils({ connectionString: url });
  await utils.migrate();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  return {
    async enqueue(n, tag) {
      for (let i = 0; i < n; i += CHUNK) await utils.addJobs(Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => ({ identifier: 'noop', payload: { tag, i: i + k } })));
    },
    async unfinished(tag) {
      // Completed jobs are deleted: what is left is not finished.
      const r = await db.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'tag' = $1) AS any", [tag]);
      return r.rows[0]!.any;
    },
    async timings(_tag, reports) {
      // Handler starts come from the workers; completion is when the last row was gone (see run()).
      return { first: Math.min(...reports.flatMap((r) => r.starts)), last: undefined, latencies: reports.flatMap((r) => r.latencies) };
    },
    async close() {
      await utils.release();
      await db.end();
    },
  };
}

function startOurs(url: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.OW_BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean), OW_BIN, 'worker'], {
      env: { ...process.env, DATABASE_URL: url, OW_LOG_LEVEL: 'silent', OW_WORKER_CONCURRENCY: String(CONCURRENCY) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/joined postgres/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`ow worker exited with ${code}: ${out}`)));
  });
}

function startOther(system: System, url: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(OTHER_WORKER, [system, url, String(CONCURRENCY)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(`unexpected ${String(m)}`))));
    child.once('exit', (code) => reject(new Error(`${system} worker exited with ${code}`)));
  });
}

function reportOf(child: ChildProcess): Promise<Report> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Report));
    child.send('report');
  });
}

async function waitDone(h: Harness, tag: string, timeoutMs = 900_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (!(await h.unfinished(tag))) return Date.now();
    if (Date.now() > end) throw new Error(`jobs of ${tag} not finished in time`);
    await sleep(10);
  }
}

async function runOne(adminUrl: string, system: System, workers: number): Promise<Record<string, unknown>> {
  const url = await createDatabase(adminUrl, `qc_${system.replace('-', '_')}_${workers}_${Date.now()}`);
  const h = system === 'ours' ? await ours(url) : system === 'pg-boss' ? await pgBoss(url) : await graphile(url);
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) children.push(system === 'ours' ? await startOurs(url) : await startOther(system, url));
    const reports = async () => (system === 'ours' ? [] : Promise.all(children.map(reportOf)));
    // Warm-up: every worker has connected and run something before the clock starts.
    await h.enqueue(workers * CONCURRENCY, 'warm');
    await waitDone(h, 'warm');
    await reports();
    const cpu0 = children.map((c) => cpuMs(c.pid));
    const pgCpu0 = postgresCpuMs();
    const t0 = Date.now();
    await h.enqueue(JOBS, 'load');
    const enqueueMs = Date.now() - t0;
    const observedDone = await waitDone(h, 'load');
    // OW_BENCH_PGSS=1: the statements that cost the server most during the load (pg_stat_statements), on stderr.
    if (process.env.OW_BENCH_PGSS) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const r = await c.query("SELECT calls, round(total_exec_time::numeric,1) AS exec, round(total_plan_time::numeric,1) AS plan, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 14");
      console.error(r.rows.map((x) => `${x.calls}\t${x.exec}\t${x.plan}\t${x.rows}\t${x.q}`).join('\n'));
      await c.query('SELECT pg_stat_statements_reset()');
      await c.end();
    }
    const wallCpu = children.reduce((s, c, i) => s + cpuMs(c.pid) - cpu0[i]!, 0);
    const pgCpu = postgresCpuMs() - pgCpu0;
    const load = await h.timings('load', await reports());
    const last = load.last ?? observedDone;
    const seconds = (last - load.first) / 1000;
    // Idle probe: one job at a time, each after the previous finished.
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await h.enqueue(1, `idle${i}`);
      await waitDone(h, `idle${i}`);
      idle.push(...(await h.timings(`idle${i}`, await reports())).latencies);
    }
    return {
      jobs: JOBS,
      workers,
      concurrencyPerWorker: CONCURRENCY,
      jobsPerSecond: Math.round(JOBS / seconds),
      firstStartToLastCompletionS: round(seconds, 3),
      enqueueS: round(enqueueMs / 1000, 3),
      workerCpuMsPerJob: round(wallCpu / JOBS, 3),
      postgresCpuMsPerJob: round(pgCpu / JOBS, 3),
      enqueueToStartUnderLoadMs: summarize(load.latencies),
      idleEnqueueToStartMs: summarize(idle),
    };
  } finally {
    for (const c of children) {
      if (system === 'ours') c.kill('SIGTERM');
      else if (c.connected) c.send('stop');
    }
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await h.close();
  }
}

const server = await startEmbeddedPostgres({ prefix: 'ow-qc-', ...(process.env.OW_BENCH_PGSS ? { postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on'] } : {}) });
const cpuStart = process.cpuUsage();
try {
  const results: Record<string, Record<number, Record<string, unknown>>> = {};
  for (const workers of WORKERS) {
    for (const system of SYSTEMS) {
      process.stderr.write(`queue-compare: ${system}, ${workers} worker(s), ${JOBS} jobs …\n`);
      const r = await runOne(server.url, system, workers);
      (results[system] ??= {})[workers] = r;
      emit(`queue-compare.${system}.${workers}-worker${workers > 1 ? 's' : ''}`, { ...r, goals: GOALS });
    }
  }
  const rate = (s: System, w: number) => Number(results[s]?.[w]?.jobsPerSecond ?? 0);
  const p50 = (s: System, w: number) => (results[s]?.[w]?.idleEnqueueToStartMs as { p50: number } | undefined)?.p50;
  emit('queue-compare.summary', {
    jobs: JOBS,
    concurrencyPerWorker: CONCURRENCY,
    byWorkers: Object.fromEntries(
      WORKERS.map((w) => {
        const fastestOther = Math.max(rate('pg-boss', w), rate('graphile-worker', w));
        return [w, { ours: rate('ours', w), pgBoss: rate('pg-boss', w), graphileWorker: rate('graphile-worker', w), oursOverFastestOther: fastestOther > 0 ? round(rate('ours', w) / fastestOther, 2) : null, idleP50Ms: { ours: p50('ours', w), pgBoss: p50('pg-boss', w), graphileWorker: p50('graphile-worker', w) } }];
      }),
    ),
    goals: GOALS,
    benchProcessCpuMs: Math.round((process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1000),
    note: 'one embedded PostgreSQL; worker CPU excludes the PostgreSQL server; the machine may be loaded (compare within one run)',
  });
} finally {
  // A library's pool can keep an idle client past its close (seen once, after the summary); the server
  // ending it is expected here and must not turn a finished run into a crash. Anything else still fails.
  process.on('uncaughtException', (e) => {
    if (/terminating connection due to administrator command/.test(String(e))) return;
    console.error(e);
    process.exit(1);
  });
  await server.stop();
}

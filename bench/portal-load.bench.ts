// Portal load (issue 7) on both drivers: one `ow serve` in a child process (so its CPU is its own), 100
// WebSocket clients on /api/stream receiving events (commit → receipt, goal p95 < 50 ms); 50 operators
// using the portal as people do (page loads with think time, the scenario the goal p95 < 50 ms is judged
// on: portal-load-operators.ts); the same 50 as closed loops with no think time (capacity, not judged);
// the server's CPU time per phase and a CPU profile of the operator phase; and the queue overview's reads
// old (full scans) vs new (indexes, samples) back to back.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { operatorOptionsFromEnv, runOperators } from './portal-load-operators';
import { securityHeadersAb } from './portal-load-headers-ab';
import { countQueries, PhaseProfiler } from './portal-load-profile';
import { emit, summarize } from './support/percentiles';

const ADMIN = 'bench-admin-token-0123456789';
const CLIENTS = Number(process.env.OW_BENCH_WS_CLIENTS ?? 100);
const EVENTS = Number(process.env.OW_BENCH_WS_EVENTS ?? 100);
const OPERATORS = Number(process.env.OW_BENCH_OPERATORS ?? 50);
const REQUESTS = Number(process.env.OW_BENCH_OPERATOR_REQUESTS ?? 40);
const AB_ROUNDS = Number(process.env.OW_BENCH_AB_ROUNDS ?? 30);
const DRIVERS = (process.env.OW_BENCH_DRIVERS ?? 'pglite,postgres').split(',').map((d) => d.trim()) as Array<'pglite' | 'postgres'>;

/** Wall-clock milliseconds comparable across processes on one machine. */
const wallNow = () => performance.timeOrigin + performance.now();

type FromServer =
  | { type: 'ready'; url: string }
  | { type: 'committed'; seq: number; at: number }
  | { type: 'cpu'; userMs: number; systemMs: number }
  | { type: 'ab'; result: Record<string, unknown> }
  | { type: 'profiled'; summary: unknown };

/** Where the raw operator-phase profiles go (a directory; unset: summary only). */
const PROFILE_DIR = process.env.OW_BENCH_CPU_PROF_DIR;

// ---- the server process ------------------------------------------------------------------------
async function serverRole(): Promise<void> {
  const { loadConfig } = await import('../src/config');
  const { createLogger } = await import('../src/logger');
  const { commitChange } = await import('../src/engine/change');
  const { startServer } = await import('../src/server/start');
  const repo = await import('../src/store/queue-repo');
  const dataDir = await mkdtemp(join(tmpdir(), 'ow-bench-portal-'));
  const running = await startServer(loadConfig({ port: 0, dataDir, databaseUrl: process.env.OW_BENCH_DATABASE_URL || undefined }, { OW_ADMIN_TOKEN: ADMIN }), createLogger('silent', false));
  const send = (m: FromServer) => process.send?.(m);
  const profiler = new PhaseProfiler();
  const queries = process.env.OW_BENCH_QUERY_STATS === '1' ? countQueries(running.runtime.db) : undefined;
  process.on('message', (raw) => {
    const m = raw as { type: string; seq?: number };
    if (m.type === 'commit') {
      const seq = m.seq!;
      void commitChange(running.runtime.db, running.runtime.clock, async () => ({ result: undefined, events: [{ topic: 'bench.portal', key: String(seq), payload: { seq } }] }), () => {
        send({ type: 'committed', seq, at: wallNow() });
        running.runtime.bus.poke();
      });
    } else if (m.type === 'cpu') {
      const c = process.cpuUsage();
      send({ type: 'cpu', userMs: c.user / 1000, systemMs: c.system / 1000 });
    } else if (m.type === 'ab') {
      void (async () => {
        // The queue overview's reads, old (one scan of tasks, the hour from events) vs new, alternating.
        const db = running.runtime.db;
        const now = running.runtime.clock.now();
        const hourAgo = new Date(now.getTime() - 3_600_000);
        const variants = {
          old: async () => Promise.all([repo.liveTaskQueuesByScan(db), repo.taskActivity(db, hourAgo, new Date(now.getTime() + 1))]),
          new: async () => Promise.all([repo.liveTaskQueues(db), running.runtime.queues.lastHour(now)]),
        };
        await seedHistory(db, now, repo);
        const figures: Record<string, { wall: number[]; cpu: number[] }> = { old: { wall: [], cpu: [] }, new: { wall: [], cpu: [] } };
        for (let i = 0; i < AB_ROUNDS; i++) {
          for (const name of ['old', 'new'] as const) {
            const c0 = process.cpuUsage();
            const t0 = performance.now();
            await variants[name]();
            figures[name]!.wall.push(performance.now() - t0);
            const c = process.cpuUsage(c0);
            figures[name]!.cpu.push((c.user + c.system) / 1000);
          }
        }
        const tasks = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks'))[0]?.n ?? 0;
        const events = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]?.n ?? 0;
        const plans: Record<string, string[]> = {};
        for (const [name, sql, params] of EXPLAINED) {
          const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
          plans[name] = rows.map((r) => r['QUERY PLAN'].trim()).filter((l) => /Scan|Sort|Limit/.test(l)).map((l) => l.replace(/\s+\(cost=.*$/, '').replace(/^->\s*/, ''));
        }
        send({ type: 'ab', result: { rounds: AB_ROUNDS, tasks, events, plans, ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { wallP50: summarize(v.wall).p50, wallP95: summarize(v.wall).p95, cpuP50: summarize(v.cpu).p50, cpuP95: summarize(v.cpu).p95 }])) } });
      })();
    } else if (m.type === 'profile-start') {
      queries?.reset();
      void profiler.start().then(() => send({ type: 'profiled', summary: null }));
    } else if (m.type === 'profile-stop') {
      const file = PROFILE_DIR ? join(PROFILE_DIR, `portal-operators-${process.env.OW_BENCH_DRIVER ?? 'server'}-${process.pid}.cpuprofile`) : undefined;
      void profiler.stop(file).then((summary) => send({ type: 'profiled', summary: { ...summary, file, ...(queries ? { sql: queries.top() } : {}) } }));
    } else if (m.type === 'close') {
      void running.close().then(() => rm(dataDir, { recursive: true, force: true })).then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url: running.url });
}

const AB_TASKS = Number(process.env.OW_BENCH_AB_TASKS ?? 100_000);

/**
 * History for the old-vs-new reads and the EXPLAINs: AB_TASKS finished tasks over 20 handlers (1 in 100
 * a dead letter), as many task events spread over the last hour, and the hour's per-minute samples as
 * a running sampler would have written them (by its own query).
 */
async function seedHistory(db: import('../src/store/db').Db, now: Date, repo: typeof import('../src/store/queue-repo')): Promise<void> {
  if (AB_TASKS <= 0) return;
  await db.query(
    `INSERT INTO tasks (id, key, name, handler, agent, kind, status, max_retries, retry, run_at, idempotency_key, created_at, updated_at, finished_at, dead_lettered_at)
     SELECT 'ab-' || g, 'ab-' || g, 'ab', 'ab-h' || (g % 20), 'ab-h' || (g % 20), 'automated', CASE WHEN g % 100 = 0 THEN 'failed' ELSE 'completed' END,
       0, '{}', $1, 'ab-' || g, $1, $1, $1, CASE WHEN g % 100 = 0 THEN $1::timestamptz END
     FROM generate_series(1, $2::int) g`,
    [now, AB_TASKS],
  );
  await db.query(
    `INSERT INTO events (id, topic, key, payload, created_at)
     SELECT (SELECT COALESCE(max(id), 0) FROM events) + g, CASE WHEN g % 10 = 0 THEN 'task.attempt_failed' ELSE 'task.completed' END, 'ab-' || g,
       jsonb_build_object('handler', 'ab-h' || (g % 20)), $1::timestamptz - (g % 3600) * interval '1 second'
     FROM generate_series(1, $2::int) g`,
    [now, AB_TASKS],
  );
  const last = Math.floor(now.getTime() / 60_000) * 60_000 - 60_000;
  for (let m = 0; m < 60; m++) {
    const at = new Date(last - m * 60_000);
    const activity = await repo.taskActivity(db, at, new Date(at.getTime() + 60_000));
    await repo.insertSamples(db, [...activity].map(([queue, a]) => ({ queue, at: at.toISOString(), depth: 0, running: 0, oldestAgeMs: 0, completed: a.completed, failed: a.failed, deadLettered: a.deadLettered })));
  }
  await db.query('ANALYZE tasks');
  await db.query('ANALYZE events');
}

/** The list endpoints' queries (as their repos write them), EXPLAINed on the seeded history. */
const EXPLAINED: Array<[string, string, Array<string | number>]> = [
  ['dead letters, newest first', "SELECT id FROM tasks t WHERE t.status = 'failed' AND t.dead_lettered_at IS NOT NULL ORDER BY t.seq DESC LIMIT 50", []],
  ['dead letters of a queue', "SELECT id FROM tasks t WHERE t.status = 'failed' AND t.dead_lettered_at IS NOT NULL AND t.handler = $1 ORDER BY t.seq DESC LIMIT 50", ['ab-h0']],
  ['dead letters count', "SELECT count(*) FROM tasks t WHERE t.status = 'failed' AND t.dead_lettered_at IS NOT NULL", []],
  ['tasks, newest first', 'SELECT id FROM tasks t ORDER BY t.seq DESC LIMIT 50', []],
  ['tasks of a handler', 'SELECT id FROM tasks t WHERE t.handler = $1 ORDER BY t.seq DESC LIMIT 50', ['ab-h3']],
  ['tasks by status', 'SELECT id FROM tasks t WHERE t.status = $1 ORDER BY t.seq DESC LIMIT 50', ['failed']],
  ['events after an id', 'SELECT id FROM events WHERE id > $1 ORDER BY id LIMIT 100', [0]],
  ['events of a topic', 'SELECT id FROM events WHERE topic LIKE $1 ORDER BY id LIMIT 100', ['task.%']],
  ['audit newest first', 'SELECT id FROM audit_log ORDER BY id DESC LIMIT 50', []],
  ['context events (queue)', "SELECT id FROM events WHERE (payload @> jsonb_build_object('queue', $1::text) OR payload @> jsonb_build_object('handler', $1::text) OR (key = $1 AND topic LIKE 'queue.%')) ORDER BY id DESC LIMIT 100", ['ab-h7']],
  ['queue live: active', "SELECT handler, count(*) FROM tasks WHERE status IN ('pending', 'running') GROUP BY handler", []],
  ['queue live: dead letters', "SELECT handler, count(*) FROM tasks WHERE status = 'failed' AND dead_lettered_at IS NOT NULL GROUP BY handler", []],
];

// ---- the load generator ------------------------------------------------------------------------
class ServerProcess {
  private readonly waiters: Array<{ match: (m: FromServer) => boolean; resolve: (m: FromServer) => void }> = [];
  readonly committed = new Map<number, number>();
  constructor(readonly child: ChildProcess) {
    child.on('message', (raw) => {
      const m = raw as FromServer;
      if (m.type === 'committed') this.committed.set(m.seq, m.at);
      const i = this.waiters.findIndex((w) => w.match(m));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
    });
  }
  next<T extends FromServer['type']>(type: T): Promise<Extract<FromServer, { type: T }>> {
    return new Promise((resolve) => this.waiters.push({ match: (m) => m.type === type, resolve: resolve as (m: FromServer) => void }));
  }
  async cpuMs(): Promise<number> {
    const reply = this.next('cpu');
    this.child.send({ type: 'cpu' });
    const c = await reply;
    return c.userMs + c.systemMs;
  }
}

async function measure(driver: 'pglite' | 'postgres'): Promise<void> {
  let pg: { url: string; stop(): Promise<void> } | undefined;
  if (driver === 'postgres') {
    const { startEmbeddedPostgres } = await import('../scripts/support/embedded-postgres');
    pg = await startEmbeddedPostgres({ prefix: 'ow-bench-portal-pg-' });
  }
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, OW_BENCH_PORTAL_ROLE: 'server', OW_BENCH_DATABASE_URL: pg?.url ?? '', OW_BENCH_DRIVER: driver } });
  const server = new ServerProcess(child);
  try {
    const base = (await server.next('ready')).url;
    const call = async (method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const operator = ((await call('POST', '/api/tokens', ADMIN, { role: 'operator', name: 'bench operator' })).json as { token: string }).token;

    // ---- 100 live clients ------------------------------------------------------------------------
    const sockets: WebSocket[] = [];
    const receipts = new Map<number, number[]>();
    const waiting = new Map<number, { left: number; done: () => void }>();
    await Promise.all(
      Array.from({ length: CLIENTS }, () => new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(`${base.replace('http', 'ws')}/api/stream?topics=bench.*`, { headers: { authorization: `Bearer ${operator}` } });
        ws.on('message', (data) => {
          const at = wallNow();
          const m = JSON.parse(String(data)) as { type: string; event?: { payload: { seq: number } } };
          if (m.type === 'ready') resolve();
          if (m.type === 'event' && m.event) {
            const seq = m.event.payload.seq;
            receipts.set(seq, [...(receipts.get(seq) ?? []), at]);
            const w = waiting.get(seq);
            if (w && --w.left === 0) w.done();
          }
        });
        ws.on('error', reject);
        sockets.push(ws);
      })),
    );
    const streamCpu0 = await server.cpuMs();
    for (let seq = 0; seq < EVENTS; seq++) {
      const all = new Promise<void>((done) => waiting.set(seq, { left: CLIENTS, done }));
      server.child.send({ type: 'commit', seq });
      await all;
    }
    const streamCpu = (await server.cpuMs()) - streamCpu0;
    for (const ws of sockets) ws.close();
    const latencies = [...receipts].flatMap(([seq, ats]) => ats.map((at) => at - server.committed.get(seq)!));
    emit(`portal-load.stream.${driver}`, {
      ...summarize(latencies), unit: 'ms', driver, clients: CLIENTS, events: EVENTS, path: 'commit → bus → WebSocket clients (server in its own process)',
      serverCpuMs: Math.round(streamCpu), serverCpuMsPerEvent: Math.round((streamCpu / EVENTS) * 100) / 100, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      goalP95Ms: 50, seed002P95Ms: 100,
    });

    // ---- the data the pages show -------------------------------------------------------------------
    await call('POST', '/api/tasks', operator, { tasks: Array.from({ length: 40 }, (_, i) => ({ key: `ok${i}`, handler: 'noop' })) });
    await call('POST', '/api/tasks', operator, { tasks: Array.from({ length: 20 }, (_, i) => ({ key: `dead${i}`, handler: 'fail-n-times', input: { failures: 9 }, retry: { maxRetries: 0 } })) });
    const journeyIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const started = await call('POST', '/api/journeys', operator, { definition: 'client-onboarding', clientId: `bench-client-${i}` });
      if (started.status === 201) journeyIds.push((started.json as { journey: { journeyId: string } }).journey.journeyId);
    }
    for (let i = 0; i < 300; i++) {
      const dl = (await call('GET', '/api/dead-letters?limit=1', operator)).json as { total: number };
      if (dl.total >= 20) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const taskIds = ((await call('GET', '/api/tasks?limit=50', operator)).json as { items: Array<{ id: string }> }).items.map((t) => t.id);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const load = () => loadavg().map((l) => Math.round(l * 10) / 10);

    // ---- the server's own CPU with no requests (loops, samplers, the bus): the background ----------
    const idleSeconds = Number(process.env.OW_BENCH_IDLE_S ?? 5);
    const idle0 = await server.cpuMs();
    const idleT0 = performance.now();
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idleCpuMsPerSecond = ((await server.cpuMs()) - idle0) / ((performance.now() - idleT0) / 1000);

    // ---- 50 operators with think time: the scenario the goal is judged on -----------------------
    const o = operatorOptionsFromEnv(process.env);
    let opsCpu0 = 0;
    let opsCpu = 0;
    let profile: unknown;
    const profiling = process.env.OW_BENCH_CPU_PROF === '1' || PROFILE_DIR !== undefined || process.env.OW_BENCH_QUERY_STATS === '1';
    const ops = await runOperators((method, path, body) => call(method, path, operator, body), { taskIds, journeyIds }, o, {
      start: async () => {
        if (profiling) {
          const started = server.next('profiled');
          server.child.send({ type: 'profile-start' });
          await started;
        }
        opsCpu0 = await server.cpuMs();
      },
      stop: async () => {
        opsCpu = (await server.cpuMs()) - opsCpu0;
        if (profiling) {
          const stopped = server.next('profiled');
          server.child.send({ type: 'profile-stop' });
          profile = (await stopped).summary;
        }
      },
    });
    emit(`portal-load.operators.${driver}`, {
      ...ops.perRequest, unit: 'ms', driver,
      note: 'The goal (p95 < 50 ms; seed 002: 300 ms) is judged here, per request: 50 operators each loading portal pages (the requests a page issues, in parallel), thinking a seeded random time between page loads and now and then acting (POST), as k6/Gatling/JMeter virtual users do. Back-to-back closed loops (portal-load.saturation) measure capacity instead: with no think time their latency is only concurrency ÷ throughput.',
      operators: o.operators, thinkMs: o.thinkMs, actionShare: o.actionShare, warmupSeconds: o.warmupMs / 1000, seconds: Math.round(ops.seconds),
      requests: ops.requests, failures: ops.failures, ...(ops.failures > 0 ? { failureSamples: ops.failureSamples } : {}),
      requestsPerSecond: round2(ops.requests / ops.seconds), pageLoads: ops.pageLoads, actions: ops.actions,
      perPageLoad: ops.perPageLoad,
      serverCpuMs: Math.round(opsCpu), serverCpuMsPerRequest: round2(opsCpu / ops.requests),
      serverIdleCpuMsPerSecond: round2(idleCpuMsPerSecond), serverCpuMsPerRequestNetOfIdle: round2((opsCpu - idleCpuMsPerSecond * ops.seconds) / ops.requests), loadAverage: load(),
      goalP95Ms: 50, seed002P95Ms: 300, goalMet: ops.perRequest.p95 < 50 && ops.failures === 0,
      byPage: ops.byPage, byEndpoint: ops.byEndpoint,
      ...(profile !== undefined ? { serverProfile: profile } : {}),
    });

    // ---- the same 50 as closed loops, no think time: capacity -----------------------------------
    const reads = ['/api/queues', '/api/queues/noop?minutes=60', '/api/dead-letters?limit=50', '/api/tasks?limit=50', '/api/status', '/api/audit/search?limit=50', '/api/journeys?limit=20', '/api/context/queue/fail-n-times/events', '/api/events?limit=100'];
    const byKind = new Map<string, number[]>();
    const all: number[] = [];
    let failures = 0;
    const satCpu0 = await server.cpuMs();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: OPERATORS }, async (_, op) => {
        for (let i = 0; i < REQUESTS; i++) {
          const pick = (op * 31 + i * 7) % 20;
          let kind: string;
          let run: () => Promise<{ status: number }>;
          if (pick === 0) {
            kind = 'POST /api/tasks';
            run = () => call('POST', '/api/tasks', operator, { tasks: [{ key: `sat${op}-${i}`, handler: 'noop' }] });
          } else if (pick < 4) {
            const id = taskIds[(op + i) % taskIds.length]!;
            kind = 'GET /api/tasks/:id';
            run = () => call('GET', `/api/tasks/${encodeURIComponent(id)}`, operator);
          } else {
            const path = reads[(op + i) % reads.length]!;
            kind = `GET ${path.split('?')[0]}`;
            run = () => call('GET', path, operator);
          }
          const s = performance.now();
          const res = await run();
          const ms = performance.now() - s;
          if (res.status >= 400) failures++;
          all.push(ms);
          byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const satCpu = (await server.cpuMs()) - satCpu0;
    const endpoints = [...byKind].map(([k, v]) => [k, { n: v.length, p50: summarize(v).p50, p95: summarize(v).p95 }] as const).sort((a, b) => b[1].p95 - a[1].p95);
    emit(`portal-load.saturation.${driver}`, {
      ...summarize(all), unit: 'ms', driver,
      note: 'Capacity, not judged against the goal: 50 closed loops firing requests back to back (no think time), so latency here is concurrency ÷ throughput. The goal is judged on portal-load.operators.',
      closedLoops: OPERATORS, requests: all.length, failures, requestsPerSecond: Math.round(all.length / seconds),
      serverCpuMs: Math.round(satCpu), serverCpuMsPerRequest: round2(satCpu / all.length), loadAverage: load(),
      slowestFirst: Object.fromEntries(endpoints),
    });

    // ---- queue overview reads, old vs new, back to back ------------------------------------------
    const ab = server.next('ab');
    server.child.send({ type: 'ab' });
    emit(`portal-load.queue-overview-ab.${driver}`, { unit: 'ms', driver, ...(await ab).result, note: 'old: GROUP BY over every task + the hour from events; new: 0012 indexes + sampled minutes' });
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.send({ type: 'close' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (child.exitCode === null) child.kill();
    await pg?.stop();
  }
}

if (process.env.OW_BENCH_PORTAL_ROLE === 'server') {
  await serverRole();
} else {
  for (const driver of DRIVERS) await measure(driver);
  emit('portal-load.security-headers-ab', { ...securityHeadersAb(), note: "helmet's middleware built per request (@fastify/helmet) vs once at start-up; the response's headers are the same (test/server/security-headers.test.ts)" });
}

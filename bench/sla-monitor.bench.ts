// SLA monitor holding N open clocks (default 1,000,000, bulk-inserted with one INSERT … SELECT generate_series):
// process memory, CPU while idle (the loop sleeps until the earliest next_check_at), and the breach detection
// lag for a batch of clocks whose breach falls within the next 2 s: the time from each clock's breach instant
// to the commit of its sla.breached event (goal p99 < 1 s). PGlite in memory, then the embedded PostgreSQL.
// Env: SLA_BENCH_CLOCKS (1,000,000), SLA_BENCH_DUE (500), SLA_BENCH_IDLE_SECONDS (10), SLA_BENCH_DRIVERS (pglite,postgres).
import { loadavg } from 'node:os';
import { systemClock } from '../src/engine/clock';
import { SlaMonitor } from '../src/engine/sla-monitor';
import type { Db } from '../src/store/db';
import { openPostgres } from '../src/store/drivers/pg-driver';
import { openPglite } from '../src/store/drivers/pglite-driver';
import { migrate } from '../src/store/migrate';
import { startEmbeddedPostgres } from './support/embedded-pg';
import { emit, summarize } from './support/percentiles';

const N = Number(process.env.SLA_BENCH_CLOCKS ?? 1_000_000);
const DUE = Number(process.env.SLA_BENCH_DUE ?? 500);
const IDLE_S = Number(process.env.SLA_BENCH_IDLE_SECONDS ?? 10);
const DRIVERS = (process.env.SLA_BENCH_DRIVERS ?? 'pglite,postgres').split(',');

async function measure(driver: string, db: Db): Promise<void> {
  await migrate(db);
  const t0 = Date.now();
  // Far-future clocks: open, running, their next check days away (one statement, no per-row round trip).
  await db.query(
    `INSERT INTO sla_clocks (ticket_id, metric, policy_id, policy_version, priority, target_ms, warning_ms, breach_ms, started_at, running_since,
       warning_at, breach_at, next_check_at, updated_at)
     SELECT 'B-' || g, 'resolution', 'default', 1, 'low', 432000000, 345600000, 432000000, now(), now(),
       now() + interval '4 days' + g * interval '1 millisecond', now() + interval '5 days', now() + interval '4 days' + g * interval '1 millisecond', now()
     FROM generate_series(1, $1::int) AS g`,
    [N],
  );
  const insertMs = Date.now() - t0;
  // Commit instant of every sla.breached event, by ticket: the monitor hands its events over right after its commit.
  const committed = new Map<string, number>();
  const monitor = new SlaMonitor({
    db,
    clock: systemClock,
    kind: 'worker',
    onEvents: (events) => {
      const at = Date.now();
      for (const e of events) if (e.topic === 'sla.breached' && e.key) committed.set(e.key, at);
    },
  });
  monitor.start();
  await new Promise((r) => setTimeout(r, 1000));
  if (global.gc) global.gc();
  const mem = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const idleStart = Date.now();
  await new Promise((r) => setTimeout(r, IDLE_S * 1000));
  const cpu = process.cpuUsage(cpu0);
  const idleCpuPct = ((cpu.user + cpu.system) / 1000 / (Date.now() - idleStart)) * 100;

  // A batch breaching 1–3 s from now (spread evenly over 2 s), already past warning: each fires its breach when due.
  const spreadMs = 2000 / DUE;
  await db.query(
    `INSERT INTO sla_clocks (ticket_id, metric, policy_id, policy_version, priority, target_ms, warning_ms, breach_ms, started_at, running_since,
       warning_at, breach_at, warned_at, next_check_at, updated_at)
     SELECT 'D-' || g, 'first_response', 'default', 1, 'urgent', 3600000, 2880000, 3600000, now() - interval '1 hour', now() - interval '1 hour',
       now() - interval '12 minutes', now() + interval '1 second' + g * $2::float8 * interval '1 millisecond', now() - interval '12 minutes',
       now() + interval '1 second' + g * $2::float8 * interval '1 millisecond', now()
     FROM generate_series(1, $1::int) AS g`,
    [DUE, spreadMs],
  );
  monitor.rearm();
  const cpuFire0 = process.cpuUsage();
  const deadline = Date.now() + 120_000;
  while (committed.size < DUE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const cpuFire = process.cpuUsage(cpuFire0);
  await monitor.stop();
  const breachAt = new Map(
    (await db.query<{ ticket_id: string; at: number }>(`SELECT ticket_id, (extract(epoch FROM breach_at) * 1000)::float8 AS at FROM sla_clocks WHERE ticket_id LIKE 'D-%'`)).map((r) => [r.ticket_id, Number(r.at)]),
  );
  await db.close();
  const lags = [...committed].map(([ticket, at]) => at - (breachAt.get(ticket) ?? at));
  const s = summarize(lags);
  emit('sla-monitor', {
    driver,
    openClocks: N,
    bulkInsertMs: insertMs,
    rssMb: Math.round(mem.rss / 1048576),
    heapUsedMb: Math.round(mem.heapUsed / 1048576),
    idleCpuPercent: Math.round(idleCpuPct * 100) / 100,
    idleSeconds: IDLE_S,
    breachBatch: DUE,
    breachesDetected: lags.length,
    breachLagMs: { p50: Math.round(s.p50), p95: Math.round(s.p95), p99: Math.round(s.p99), max: Math.round(s.max) },
    goalLagP99Ms: 1000,
    cpuMsWhileFiring: Math.round((cpuFire.user + cpuFire.system) / 1000),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  });
}

async function main(): Promise<void> {
  if (DRIVERS.includes('pglite')) await measure('pglite', await openPglite(undefined, 'memory'));
  if (DRIVERS.includes('postgres')) {
    const pg = await startEmbeddedPostgres({ prefix: 'ow-bench-sla-' });
    try {
      await measure('postgres', await openPostgres(pg.url, { max: 4 }));
    } finally {
      await pg.stop();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

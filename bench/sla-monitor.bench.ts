// SLA monitor holding N open clocks (default 1,000,000, bulk-inserted with generate_series on PGlite):
// process memory, CPU while idle over 10 s (the loop sleeps until the earliest next_check_at), and the
// breach detection lag p99 for a batch of clocks due in the next seconds (sla.breached alert time − breach instant).
import { openPglite } from '../src/store/drivers/pglite-driver';
import { migrate } from '../src/store/migrate';
import { systemClock } from '../src/engine/clock';
import { Runtime } from '../src/engine/runtime';
import { emit, summarize } from './support/percentiles';

const N = Number(process.env.SLA_BENCH_CLOCKS ?? 1_000_000);
const BATCH = Number(process.env.SLA_BENCH_DUE ?? 500);

async function main(): Promise<void> {
  const db = await openPglite(undefined, 'memory');
  await migrate(db);
  const t0 = Date.now();
  // Far-future clocks: open, running, their next check days away.
  await db.query(
    `INSERT INTO sla_clocks (ticket_id, metric, policy_id, policy_version, priority, target_ms, warning_ms, breach_ms, started_at, running_since,
       warning_at, breach_at, next_check_at, updated_at)
     SELECT 'B-' || g, 'resolution', 'default', 1, 'low', 432000000, 345600000, 432000000, now(), now(),
       now() + interval '4 days' + (g || ' milliseconds')::interval, now() + interval '5 days', now() + interval '4 days' + (g || ' milliseconds')::interval, now()
     FROM generate_series(1, $1::int) AS g`,
    [N],
  );
  const insertMs = Date.now() - t0;
  const rt = new Runtime({ db, clock: systemClock, kind: 'worker' });
  rt.sla.start();
  await new Promise((r) => setTimeout(r, 1000));
  if (global.gc) global.gc();
  const mem = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const idleStart = Date.now();
  await new Promise((r) => setTimeout(r, 10_000));
  const cpu = process.cpuUsage(cpu0);
  const idleCpuPct = ((cpu.user + cpu.system) / 1000 / (Date.now() - idleStart)) * 100;

  // A batch due 2–4 s from now, already past warning: each fires its breach when due.
  await db.query(
    `INSERT INTO sla_clocks (ticket_id, metric, policy_id, policy_version, priority, target_ms, warning_ms, breach_ms, started_at, running_since,
       warning_at, breach_at, warned_at, next_check_at, updated_at)
     SELECT 'D-' || g, 'first_response', 'default', 1, 'urgent', 3600000, 2880000, 3600000, now() - interval '1 hour', now() - interval '1 hour',
       now() - interval '12 minutes', now() + interval '2 seconds' + (g * 4 || ' milliseconds')::interval, now() - interval '12 minutes',
       now() + interval '2 seconds' + (g * 4 || ' milliseconds')::interval, now()
     FROM generate_series(1, $1::int) AS g`,
    [BATCH],
  );
  rt.sla.rearm();
  const deadline = Date.now() + 60_000;
  let lags: number[] = [];
  while (Date.now() < deadline) {
    const rows = await db.query<{ lag: number }>(
      `SELECT (extract(epoch FROM a.raised_at - c.breach_at) * 1000)::float8 AS lag FROM alerts a JOIN sla_clocks c ON c.ticket_id = a.ticket_id AND c.metric = a.metric
       WHERE a.threshold = 'breach' AND a.ticket_id LIKE 'D-%'`,
    );
    if (rows.length >= BATCH) {
      lags = rows.map((r) => Number(r.lag)).sort((a, b) => a - b);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await rt.sla.stop();
  await db.close();
  const s = summarize(lags);
  emit('sla-monitor', {
    driver: 'pglite',
    openClocks: N,
    bulkInsertMs: insertMs,
    rssMb: Math.round(mem.rss / 1048576),
    heapUsedMb: Math.round(mem.heapUsed / 1048576),
    idleCpuPercentOver10s: Math.round(idleCpuPct * 100) / 100,
    breachBatch: BATCH,
    breachesDetected: lags.length,
    breachLagMs: { p50: Math.round(s.p50), p95: Math.round(s.p95), p99: Math.round(s.p99), max: Math.round(s.max) },
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

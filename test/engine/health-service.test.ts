// The health service on both drivers: checks registered by capabilities run with their latency in
// readiness, a failing one fails it, workers are listed with their heartbeat, and reports are sampled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/engine/runtime';
import { WorkerRegistration } from '../../src/engine/worker-registry';
import type { Db } from '../../src/store/db';
import { DRIVERS, openTestDb } from '../helpers/databases';

describe.each(DRIVERS)('health service on %s', (driver) => {
  let db: Db;
  let t = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => new Date(t) };
  let runtime: Runtime;
  beforeAll(async () => {
    db = await openTestDb(driver);
    runtime = new Runtime({ db, clock, kind: 'cli' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('runs registered checks with latency; a failing or throwing one fails readiness', async () => {
    let smtp: 'ok' | 'fail' = 'ok';
    runtime.health.register('channel:smtp', async () => ({ status: smtp, detail: `smtp ${smtp}` }));
    runtime.health.register('channel:slack', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { status: 'ok', detail: 'slack reachable' };
    });
    let report = await runtime.readiness();
    expect(report.checks.find((c) => c.name === 'channel:slack')).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) });
    expect(report.checks.find((c) => c.name === 'channel:slack')!.latencyMs).toBeGreaterThanOrEqual(4);
    smtp = 'fail';
    report = await runtime.readiness();
    expect(report.status).toBe('fail');
    // Registering a name again replaces its check instead of adding a second one.
    runtime.health.register('channel:smtp', async () => {
      throw new Error('connection refused');
    });
    report = await runtime.readiness();
    expect(report.checks.filter((c) => c.name === 'channel:smtp')).toEqual([expect.objectContaining({ status: 'fail', detail: 'connection refused' })]);
    runtime.health.register('channel:smtp', async () => ({ status: 'ok', detail: 'back' }));
    expect((await runtime.readiness()).status).toBe('ok');
  });

  it('lists workers with their last heartbeat and keeps a sampled history', async () => {
    const reg = new WorkerRegistration(db, clock, 'worker', 'w-health');
    await reg.start();
    t += 3_000;
    const report = await runtime.health.report();
    expect(report.workers.find((w) => w.name === 'w-health')).toMatchObject({ alive: true, ageMs: 3_000 });
    expect(report.checks.find((c) => c.name === 'workers')?.detail).toContain('w-health (heartbeat 3 s ago)');
    t += 60_000;
    const later = await runtime.health.report();
    expect(later.workers.find((w) => w.name === 'w-health')).toMatchObject({ alive: false });
    expect(later.history.map((h) => h.at)).toEqual([new Date(t - 60_000).toISOString(), new Date(t).toISOString()]);
    await reg.stop();
  });
});

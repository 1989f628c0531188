// Metrics from live tickets (not imported CSV): tickets created, answered, escalated, reopened and solved
// through the API at instants the test controls, with the SLA Monitor timing them; GET /api/metrics/live and
// a live measurement give MTTR, first response, breach rate and re-escalation rate equal to hand-computed values.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server/start';
import { api } from '../helpers/server';

const ADMIN = 'ow_live-metrics-admin-0123456789abcdef';
const START = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;
/** Each attempt works a day of its own (a retry on the same server must not count the first attempt's tickets). */
let T0 = START;
let attempt = 0;
const MIN = 60_000;
const HOUR = 3_600_000;
let nowMs = START;
/** The server's clock: frozen, moved only by the test, so every timestamp is known. */
const clock = { now: () => new Date(nowMs) };

describe('live metrics from tickets handled through the API', () => {
  let running: RunningServer;
  let dataDir: string;
  const call = (method: string, path: string, body?: unknown) => api(running, method, path, { token: ADMIN, body });
  const at = async (offsetMs: number) => {
    nowMs = T0 + offsetMs;
    // What the SLA wake loop does at that instant, run now instead of after its sleep.
    await running.runtime.sla.checkDue();
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await call(method, path, body);
    expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300);
    return r.json;
  };
  const create = async (subject: string, priority: string) => (await ok('POST', '/api/tickets', { subject, priority })).id as string;
  const reply = (id: string) => ok('POST', `/api/tickets/${id}/comments`, { body: 'Looking into it', public: true, author: 'l1-ana' });
  const status = (id: string, s: string) => ok('POST', `/api/tickets/${id}/status`, { status: s });
  const escalate = (id: string) => ok('POST', `/api/tickets/${id}/escalate`, { reason: 'needs a specialist' });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ow-live-metrics-'));
    running = await startServer(loadConfig({ port: 0, dataDir, logLevel: 'silent' }, { OW_ADMIN_TOKEN: ADMIN }), createLogger('silent', false), { clock });
    for (const tier of ['L1', 'L2', 'L3']) await ok('POST', '/api/support-agents', { id: tier === 'L1' ? 'l1-ana' : `${tier.toLowerCase()}-agent`, name: tier, tier, status: 'online', maxConcurrent: 10 });
    // Known targets, no escalation policy (a breach must not move tickets and change the counts by itself).
    await ok('POST', '/api/sla-policies', {
      id: 'live-test',
      name: 'Live metrics test',
      targets: { urgent: { firstResponseMinutes: 30, resolutionMinutes: 120 }, high: { firstResponseMinutes: 60, resolutionMinutes: 240 }, normal: { firstResponseMinutes: 600, resolutionMinutes: 1200 }, low: { firstResponseMinutes: 1440, resolutionMinutes: 2880 } },
      escalationPolicyId: null,
      isDefault: true,
    });
  }, 180_000);
  afterAll(async () => {
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('equals MTTR, first response, SLA breach rate and re-escalation rate computed by hand', { timeout: 180_000 }, async () => {
    T0 = START + attempt++ * DAY;
    const window = `windowStart=${new Date(T0).toISOString()}&windowEnd=${new Date(T0 + DAY).toISOString()}`;
    await at(0);
    const a = await create('A: high, escalated once, on time', 'high');
    const b = await create('B: high, both targets breached', 'high');
    const c = await create('C: urgent, escalated then reopened', 'urgent');
    const d = await create('D: normal, escalated twice, still open', 'normal');
    await at(5 * MIN);
    await escalate(a);
    await escalate(d);
    await at(10 * MIN);
    await escalate(c);
    await escalate(d);
    await at(20 * MIN);
    await reply(c); // C first response 20 min (target 30): met
    await at(30 * MIN);
    await reply(a); // A first response 30 min (target 60): met
    await at(60 * MIN);
    await status(c, 'solved'); // C solved at 1 h (target 2 h)
    await at(90 * MIN);
    await status(c, 'open'); // reopened after an escalation: re-escalated
    await at(100 * MIN);
    await status(c, 'solved'); // C resolved at 1 h 40 (resolution clock ran 60 + 10 = 70 min of 120): met
    await at(2 * HOUR); // B's first response (60 min) is overdue: the monitor records the breach
    await reply(b); // B first response 2 h
    await at(3 * HOUR);
    await status(a, 'solved'); // A resolved at 3 h (target 4 h): met
    await at(4.5 * HOUR); // B's resolution (4 h) is overdue: breached
    await at(5 * HOUR);
    await status(b, 'solved'); // B resolved at 5 h

    const clocks = await call('GET', `/api/tickets/${b}/sla`);
    expect((clocks.json.clocks as Array<{ metric: string; status: string }>).map((k) => k.status)).toEqual(['met', 'met']);

    // By hand. MTTR over the resolved A 3 h, B 5 h, C 1 h 40; first response over A 0.5 h, B 2 h, C 1/3 h.
    const mttr = [3, 5, 100 / 60];
    const frt = [0.5, 2, 20 / 60];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    // SLA cycles completed: A 2 met, B 2 breached, C 2 met; D's two clocks still run inside their targets.
    const breachRate = 2 / 6;
    // Escalated: A (once), C (once, reopened after), D (twice): two of three re-escalated.
    const reEscalationRate = 2 / 3;

    const live = await call('GET', `/api/metrics/live?${window}`);
    expect(live.status, live.text).toBe(200);
    const all = (live.json.figures as { all: Record<string, unknown> }).all as {
      tickets: number; resolved: number; mttrHours: { count: number; mean: number; p50: number }; firstResponseHours: { count: number; mean: number; p50: number };
      slaCyclesCompleted: number; slaCyclesBreached: number; slaBreachRate: number; escalated: number; reEscalated: number; reEscalationRate: number;
    };
    expect(all.tickets).toBe(4);
    expect(all.resolved).toBe(3);
    expect(all.mttrHours.count).toBe(3);
    expect(all.mttrHours.mean).toBeCloseTo(mean(mttr), 9);
    expect(all.mttrHours.p50).toBeCloseTo(3, 9);
    expect(all.firstResponseHours.count).toBe(3);
    expect(all.firstResponseHours.mean).toBeCloseTo(mean(frt), 9);
    expect(all.firstResponseHours.p50).toBeCloseTo(0.5, 9);
    expect([all.slaCyclesCompleted, all.slaCyclesBreached]).toEqual([6, 2]);
    expect(all.slaBreachRate).toBeCloseTo(breachRate, 12);
    expect([all.escalated, all.reEscalated]).toEqual([3, 2]);
    expect(all.reEscalationRate).toBeCloseTo(reEscalationRate, 12);
    // Per priority: high holds A and B only.
    const high = (live.json.figures as { byPriority: Record<string, typeof all> }).byPriority.high as typeof all;
    expect(high.tickets).toBe(2);
    expect(high.mttrHours.mean).toBeCloseTo(4, 9);
    expect(high.slaBreachRate).toBeCloseTo(2 / 4, 12);
    expect(high.reEscalationRate).toBe(0);

    // A live measurement stores the same figures.
    const snap = await call('POST', '/api/metrics/snapshots', { kind: 'measured', source: 'live', windowStart: new Date(T0).toISOString(), windowEnd: new Date(T0 + DAY).toISOString() });
    expect(snap.status, snap.text).toBe(201);
    expect(snap.json.figures).toEqual(live.json.figures);

    // A window that starts after the tickets were created holds none of them.
    const later = await call('GET', `/api/metrics/live?windowStart=${new Date(T0 + MIN).toISOString()}`);
    expect((later.json.figures as { all: { tickets: number } }).all.tickets).toBe(0);
    // Bad input names the field and changes nothing.
    const bad = await call('GET', '/api/metrics/live?windowStart=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('windowStart');
    const empty = await call('GET', `/api/metrics/live?windowStart=${new Date(T0).toISOString()}&windowEnd=${new Date(T0).toISOString()}`);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('/windowEnd');
  });
});

// Seed 003's whole client journey through the HTTP API, as an operator drives it: Sandbox → Pilot
// → Production (a manual rollback to the pilot on the way) → Completed, with the worker loop of the
// server running the units of work, a person completing the stakeholder demo, gates refusing and
// passing on reported metrics, and the 7-day pilot window decided by the (moved) clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server/start';
import { api } from '../helpers/server';
import { until } from '../helpers/until';

const ADMIN = 'ow_journey-lifecycle-admin-0123456789';
const DAY = 86_400_000;

/** The real clock shifted by an offset the test moves: the worker loop keeps running in real time. */
const shift = { ms: 0 };
const clock = { now: () => new Date(Date.now() + shift.ms) };

let running: RunningServer;
let dataDir: string;
let operator: string;
let viewer: string;

beforeAll(async () => {
  process.env.OW_TASK_POLL_MS = '100';
  process.env.OW_TASK_SWEEP_MS = '100';
  dataDir = await mkdtemp(join(tmpdir(), 'ow-journey-'));
  running = await startServer(loadConfig({ port: 0, dataDir, logLevel: 'silent' }, { OW_ADMIN_TOKEN: ADMIN }), createLogger('silent', false), { clock });
  const server = { url: running.url };
  operator = (await api(server, 'POST', '/api/tokens', { token: ADMIN, body: { role: 'operator', name: 'delivery lead' } })).json.token as string;
  viewer = (await api(server, 'POST', '/api/tokens', { token: ADMIN, body: { role: 'viewer', name: 'exec' } })).json.token as string;
});
afterAll(async () => {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Detail = {
  journey: { journeyId: string; currentStage: string; status: string; visits: Record<string, number>; completedStages: string[] };
  stageHistory: Array<{ stage: string; visit: number; enteredAt: string; leftAt: string | null; enteredOn: string }>;
  units: Array<{ key: string; stage: string; visit: number; kind: string; status: string; startedAt: string | null; completedAt: string | null; tasks: Array<{ id: string; key: string; kind: string; status: string; ready: boolean; startedAt: string | null; finishedAt: string | null }> }>;
  validations: Array<{ passed: boolean; event: string; checks: Array<{ name: string; passed: boolean }> }>;
  rollbacks: Array<{ fromStage: string; target: string; trigger: string; reason: string; automatic: boolean; actor: string; outcome: string | null; resumedStage: string | null }>;
  timers: Array<{ key: string; status: string; stage: string }>;
  allowedEvents: Array<{ event: string; kind: string }>;
};

const call = (method: string, path: string, body?: unknown, token = operator) => api({ url: running.url }, method, path, { token, ...(body !== undefined ? { body } : {}) });
const detail = async (id: string) => (await call('GET', `/api/journeys/${id}`, undefined, viewer)).json as unknown as Detail;

/** Waits until every automated task of the current stage visit has finished. */
async function stageWorkDone(id: string): Promise<Detail> {
  return until('the stage’s automated tasks', async () => {
    const d = await detail(id);
    const visit = d.journey.visits[d.journey.currentStage];
    const mine = d.units.filter((u) => u.stage === d.journey.currentStage && u.visit === visit).flatMap((u) => u.tasks);
    return mine.every((t) => t.kind === 'human' || t.status === 'completed') ? d : undefined;
  });
}

describe('seed 003 client journey over HTTP', () => {
  it('runs Sandbox → Pilot → Production → (rollback to Pilot) → Production → Completed', async () => {
    expect((await call('POST', '/api/journeys', { definition: 'client-onboarding', clientId: 'medtronic' }, viewer)).status).toBe(403);
    const started = await call('POST', '/api/journeys', { definition: 'client-onboarding', clientId: 'medtronic', metadata: { contract: 'MSA-2026-114' } });
    expect(started.status).toBe(201);
    const id = (started.json as unknown as Detail).journey.journeyId;
    expect((started.json as unknown as Detail).journey.currentStage).toBe('sandbox');

    // Sandbox: the agents run, then the stakeholder demo waits for a person.
    const sandbox = await stageWorkDone(id);
    const demo = sandbox.units.flatMap((u) => u.tasks).find((t) => t.key === 'stakeholder-demo')!;
    expect(demo).toMatchObject({ kind: 'human', status: 'pending', ready: true });
    const waiting = (await call('GET', `/api/tasks?status=waiting_for_person&journey=${id}`, undefined, viewer)).json.items!;
    expect(waiting.map((t) => t.id)).toEqual([demo.id]);

    const early = await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_pilot' });
    expect(early.status).toBe(422);
    expect(early.json).toMatchObject({ code: 'OW_GATE_FAILED', rejection: { kind: 'gate_failed', stage: 'sandbox', allowed: ['promote_to_pilot', 'initiate_rollback', 'cancel_journey'] } });
    expect((early.json.rejection as { validation: { checks: unknown[] } }).validation.checks).toHaveLength(7);

    expect((await call('POST', `/api/tasks/${encodeURIComponent(demo.id)}/complete`, {}, viewer)).status).toBe(403);
    const approved = await call('POST', `/api/tasks/${encodeURIComponent(demo.id)}/complete`, { output: { metrics: { stakeholder_demo_approved: 1 }, notes: 'Demo accepted by CIO' } });
    expect(approved.json).toMatchObject({ status: 'completed' });
    const reported = await call('POST', `/api/journeys/${id}/metrics`, { metrics: { connector_sync_rate: 1, search_precision: 0.86, security_vulnerabilities: 0, pilot_cohort_size: 30, production_infrastructure_ready: 1 } });
    expect(reported.json.metrics).toMatchObject({ values: { stakeholder_demo_approved: 1, search_precision: 0.86 }, sources: { stakeholder_demo_approved: 'reported', tasks_completed: 'computed' } });
    const toPilot = await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_pilot' });
    expect(toPilot.status).toBe(200);
    expect(toPilot.json).toMatchObject({ journey: { currentStage: 'pilot', completedStages: ['sandbox'] } });

    // Pilot: metrics are good, but the 7-day bug-free window is not over.
    await stageWorkDone(id);
    await call('POST', `/api/journeys/${id}/metrics`, { metrics: { search_precision: 0.88, user_satisfaction: 4.2, p95_latency_ms: 420, rollout_plan_approved: 1, monitoring_configured: 1 } });
    const tooSoon = await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_production' });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.json.errors).toEqual([{ field: 'bug_free_window', message: expect.stringContaining('expected >= 7') }]);
    shift.ms += 7 * DAY + 60_000;
    await until('the pilot’s 7-day timer', async () => ((await detail(id)).timers.find((t) => t.stage === 'pilot')?.status === 'fired' ? true : undefined));
    const toProduction = await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_production' });
    expect(toProduction.status).toBe(200);
    expect(toProduction.json).toMatchObject({ journey: { currentStage: 'production' } });

    // Production: a P1 incident; the delivery lead rolls back to the pilot with a reason.
    await stageWorkDone(id);
    expect((await call('POST', `/api/journeys/${id}/rollback`, { trigger: 'major_incident' })).status).toBe(400);
    expect((await call('POST', `/api/journeys/${id}/rollback`, { trigger: 'major_incident', reason: 'P1 outage' }, viewer)).status).toBe(403);
    expect((await call('POST', `/api/journeys/${id}/events`, { type: 'initiate_rollback' })).status).toBe(409);
    const rollback = await call('POST', `/api/journeys/${id}/rollback`, { trigger: 'major_incident', reason: 'P1 outage: search index corrupted during the 100% rollout', target: 'pilot' });
    expect(rollback.status).toBe(200);
    expect(rollback.json).toMatchObject({ journey: { currentStage: 'rollback', status: 'rolling_back' } });
    const resumed = await until('the rollback to finish', async () => {
      const d = await detail(id);
      return d.journey.currentStage === 'pilot' ? d : undefined;
    });
    expect(resumed.rollbacks).toEqual([expect.objectContaining({ fromStage: 'production', target: 'pilot', trigger: 'major_incident', automatic: false, outcome: 'resumed', resumedStage: 'pilot' })]);
    expect(resumed.units.filter((u) => u.kind === 'rollback').map((u) => [u.key, u.status])).toEqual([['production-rollback', 'completed']]);
    expect(resumed.units.filter((u) => u.stage === 'production').map((u) => u.status)).toEqual(['rolled_back']);

    // Pilot again (visit 2): a fresh 7-day window, then production and completion.
    await stageWorkDone(id);
    await call('POST', `/api/journeys/${id}/metrics`, { metrics: { search_precision: 0.9, user_satisfaction: 4.4, p95_latency_ms: 380, rollout_plan_approved: 1, monitoring_configured: 1 } });
    expect((await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_production' })).status).toBe(422);
    shift.ms += 7 * DAY + 60_000;
    expect((await call('POST', `/api/journeys/${id}/events`, { type: 'promote_to_production' })).status).toBe(200);
    await stageWorkDone(id);
    await call('POST', `/api/journeys/${id}/metrics`, { metrics: { user_adoption: 0.72, search_satisfaction: 4.6, query_volume_growth: 0.24 } });
    const done = await call('POST', `/api/journeys/${id}/events`, { type: 'mark_complete' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ journey: { currentStage: 'completed', status: 'completed' } });

    const final = await detail(id);
    expect(final.stageHistory.map((v) => `${v.stage}:${v.visit}`)).toEqual(['sandbox:1', 'pilot:1', 'production:1', 'rollback:1', 'pilot:2', 'production:2', 'completed:1']);
    for (const [i, v] of final.stageHistory.entries()) {
      if (i > 0) expect(v.enteredAt).toBe(final.stageHistory[i - 1]!.leftAt);
    }
    // Every task that ran has its start and finish: what a Gantt chart is drawn from.
    const ran = final.units.flatMap((u) => u.tasks).filter((t) => t.status === 'completed');
    expect(ran.length).toBeGreaterThanOrEqual(18);
    for (const t of ran) expect(Date.parse(t.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(t.startedAt!));
    expect(final.validations.map((v) => `${v.event}:${v.passed}`)).toEqual([
      'promote_to_pilot:false',
      'promote_to_pilot:true',
      'promote_to_production:false',
      'promote_to_production:true',
      'promote_to_production:false',
      'promote_to_production:true',
      'mark_complete:true',
    ]);
    expect(final.allowedEvents).toEqual([]);

    const listed = (await call('GET', '/api/journeys?status=completed&client=medtronic', undefined, viewer)).json;
    expect(listed).toMatchObject({ total: 1, items: [{ journeyId: id, currentStage: 'completed' }] });
    const log = (await call('GET', `/api/events?key=${id}&topics=journey.*&limit=1000`, undefined, viewer)).json.items!.map((e) => e.topic);
    expect(log.filter((t) => t === 'journey.transitioned')).toHaveLength(6);
    expect(log).toEqual(expect.arrayContaining(['journey.started', 'journey.gate.failed', 'journey.gate.passed', 'journey.timer.fired', 'journey.rollback.started', 'journey.rollback.completed', 'journey.completed']));
    const audit = (await call('GET', `/api/audit?target=${id}&limit=100`, undefined, ADMIN)).json.items!.map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['journey.start', 'journey.event', 'journey.metrics.report', 'journey.gate.failed', 'journey.timer.fire']));

    // Seed 003's success metrics, computed by the server from this journey's events.
    const metrics = (await call('GET', '/api/journeys/metrics', undefined, viewer)).json as unknown as {
      journeys: number;
      timeToProduction: { averageDays: number | null; medianDays: number | null; reached: number };
      successRate: { rate: number | null; count: number; of: number };
      rollbackRate: { rate: number | null; count: number; of: number };
      firstPassRate: { rate: number | null; count: number; of: number };
    };
    expect(metrics).toMatchObject({ journeys: 1, timeToProduction: { reached: 1 }, successRate: { rate: 1, count: 1, of: 1 }, rollbackRate: { rate: 1, count: 1, of: 1 } });
    // Sandbox's first promotion failed its gate: not every gated promotion passed first time.
    expect(metrics.firstPassRate.of).toBeGreaterThanOrEqual(3);
    expect(metrics.firstPassRate.count).toBeLessThan(metrics.firstPassRate.of);
    expect(metrics.timeToProduction.averageDays).toBe(metrics.timeToProduction.medianDays);
    expect(metrics.timeToProduction.averageDays).toBeGreaterThan(0);
    const other = (await call('GET', '/api/journeys/metrics?definition=nothing-like-it', undefined, viewer)).json;
    expect(other).toMatchObject({ journeys: 0, successRate: { rate: null, of: 0 }, rollbackRate: { rate: null }, firstPassRate: { rate: null } });
    expect((await call('GET', '/api/journeys/metrics?bogus=1', undefined, viewer)).status).toBe(400);
  }, 120_000);

  it('answers the API’s bad input precisely and lists definitions', async () => {
    const defs = (await call('GET', '/api/journey-definitions', undefined, viewer)).json.items!;
    expect(defs.map((d) => d.id)).toContain('client-onboarding');
    const bad = await call('POST', '/api/journey-definitions', { id: 'x', name: 'X', events: [{ name: 'go' }], stages: [{ id: 'a', name: 'A', kind: 'active', unitsOfWork: [{ key: 'u', name: 'U', tasks: [{ key: 't', name: 'T', handler: 'nobody' }] }] }, { id: 'end', name: 'End', kind: 'final', outcome: 'success' }], transitions: [{ from: null, event: 'go', to: 'a' }, { from: 'a', event: 'go', to: 'end' }] });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('OW_UNKNOWN_HANDLER');
    const cyclic = await call('POST', '/api/tasks', { tasks: [{ key: 'a', handler: 'noop', dependsOn: ['b'] }, { key: 'b', handler: 'noop', dependsOn: ['a'] }] });
    expect(cyclic.status).toBe(422);
    expect(cyclic.json).toMatchObject({ code: 'OW_DEPENDENCY_CYCLE', errors: [{ pointer: '/tasks/0/dependsOn', message: 'dependency cycle: a → b → a' }] });
    const ghost = await call('POST', '/api/tasks', { tasks: [{ key: 'a', handler: 'ghost-agent' }] });
    expect(ghost.status).toBe(422);
    expect(ghost.json).toMatchObject({ code: 'OW_UNKNOWN_HANDLER', errors: [{ pointer: '/tasks/0/handler', message: "unknown handler 'ghost-agent'" }] });
    expect(bad.json.errors).toEqual([{ pointer: '/stages/0/unitsOfWork/0/tasks/0/handler', message: expect.stringContaining("unknown handler 'nobody'") }]);
    const malformed = await api({ url: running.url }, 'POST', '/api/journeys', { token: operator, rawBody: '{"definition": "client-onboarding", "clientId": }' });
    expect(malformed.json).toMatchObject({ code: 'OW_MALFORMED_JSON', errors: [{ line: 1, column: 49 }] });
    expect((await call('GET', '/api/journeys/does-not-exist', undefined, viewer)).status).toBe(404);
    expect((await call('GET', '/api/tasks?status=bogus', undefined, viewer)).status).toBe(400);
  });
});

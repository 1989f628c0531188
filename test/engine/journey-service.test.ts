// The journey engine on both drivers: seed 003's client onboarding from start through gates,
// automatic and manual rollback, to its end; every change with its rows, audit and events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { JourneyRejectedError } from '../../src/engine/journey-rejection';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { DAY, PILOT_DONE, SANDBOX_DONE, TestClock, journeyRuntime, rows } from './journey-helpers';

async function rejection(p: Promise<unknown>): Promise<JourneyRejectedError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof JourneyRejectedError) return err;
    throw err;
  }
  throw new Error('expected the event to be refused');
}

describe.each(DRIVERS)('journey engine on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock();
    jr = journeyRuntime(db, clock);
    await jr.definitions.ensureBuiltins();
  });
  afterAll(async () => {
    await db.close();
  });
  // Each test's journey ends, so its open tasks never reach the next test's worker.
  afterEach(async () => {
    for (const j of (await jr.views.list({ limit: 500, offset: 0 })).items) {
      if (j.status === 'active' || j.status === 'rolling_back') await jr.journeys.cancel(j.journeyId, { reason: 'end of test' }, 'test');
    }
  });

  const topics = async (journeyId: string) => (await readEvents(db, { key: journeyId, limit: 1000 })).map((e) => e.topic);

  async function startOnboarding(client: string): Promise<string> {
    const started = await jr.journeys.start({ definition: 'client-onboarding', clientId: client }, 'tester');
    return started.journey.journeyId;
  }

  /** Runs the sandbox's work: automated tasks by the worker, the stakeholder demo by a person. */
  async function finishSandboxWork(id: string): Promise<void> {
    await jr.worker!.drain();
    const demo = (await jr.views.detail(id)).units.flatMap((u) => u.tasks).find((t) => t.key === 'stakeholder-demo')!;
    await jr.tasks.complete(demo.id, { output: { note: 'approved in the demo call' } }, 'alice');
  }

  it('starts the built-in client onboarding in the sandbox with seed 003’s units, tasks and audit', async () => {
    const id = await startOnboarding('medtronic');
    const d = await jr.views.detail(id);
    expect(d.journey).toMatchObject({ clientId: 'medtronic', definitionId: 'client-onboarding', currentStage: 'sandbox', status: 'active', version: 1, completedStages: [] });
    expect(d.units.map((u) => [u.key, u.status, u.tasks.map((t) => t.key)])).toEqual([
      ['sandbox-setup', 'pending', ['install-connectors', 'provision-test-dataset', 'validate-search-quality']],
      ['sandbox-review', 'pending', ['security-scan', 'stakeholder-demo']],
    ]);
    const tasks = d.units.flatMap((u) => u.tasks);
    for (const t of tasks) expect(t.idempotencyKey).toBe(t.id);
    expect(tasks.find((t) => t.key === 'install-connectors')).toMatchObject({ id: `${id}/sandbox/1/sandbox-setup/install-connectors`, handler: 'connector-installation-agent', ready: true, input: { connector_type: 'confluence', auth_method: 'oauth2' } });
    // Across units: the review waits for every task of the setup unit.
    expect(tasks.find((t) => t.key === 'security-scan')).toMatchObject({ ready: false, waitingOn: 3 });
    expect(tasks.find((t) => t.key === 'stakeholder-demo')).toMatchObject({ kind: 'human', waitingOn: 4 });
    expect(d.stageHistory).toEqual([{ seq: 1, stage: 'sandbox', visit: 1, enteredAt: clock.now().toISOString(), enteredOn: 'start_journey', leftAt: null, leftOn: null }]);
    expect(d.allowedEvents.map((e) => [e.event, e.kind])).toEqual([['promote_to_pilot', 'forward'], ['initiate_rollback', 'rollback'], ['cancel_journey', 'cancel']]);
    expect(await topics(id)).toEqual(['journey.started', 'journey.stage.entered']);
    expect((await listAudit(db, { target: id, limit: 10 })).map((a) => [a.actor, a.action])).toEqual([['tester', 'journey.start']]);
  });

  it('runs a stage’s work in dependency order; the human task waits for a person; units follow their tasks', async () => {
    const id = await startOnboarding('acme');
    expect(await jr.worker!.drain({ batch: 10, max: 2 })).toBe(2);
    let tasks = (await jr.views.detail(id)).units.flatMap((u) => u.tasks);
    expect(tasks.filter((t) => t.status === 'completed').map((t) => t.key).sort()).toEqual(['install-connectors', 'provision-test-dataset']);
    await jr.worker!.drain();
    const d = await jr.views.detail(id);
    tasks = d.units.flatMap((u) => u.tasks);
    expect(tasks.map((t) => [t.key, t.status])).toEqual([
      ['install-connectors', 'completed'],
      ['provision-test-dataset', 'completed'],
      ['validate-search-quality', 'completed'],
      ['security-scan', 'completed'],
      ['stakeholder-demo', 'pending'],
    ]);
    expect(tasks.find((t) => t.key === 'stakeholder-demo')).toMatchObject({ ready: true, attempt: 0 });
    expect(d.units.map((u) => u.status)).toEqual(['completed', 'running']);
    // The simulated agent got its task's idempotency key.
    expect(tasks[0]!.output).toMatchObject({ simulated: true, idempotencyKey: tasks[0]!.id });
    const demo = tasks.find((t) => t.key === 'stakeholder-demo')!;
    const done = await jr.tasks.complete(demo.id, { output: { metrics: { stakeholder_demo_approved: 1 } } }, 'alice');
    expect(done).toMatchObject({ status: 'completed', output: { metrics: { stakeholder_demo_approved: 1 } } });
    const after = await jr.views.detail(id);
    expect(after.units.map((u) => u.status)).toEqual(['completed', 'completed']);
    expect(after.metrics.values.stakeholder_demo_approved).toBe(1);
    expect(after.metrics.values.tasks_completed).toBe(5);
    await expect(jr.tasks.complete(demo.id, {}, 'alice')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    await expect(jr.tasks.complete(tasks[0]!.id, {}, 'alice')).rejects.toThrow(/is automated/);
  });

  it('a failing gate changes nothing but is stored and announced; with the metrics reported it promotes', async () => {
    const id = await startOnboarding('globex');
    await finishSandboxWork(id);
    const before = await jr.views.detail(id);
    const refused = await rejection(jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'bob'));
    expect(refused.code).toBe('OW_GATE_FAILED');
    expect(refused.status).toBe(422);
    expect(refused.rejection.kind).toBe('gate_failed');
    expect(refused.errors.map((e) => e.field)).toEqual(['connectors_syncing', 'search_quality', 'security_scan', 'stakeholder_approval', 'pilot_cohort_min', 'pilot_cohort_max', 'production_infrastructure']);
    const mid = await jr.views.detail(id);
    expect(mid.journey.version).toBe(before.journey.version);
    expect(mid.journey.currentStage).toBe('sandbox');
    expect(mid.validations).toHaveLength(1);
    expect(mid.validations[0]).toMatchObject({ passed: false, event: 'promote_to_pilot', targetStage: 'pilot', actor: 'bob' });
    expect(mid.validations[0]!.checks).toHaveLength(7);
    expect((await topics(id)).filter((t) => t === 'journey.gate.failed')).toHaveLength(1);

    // A report below threshold still fails, naming actual vs expected.
    await jr.journeys.reportMetrics(id, { metrics: { ...SANDBOX_DONE, search_precision: 0.7 } }, 'bob');
    const low = await rejection(jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'bob'));
    expect(low.errors).toEqual([{ field: 'search_quality', message: expect.stringContaining('actual 0.7, expected >= 0.8') }]);

    clock.advance(60_000);
    await jr.journeys.reportMetrics(id, { metrics: { search_precision: 0.91 } }, 'bob');
    const moved = await jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'bob');
    expect(moved.journey).toMatchObject({ currentStage: 'pilot', previousStage: 'sandbox', completedStages: ['sandbox'], version: 2 });
    const d = await jr.views.detail(id);
    expect(d.validations.map((v) => v.passed)).toEqual([false, false, true]);
    expect(d.validations[2]!.metrics).toMatchObject({ search_precision: 0.91, connector_sync_rate: 1 });
    expect(d.stageHistory.map((v) => [v.stage, v.enteredOn, v.leftOn])).toEqual([['sandbox', 'start_journey', 'promote_to_pilot'], ['pilot', 'promote_to_pilot', null]]);
    expect(d.units.filter((u) => u.stage === 'pilot').map((u) => u.key)).toEqual(['pilot-rollout']);
    expect(d.timers).toEqual([expect.objectContaining({ stage: 'pilot', key: 'bug-free-window', status: 'scheduled', fireAt: new Date(clock.t + 7 * DAY).toISOString() })]);
    // The pilot's own gate includes the 7-day window, which the clock, not a report, decides.
    await jr.journeys.reportMetrics(id, { metrics: PILOT_DONE }, 'bob');
    const early = await rejection(jr.journeys.applyEvent(id, { type: 'promote_to_production' }, 'bob'));
    expect(early.errors.map((e) => e.field)).toEqual(['bug_free_window']);
    await expect(jr.journeys.reportMetrics(id, { metrics: { days_in_stage: 9 } }, 'bob')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [{ pointer: '/metrics/days_in_stage' }] });
  });

  it('a metric rule rolls the pilot back; its rollback work runs, then the journey resumes in the sandbox', async () => {
    const id = await startOnboarding('initech');
    await finishSandboxWork(id);
    await jr.journeys.reportMetrics(id, { metrics: SANDBOX_DONE }, 'bob');
    await jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'bob');
    const report = await jr.journeys.reportMetrics(id, { metrics: { user_satisfaction: 3.2 } }, 'bob');
    expect(report.automatic).toEqual([{ event: 'initiate_rollback', from: 'pilot', to: 'rollback', why: expect.stringContaining('user_satisfaction is 3.2') }]);
    let d = await jr.views.detail(id);
    expect(d.journey).toMatchObject({ currentStage: 'rollback', status: 'rolling_back', rollback: { from: 'pilot', trigger: 'user_satisfaction_low', automatic: true, target: { kind: 'stage', stage: 'sandbox' } } });
    expect(d.units.filter((u) => u.stage === 'pilot').map((u) => u.status)).toEqual(['cancelled']);
    expect(d.units.filter((u) => u.kind === 'rollback').map((u) => [u.key, u.status])).toEqual([['pilot-rollback', 'pending']]);
    expect(d.timers.map((t) => t.status)).toEqual(['cancelled']);
    expect(d.rollbacks).toEqual([expect.objectContaining({ fromStage: 'pilot', target: 'sandbox', trigger: 'user_satisfaction_low', automatic: true, actor: 'system', completedAt: null, evidence: [expect.objectContaining({ metric: 'user_satisfaction', actual_value: 3.2, threshold: 3.5 })] })]);

    await jr.worker!.drain();
    d = await jr.views.detail(id);
    expect(d.journey).toMatchObject({ currentStage: 'sandbox', status: 'active', rollback: null, visits: { sandbox: 2, pilot: 1, rollback: 1 } });
    expect(d.rollbacks[0]).toMatchObject({ outcome: 'resumed', resumedStage: 'sandbox', completedAt: clock.now().toISOString() });
    expect(d.units.filter((u) => u.stage === 'pilot').map((u) => u.status)).toEqual(['rolled_back']);
    expect(d.units.filter((u) => u.stage === 'sandbox' && u.visit === 2).map((u) => u.key)).toEqual(['sandbox-setup', 'sandbox-review']);
    expect(d.stageHistory.map((v) => `${v.stage}:${v.visit}`)).toEqual(['sandbox:1', 'pilot:1', 'rollback:1', 'sandbox:2']);
    const t = await topics(id);
    expect(t).toContain('journey.rollback.started');
    expect(t).toContain('journey.rollback.completed');
    expect((await listAudit(db, { target: id, limit: 50 })).map((a) => a.action)).toContain('journey.metrics.report');
  });

  it('a counted signal (a critical bug) fires the critical_bug rule', async () => {
    const id = await startOnboarding('hooli');
    await finishSandboxWork(id);
    await jr.journeys.reportMetrics(id, { metrics: SANDBOX_DONE }, 'bob');
    await jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'bob');
    await expect(jr.journeys.signal(id, { topic: 'journey.nonsense', payload: {} }, 'bob')).rejects.toMatchObject({ code: 'OW_VALIDATION' });
    const minor = await jr.journeys.signal(id, { topic: 'journey.bug.reported', payload: { severity: 'minor' } }, 'bob');
    expect(minor.journey.currentStage).toBe('pilot');
    expect(minor.metrics.values.bug_count).toBe(0);
    const critical = await jr.journeys.signal(id, { topic: 'journey.bug.reported', payload: { severity: 'critical', summary: 'search returns other tenants’ documents' } }, 'bob');
    expect(critical.automatic.map((a) => a.event)).toEqual(['initiate_rollback']);
    expect(critical.journey.rollback?.trigger).toBe('critical_bug');
  });

  it('a manual rollback needs a declared trigger and a reason; rolling back to "cancel" ends the journey', async () => {
    const id = await startOnboarding('umbrella');
    const before = await jr.views.detail(id);
    const unknown = await rejection(jr.journeys.rollback(id, { trigger: 'bad_vibes', reason: 'x' }, 'carol'));
    expect(unknown.code).toBe('OW_VALIDATION');
    expect(unknown.message).toContain("unknown rollback trigger 'bad_vibes'");
    await expect(jr.journeys.rollback(id, { trigger: 'client_request', reason: '  ' }, 'carol')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [{ pointer: '/reason' }] });
    expect((await jr.views.detail(id)).journey.version).toBe(before.journey.version);
    // The plain events path refuses destructive events.
    await expect(jr.journeys.applyEvent(id, { type: 'cancel_journey' }, 'carol')).rejects.toMatchObject({ code: 'OW_CONFLICT' });

    const rolled = await jr.journeys.rollback(id, { trigger: 'client_request', reason: 'client asked to pause until Q3', target: 'cancel' }, 'carol');
    expect(rolled.journey).toMatchObject({ currentStage: 'rollback', rollback: { trigger: 'client_request', reason: 'client asked to pause until Q3', automatic: false, target: { kind: 'cancel' } } });
    await jr.worker!.drain();
    const d = await jr.views.detail(id);
    expect(d.journey).toMatchObject({ currentStage: 'cancelled', status: 'cancelled' });
    expect(d.rollbacks).toEqual([expect.objectContaining({ actor: 'carol', target: 'cancel', outcome: 'cancelled', resumedStage: 'cancelled' })]);
    expect(d.allowedEvents).toEqual([]);
    expect(await topics(id)).toContain('journey.cancelled');
    const finished = await rejection(jr.journeys.applyEvent(id, { type: 'promote_to_pilot' }, 'carol'));
    expect(finished.rejection.kind).toBe('journey_finished');
    await expect(jr.journeys.reportMetrics(id, { metrics: { x: 1 } }, 'carol')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
  });

  it('cancels with a reason, cancelling open work', async () => {
    const id = await startOnboarding('stark');
    const c = await jr.journeys.cancel(id, { reason: 'contract not signed' }, 'dave');
    expect(c.journey.status).toBe('cancelled');
    const tasks = (await jr.views.detail(id)).units.flatMap((u) => u.tasks);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['cancelled']));
    expect(await jr.worker!.drain()).toBe(0);
    await expect(jr.journeys.cancel(id, { reason: 'again' }, 'dave')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    const audit = await listAudit(db, { target: id, action: 'journey.event', limit: 5 });
    expect(audit[0]?.summary).toContain('contract not signed');
  });

  it('refuses unknown events and journeys, naming the allowed events', async () => {
    const id = await startOnboarding('wayne');
    const r = await rejection(jr.journeys.applyEvent(id, { type: 'promote_to_production' }, 'erin'));
    expect(r.code).toBe('OW_CONFLICT');
    expect(r.rejection).toMatchObject({ kind: 'event_not_allowed', stage: 'sandbox', allowed: ['promote_to_pilot', 'initiate_rollback', 'cancel_journey'] });
    await expect(jr.journeys.applyEvent('no-such-journey', { type: 'promote_to_pilot' }, 'erin')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(jr.journeys.start({ definition: 'nope', clientId: 'x' }, 'erin')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(jr.journeys.start({ clientId: 'x' }, 'erin')).rejects.toMatchObject({ code: 'OW_VALIDATION' });
    const count = await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM journey_states');
    await expect(jr.journeys.start({ definition: 'client-onboarding', clientId: '' }, 'erin')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [{ pointer: '/clientId' }] });
    expect(await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM journey_states')).toEqual(count);
  });
});

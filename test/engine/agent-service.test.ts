// Agents on the stored engine, both drivers: versions from templates, provisioning, the registry
// routing each attempt to its version, canary automatic rollback with its figures (failed tasks
// retried on stable), automatic raise and promotion, blue-green switch back, refusals that change nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import type { JourneyRuntime } from '../../src/engine/journey-runtime';
import { AgentService, CANARY_ACTOR } from '../../src/engine/agent-service';
import { listAudit } from '../../src/store/audit-repo';
import { readEvents } from '../../src/store/events-repo';
import { listTasks } from '../../src/store/task-repo';
import { listEffects } from '../../src/store/task-handlers-repo';
import { DRIVERS, openTestDb } from '../helpers/databases';
import { TestClock, journeyRuntime, rows } from './journey-helpers';

describe.each(DRIVERS)('agents on %s', (driver) => {
  let db: Db;
  let clock: TestClock;
  let jr: JourneyRuntime;
  let agents: AgentService;
  beforeAll(async () => {
    db = await openTestDb(driver);
    clock = new TestClock();
    jr = journeyRuntime(db, clock, { leaseMs: 30_000 });
    agents = new AgentService(db, clock, () => undefined, jr, { OW_TEST_SECRET: 'a-secret-of-sixteen-chars' });
  });
  afterAll(async () => {
    await db.close();
  });
  afterEach(async () => {
    for (const t of await listTasks(db, { status: 'pending', limit: 1000 })) await jr.tasks.cancel(t.id, { reason: 'end of test' }, 'test');
  });

  const effect = { template: 'builtin', config: { handler: 'record-effect' } } as const;
  const broken = { template: 'builtin', config: { handler: 'fail-n-times', parameters: { failures: 1000, message: 'v2 is broken' } } } as const;
  const enqueue = async (handler: string, n: number, prefix: string) =>
    jr.tasks.enqueue({ tasks: Array.from({ length: n }, (_, i) => ({ key: `${prefix}-${i}`, handler, retry: { maxRetries: 8, baseDelayMs: 10, maxDelayMs: 10 } })) }, 'tester');
  /** Runs every task to the end, moving the clock past retry delays. */
  const runAll = async () => {
    for (let i = 0; i < 30; i++) {
      await jr.worker!.drain();
      clock.advance(1000);
      if ((await listTasks(db, { status: 'pending', limit: 1 })).length === 0) break;
    }
  };

  it('creates an agent, provisions v1, and tasks with its name run on v1 and are recorded', async () => {
    const v1 = await agents.create({ name: 'billing-agent', ...effect, description: 'bills' }, 'ann');
    expect(v1).toMatchObject({ agent: 'billing-agent', version: 1, template: 'builtin' });
    // A draft is not a handler yet.
    expect((await jr.handlers.names()).has('billing-agent')).toBe(false);
    await agents.provision('billing-agent', 1, 'ann');
    expect((await jr.handlers.list()).find((h) => h.name === 'billing-agent')).toMatchObject({ kind: 'builtin', description: expect.stringContaining('v1') });
    const tasks = await enqueue('billing-agent', 12, 'p');
    await runAll();
    for (const t of tasks) expect((await jr.tasks.get(t.id)).status).toBe('completed');
    const runs = await agents.views.runs('billing-agent', { limit: 100 });
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((r) => `${r.version}/${r.lane}/${r.outcome}`))).toEqual(new Set(['1/stable/succeeded']));
    const topics = (await readEvents(db, { key: 'agent/billing-agent', limit: 10 })).map((e) => e.topic);
    expect(topics).toEqual(['agent.created', 'agent.version.created', 'agent.deployed']);
  });

  it('rolls a failing canary back automatically, with the reason and figures, and its failed tasks complete on stable', async () => {
    await agents.addVersion('billing-agent', broken, 'ann');
    await agents.deploy('billing-agent', { strategy: 'canary', version: 2, steps: [50, 100], threshold: { failureRate: 0.5, window: 10, minSample: 4 } }, 'ann');
    const tasks = await enqueue('billing-agent', 40, 'c');
    await runAll();
    for (const t of tasks) expect((await jr.tasks.get(t.id)).status).toBe('completed');
    // Every task's effect applied exactly once.
    const effects = await listEffects(db, tasks.map((t) => t.idempotencyKey));
    expect(effects.map((e) => e.runs)).toEqual(tasks.map(() => 1));
    const detail = await agents.views.show('billing-agent');
    expect(detail.deployment).toMatchObject({ stable: 1, candidate: null });
    const rb = detail.history[0]!;
    // At least the minimum sample, all failed (attempts running side by side may add a few before the verdict lands).
    expect(rb).toMatchObject({ action: 'rollback', automatic: true, actor: CANARY_ACTOR, fromVersion: 2, toVersion: 1, figures: { failureRate: 1, threshold: 0.5, minSample: 4, window: 10 } });
    expect(rb.figures!.sample).toBeGreaterThanOrEqual(4);
    expect(rb.figures!.failures).toBe(rb.figures!.sample);
    expect(rb.reason).toBe(`automatic rollback: v2 failed ${rb.figures!.sample} of its last ${rb.figures!.sample} runs (100% ≥ threshold 50%)`);
    // Each task that failed on v2 completed later on v1.
    const runs = await agents.views.runs('billing-agent', { limit: 1000 });
    const failedOnV2 = new Set(runs.filter((r) => r.version === 2).map((r) => r.taskId));
    expect(failedOnV2.size).toBeGreaterThanOrEqual(4);
    for (const id of failedOnV2) expect(runs.find((r) => r.taskId === id && r.outcome === 'succeeded')).toMatchObject({ version: 1, lane: 'stable' });
    const audit = await listAudit(db, { limit: 50 });
    expect(audit.find((a) => a.action === 'agent.rollback')).toMatchObject({ actor: CANARY_ACTOR, summary: expect.stringContaining(rb.reason) });
    expect(detail.versionList.map((v) => [v.version, v.state])).toEqual([[1, 'stable'], [2, 'retired']]);
  });

  it('raises a healthy canary step by step after N successes and promotes it at 100 %', async () => {
    const v3 = await agents.addVersion('billing-agent', { ...effect, notes: 'healthy' }, 'ann');
    await agents.deploy('billing-agent', { strategy: 'canary', version: v3.version, steps: [30, 60, 100], autoRaiseAfter: 2, threshold: { failureRate: 0.5, window: 10, minSample: 4 } }, 'ann');
    for (let round = 0; round < 6 && (await agents.views.show('billing-agent')).deployment.candidate !== null; round++) {
      await enqueue('billing-agent', 10, `r${round}`);
      await runAll();
    }
    const d = await agents.views.show('billing-agent');
    expect(d.deployment).toMatchObject({ stable: 3, previousStable: 1, candidate: null });
    expect(d.history.slice(0, 4).map((h) => [h.action, h.share, h.automatic]).reverse()).toEqual([
      ['canary-start', 30, false],
      ['raise', 60, true],
      ['raise', 100, true],
      ['promote', 100, true],
    ]);
  });

  it('blue-green switches every task at once and switches back instantly', async () => {
    await agents.deploy('billing-agent', { strategy: 'blue-green', version: 1 }, 'ann');
    await enqueue('billing-agent', 5, 'bg');
    await runAll();
    await agents.rollback('billing-agent', 'v1 was slower', 'ann');
    await enqueue('billing-agent', 5, 'bg2');
    await runAll();
    const runs = await rows<{ task_id: string; version: number }>(db, "SELECT task_id, version FROM agent_runs WHERE task_id LIKE 'task/%/bg%'");
    expect(runs.filter((r) => /\/bg-/.test(r.task_id)).every((r) => r.version === 1)).toBe(true);
    expect(runs.filter((r) => /\/bg2-/.test(r.task_id)).every((r) => r.version === 3)).toBe(true);
    expect((await agents.views.history('billing-agent'))[0]).toMatchObject({ action: 'rollback', fromVersion: 1, toVersion: 3, reason: 'v1 was slower', actor: 'ann', automatic: false });
  });

  it('refuses what the state or the input does not allow, and changes nothing', async () => {
    const before = (await agents.views.history('billing-agent')).length;
    await expect(agents.raise('billing-agent', 'ann')).rejects.toMatchObject({ code: 'OW_CONFLICT', message: expect.stringContaining('no canary is running') });
    await expect(agents.deploy('billing-agent', { strategy: 'canary', version: 99 }, 'ann')).rejects.toMatchObject({ code: 'OW_NOT_FOUND', errors: [{ pointer: '/version' }] });
    await expect(agents.deploy('billing-agent', { strategy: 'canary', version: 2, steps: [10, 5] }, 'ann')).rejects.toMatchObject({ code: 'OW_VALIDATION', errors: [{ pointer: '/steps' }, { pointer: '/steps' }] });
    await expect(agents.promote('nobody', 'ann')).rejects.toMatchObject({ code: 'OW_NOT_FOUND' });
    await expect(agents.create({ name: 'echo', ...effect }, 'ann')).rejects.toMatchObject({ errors: [{ pointer: '/name' }] });
    await expect(agents.create({ name: 'billing-agent', ...effect }, 'ann')).rejects.toMatchObject({ code: 'OW_CONFLICT' });
    await expect(agents.create({ name: 'x-agent', template: 'builtin', config: { handler: 'teleport' } }, 'ann')).rejects.toMatchObject({ errors: [{ pointer: '/config/handler' }] });
    await expect(agents.create({ name: 'x-agent', template: 'webhook', config: { url: 'ftp://h', secretRef: 'oops' } }, 'ann')).rejects.toMatchObject({ errors: [{ pointer: '/config/url' }, { pointer: '/config/secretRef' }] });
    expect(await agents.exists('x-agent')).toBeUndefined();
    expect((await agents.views.history('billing-agent')).length).toBe(before);
  });

  it('a human-queue agent puts each task in its queue for a person, once per task', async () => {
    await agents.create({ name: 'review-agent', template: 'human', config: { queue: 'legal', assigneeGroup: 'lawyers', dueInHours: 4 } }, 'ann');
    await agents.provision('review-agent', 1, 'ann');
    const [task] = await enqueue('review-agent', 1, 'h');
    await runAll();
    const done = await jr.tasks.get(task!.id);
    expect(done.output).toMatchObject({ queue: 'legal', assigneeGroup: 'lawyers' });
    // Due four hours after the task reached the queue (the test clock stands still while it runs).
    expect(Date.parse(String(done.output!.dueAt)) - Date.parse(done.finishedAt!)).toBe(4 * 3_600_000);
    const human = await jr.tasks.get(String(done.output!.humanTaskId));
    expect(human).toMatchObject({ kind: 'human', status: 'pending', handler: 'queue:legal', input: { assigneeGroup: 'lawyers', sourceTaskId: task!.id } });
  });

  it('the sandbox runs a version on samples outside the queue and checks the declared output schema', async () => {
    const v = await agents.addVersion('billing-agent', { template: 'builtin', config: { handler: 'echo' }, outputSchema: { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } } }, 'ann');
    const res = await agents.sandbox('billing-agent', v.version, { samples: [{ amount: 3 }, { amount: 'three' }] });
    expect(res).toMatchObject({ passed: 1, failed: 1, results: [{ index: 0, ok: true, output: { amount: 3 } }, { index: 1, ok: false, output: null, error: expect.stringContaining('/amount') }] });
    expect((await listTasks(db, { limit: 1000 })).some((t) => t.id.startsWith('sandbox'))).toBe(false);
  });
});

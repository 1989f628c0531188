// Under load, no task is lost or run twice while an agent is upgraded: 500 tasks through two worker
// loops (the server's and a second runtime on the same PostgreSQL, told of deployments by NOTIFY)
// with a blue-green switch midway; then 500 more during a canary whose candidate fails, is rolled
// back automatically, and whose failed tasks complete on the stable version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db';
import { openPostgres } from '../../src/store/drivers/pg-driver';
import { AgentService } from '../../src/engine/agent-service';
import { EventBus } from '../../src/engine/event-bus';
import { JourneyRuntime } from '../../src/engine/journey-runtime';
import { systemClock } from '../../src/engine/clock';
import { createPgDatabase } from '../helpers/databases';
import { api, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Db;
let second: { jr: JourneyRuntime; bus: EventBus; agents: AgentService };

beforeAll(async () => {
  const url = await createPgDatabase();
  server = await startTestServer({ databaseUrl: url, env: { OW_WORKER_CONCURRENCY: '8' } });
  db = await openPostgres(url, { max: 10 });
  const bus = new EventBus(db);
  const jr = new JourneyRuntime({ db, clock: systemClock, kind: 'worker', onEvents: () => bus.poke(), worker: { concurrency: 8 }, env: {} });
  const agents = new AgentService(db, systemClock, () => bus.poke(), jr);
  await bus.start();
  agents.start(bus);
  await jr.start();
  second = { jr, bus, agents };
}, 120_000);

afterAll(async () => {
  await second?.jr.stop();
  second?.agents.stop();
  await second?.bus.stop();
  await db?.close();
  await server?.close();
});

const admin = (method: string, path: string, body?: unknown) => api(server, method, path, { token: server.adminToken, body });
const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params as never))[0]!.n);

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function enqueue(prefix: string, n: number): Promise<void> {
  const res = await admin('POST', '/api/tasks', {
    tasks: Array.from({ length: n }, (_, i) => ({ key: `${prefix}-${i}`, handler: 'ledger-agent', idempotencyKey: `${prefix}-${i}`, retry: { maxRetries: 20, baseDelayMs: 20, maxDelayMs: 100 } })),
  });
  expect(res.status, res.text).toBe(201);
}

/** Every task of the batch completed, its effect applied exactly once, and exactly one successful run. */
async function expectEachExactlyOnce(prefix: string, n: number): Promise<void> {
  expect(await count(`SELECT count(*) AS n FROM tasks WHERE idempotency_key LIKE $1 AND status = 'completed'`, [`${prefix}-%`])).toBe(n);
  const effects = await db.query<{ runs: number }>('SELECT runs FROM task_effects WHERE idempotency_key LIKE $1', [`${prefix}-%`]);
  expect(effects).toHaveLength(n);
  expect(effects.every((e) => e.runs === 1)).toBe(true);
  const perTask = await db.query<{ ok: string }>(
    `SELECT count(*) FILTER (WHERE r.outcome = 'succeeded') AS ok FROM tasks t JOIN agent_runs r ON r.task_id = t.id WHERE t.idempotency_key LIKE $1 GROUP BY t.id`,
    [`${prefix}-%`],
  );
  expect(perTask).toHaveLength(n);
  expect(perTask.every((p) => Number(p.ok) === 1)).toBe(true);
}

describe('agent upgrades under load', () => {
  it('a blue-green switch midway loses no task and runs none twice', async () => {
    expect((await admin('POST', '/api/agents', { name: 'ledger-agent', template: 'builtin', config: { handler: 'record-effect' }, description: 'writes ledger rows' })).status).toBe(201);
    expect((await admin('POST', '/api/agents/ledger-agent/versions/1/provision')).status).toBe(200);
    expect((await admin('POST', '/api/agents/ledger-agent/versions', { template: 'builtin', config: { handler: 'record-effect', parameters: { variant: 'v2' } } })).json.version).toBe(2);
    await enqueue('bg', 500);
    await waitFor('a quarter of the tasks', async () => (await count("SELECT count(*) AS n FROM task_effects WHERE idempotency_key LIKE 'bg-%'")) >= 125);
    const sw = await admin('POST', '/api/agents/ledger-agent/deployments', { strategy: 'blue-green', version: 2, reason: 'v2 under load' });
    expect(sw.status).toBe(200);
    await waitFor('every task', async () => (await count("SELECT count(*) AS n FROM tasks WHERE idempotency_key LIKE 'bg-%' AND status = 'completed'")) === 500);
    await expectEachExactlyOnce('bg', 500);
    const byVersion = await db.query<{ version: number; n: string }>("SELECT r.version, count(*) AS n FROM agent_runs r JOIN tasks t ON t.id = r.task_id WHERE t.idempotency_key LIKE 'bg-%' GROUP BY r.version ORDER BY r.version");
    expect(byVersion.map((v) => v.version)).toEqual([1, 2]);
    // Both worker loops took part.
    expect(await count("SELECT count(DISTINCT payload->>'worker') AS n FROM events WHERE topic = 'task.completed'")).toBeGreaterThanOrEqual(2);
  }, 150_000);

  it('a failing canary is rolled back automatically; its failed tasks complete on stable, each exactly once', async () => {
    expect((await admin('POST', '/api/agents/ledger-agent/versions', { template: 'builtin', config: { handler: 'fail-n-times', parameters: { failures: 1000, message: 'v3 cannot reach the ledger' } } })).json.version).toBe(3);
    const start = await admin('POST', '/api/agents/ledger-agent/deployments', { strategy: 'canary', version: 3, steps: [20, 50, 100], threshold: { failureRate: 0.5, window: 20, minSample: 10 } });
    expect(start.status).toBe(200);
    await enqueue('cn', 500);
    await waitFor('every task', async () => (await count("SELECT count(*) AS n FROM tasks WHERE idempotency_key LIKE 'cn-%' AND status = 'completed'")) === 500);
    await expectEachExactlyOnce('cn', 500);
    const history = (await admin('GET', '/api/agents/ledger-agent/history')).json.items!;
    const rb = history.find((h) => h.action === 'rollback')!;
    expect(rb).toMatchObject({ automatic: true, actor: 'system:canary', fromVersion: 3, toVersion: 2 });
    expect(String(rb.reason)).toMatch(/^automatic rollback: v3 failed \d+ of its last \d+ runs/);
    expect((rb.figures as { sample: number }).sample).toBeGreaterThanOrEqual(10);
    const detail = (await admin('GET', '/api/agents/ledger-agent')).json;
    expect(detail.deployment).toMatchObject({ stable: 2, candidate: null });
    // Each task that failed on v3 completed later on v2; v3 never succeeded.
    const failed = await db.query<{ task_id: string }>("SELECT DISTINCT task_id FROM agent_runs WHERE version = 3");
    expect(failed.length).toBeGreaterThanOrEqual(10);
    const v3ok = await count("SELECT count(*) AS n FROM agent_runs WHERE version = 3 AND outcome = 'succeeded'");
    expect(v3ok).toBe(0);
    const recovered = await count("SELECT count(DISTINCT task_id) AS n FROM agent_runs WHERE version = 2 AND outcome = 'succeeded' AND task_id IN (SELECT task_id FROM agent_runs WHERE version = 3)");
    expect(recovered).toBe(failed.length);
    expect(await count("SELECT count(*) AS n FROM tasks WHERE dead_lettered_at IS NOT NULL")).toBe(0);
    // The decision was committed with its audit entry and event.
    const audit = (await admin('GET', '/api/audit?limit=200')).json.items!;
    expect(audit.find((e) => e.action === 'agent.rollback')).toMatchObject({ actor: 'system:canary', summary: expect.stringContaining('automatic rollback') });
    expect(await count("SELECT count(*) AS n FROM events WHERE topic = 'agent.rolled_back'")).toBe(1);
  }, 150_000);
});

// The operations API as an operator meets it: status with check latencies, queues (404 for an
// unknown one), dead letters retried and purged (roles, typed confirmation, reason, nothing changed
// when refused), the audit search and CSV export, and context observability.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';
import { until } from '../helpers/until';

let server: TestServer;
let viewer: string;
let operator: string;

async function deadLetters(query = ''): Promise<{ items: Array<Record<string, unknown>>; total: number }> {
  return (await api(server, 'GET', `/api/dead-letters${query}`, { token: viewer })).json as never;
}

async function enqueueDoomed(keys: string[], message = 'agent unreachable'): Promise<string[]> {
  const res = await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: keys.map((key) => ({ key, handler: 'fail-n-times', input: { failures: 1, message }, retry: { maxRetries: 0 } })) } });
  expect(res.status).toBe(201);
  const ids = (res.json.items ?? []).map((t) => String(t.id));
  await until('the tasks to be dead-lettered', async () => {
    const { items } = await deadLetters('?queue=fail-n-times&limit=500');
    return ids.every((id) => items.some((t) => t.id === id)) ? true : undefined;
  });
  return ids;
}

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'vera');
  operator = await createToken(server, 'operator', 'olga');
});
afterAll(async () => {
  await server.close();
});

describe('status', () => {
  it('reports every check with its latency and the workers with their heartbeat, to viewers only', async () => {
    expect((await api(server, 'GET', '/api/status')).status).toBe(401);
    const res = await api(server, 'GET', '/api/status', { token: viewer });
    expect(res.status).toBe(200);
    const body = res.json as { status: string; checks: Array<{ name: string; latencyMs: number }>; workers: Array<{ alive: boolean; heartbeatAt: string }>; history: unknown[] };
    expect(body.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['database', 'migrations', 'workers']));
    for (const c of body.checks) expect(c.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.workers.some((w) => w.alive)).toBe(true);
    expect(body.history.length).toBeGreaterThan(0);
  });

  it('runs checks a capability registers, in /api/status and /readyz', async () => {
    server.running.runtime.health.register('channel:test', async () => ({ status: 'warn', detail: 'slow smtp' }));
    const status = await api(server, 'GET', '/api/status', { token: viewer });
    expect((status.json as { checks: unknown[] }).checks).toContainEqual(expect.objectContaining({ name: 'channel:test', status: 'warn', detail: 'slow smtp', latencyMs: expect.any(Number) }));
    expect((await api(server, 'GET', '/readyz')).json.checks).toContainEqual(expect.objectContaining({ name: 'channel:test', status: 'warn' }));
  });
});

describe('queues and dead letters', () => {
  it('lists queues, answers 404 for an unknown queue or task', async () => {
    await enqueueDoomed(['q1']);
    const list = await api(server, 'GET', '/api/queues', { token: viewer });
    expect(list.json.items).toContainEqual(expect.objectContaining({ name: 'fail-n-times', deadLetters: expect.any(Number), lastHour: expect.objectContaining({ failed: expect.any(Number) }) }));
    const one = await api(server, 'GET', '/api/queues/fail-n-times?minutes=10', { token: viewer });
    expect(one.status).toBe(200);
    expect((one.json as { series: unknown[] }).series).toHaveLength(10);
    expect((await api(server, 'GET', '/api/queues/no-such-queue', { token: viewer })).json).toMatchObject({ status: 404, code: 'OW_NOT_FOUND' });
    expect((await api(server, 'POST', `/api/dead-letters/${encodeURIComponent('task/none/x')}/retry`, { token: operator })).status).toBe(404);
    expect((await api(server, 'GET', '/api/queues/flow', { token: viewer })).json).toMatchObject({ mermaid: expect.stringMatching(/\nflowchart LR\n/) });
  });

  it('refuses a viewer retrying or purging (403), and a purge without confirmation or reason (400), changing nothing', async () => {
    const [id] = await enqueueDoomed(['r1']);
    const before = await deadLetters('?queue=fail-n-times');
    expect((await api(server, 'POST', `/api/dead-letters/${encodeURIComponent(id!)}/retry`, { token: viewer })).status).toBe(403);
    expect((await api(server, 'POST', '/api/dead-letters/retry', { token: viewer, body: { filter: {} } })).status).toBe(403);
    expect((await api(server, 'POST', '/api/dead-letters/purge', { token: viewer, body: { filter: { queue: 'fail-n-times' }, confirm: 'fail-n-times', reason: 'no' } })).status).toBe(403);
    const noConfirm = await api(server, 'POST', '/api/dead-letters/purge', { token: operator, body: { filter: { queue: 'fail-n-times' }, reason: 'poison' } });
    expect(noConfirm.status).toBe(400);
    expect(noConfirm.json.errors).toContainEqual(expect.objectContaining({ pointer: '/confirm' }));
    const noReason = await api(server, 'POST', '/api/dead-letters/purge', { token: operator, body: { filter: { queue: 'fail-n-times' }, confirm: 'fail-n-times' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors).toContainEqual(expect.objectContaining({ pointer: '/reason' }));
    const wrong = await api(server, 'POST', '/api/dead-letters/purge', { token: operator, body: { filter: { queue: 'fail-n-times' }, confirm: 'other-queue', reason: 'poison' } });
    expect(wrong.status).toBe(400);
    expect((await deadLetters('?queue=fail-n-times')).total).toBe(before.total);
    expect((await api(server, 'GET', '/api/audit/search?action=dead-letter.', { token: viewer })).json.items).toEqual([]);
  });

  it('retries one dead letter, and previews then retries all matching a filter in one audited change', async () => {
    const [one] = await enqueueDoomed(['solo'], 'solo failure');
    const retried = await api(server, 'POST', `/api/dead-letters/${encodeURIComponent(one!)}/retry`, { token: operator });
    expect(retried.json).toMatchObject({ id: one, status: 'pending' });
    await until('the retried task to complete', async () => ((await api(server, 'GET', `/api/tasks/${encodeURIComponent(one!)}`, { token: viewer })).json.status === 'completed' ? true : undefined));

    await enqueueDoomed(['m1', 'm2', 'm3'], 'bulk failure 42');
    const preview = await api(server, 'POST', '/api/dead-letters/retry?dryRun=true', { token: operator, body: { filter: { error: 'failure 42' } } });
    expect(preview.json).toMatchObject({ dryRun: true, matched: 3, changed: 0 });
    expect((await deadLetters('?error=failure%2042')).total).toBe(3);
    const all = await api(server, 'POST', '/api/dead-letters/retry', { token: operator, body: { filter: { error: 'failure 42' } } });
    expect(all.json).toMatchObject({ dryRun: false, matched: 3, changed: 3 });
    const audit = (await api(server, 'GET', '/api/audit/search?action=dead-letter.retry-all', { token: viewer })).json.items ?? [];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'olga', summary: expect.stringContaining('retried 3 dead letter(s)'), details: expect.objectContaining({ count: 3 }) });
  });

  it('purges with the typed count and a reason, keeping what was purged, by whom and why', async () => {
    await enqueueDoomed(['p1', 'p2'], 'poison 77');
    const dry = await api(server, 'POST', '/api/dead-letters/purge?dryRun=true', { token: operator, body: { filter: { error: 'poison 77' } } });
    expect(dry.json).toMatchObject({ dryRun: true, matched: 2, confirmWith: ['2'] });
    const done = await api(server, 'POST', '/api/dead-letters/purge', { token: operator, body: { filter: { error: 'poison 77' }, confirm: '2', reason: 'malformed payloads' } });
    expect(done.json).toMatchObject({ matched: 2, changed: 2, purgeId: expect.stringMatching(/^purge_/) });
    expect((await deadLetters('?error=poison%2077')).total).toBe(0);
    const trail = (await api(server, 'GET', '/api/dead-letters/purged', { token: viewer })).json.items ?? [];
    expect(trail.filter((p) => p.purgeId === done.json.purgeId).map((p) => [p.purgedBy, p.reason])).toEqual([['olga', 'malformed payloads'], ['olga', 'malformed payloads']]);

    const csv = await api(server, 'GET', '/api/audit.csv?action=dead-letter.purge', { token: viewer });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,createdAt,actor,action,target,summary,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('purged 2 dead letter(s)');
  });
});

describe('audit export and context', () => {
  it('exports formula-safe CSV within a time range', async () => {
    const evil = await createToken(server, 'admin', '=HYPERLINK("http://evil")');
    await api(server, 'POST', '/api/tokens', { token: evil, body: { role: 'viewer', name: 'made by a formula' } });
    const csv = await api(server, 'GET', `/api/audit.csv?action=token.create&since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`, { token: viewer });
    // The actor cell starts with "=": exported with an apostrophe in front, quoted by the CSV rules.
    expect(csv.text).toContain(`,"'=HYPERLINK(""http://evil"")",token.create,`);
    const future = await api(server, 'GET', `/api/audit.csv?since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`, { token: viewer });
    expect(future.text.trim().split('\n')).toHaveLength(1);
    expect((await api(server, 'GET', '/api/audit.csv?since=yesterday', { token: viewer })).status).toBe(400);
  });

  it('shows a queue context its events, alerts and metrics; 404 for an unknown journey', async () => {
    const events = await api(server, 'GET', '/api/context/queue/fail-n-times/events?limit=20', { token: viewer });
    expect(events.status).toBe(200);
    expect((events.json.items ?? []).length).toBeGreaterThan(0);
    for (const e of events.json.items ?? []) expect((e.payload as { handler?: string; queue?: string }).handler ?? (e.payload as { queue?: string }).queue).toBeDefined();
    const alerts = await api(server, 'GET', '/api/context/queue/fail-n-times/alerts', { token: viewer });
    expect(alerts.json.items).toContainEqual(expect.objectContaining({ topic: 'task.failed', severity: 'critical' }));
    const metrics = await api(server, 'GET', '/api/context/queue/fail-n-times/metrics', { token: viewer });
    expect(metrics.json).toMatchObject({ context: { kind: 'queue', id: 'fail-n-times' }, tasks: { byStatus: expect.objectContaining({ completed: expect.any(Number) }) }, queue: expect.objectContaining({ name: 'fail-n-times' }) });
    expect((await api(server, 'GET', '/api/context/journey/J-nope/events', { token: viewer })).status).toBe(404);
    expect((await api(server, 'GET', '/api/context/queue/no-such-queue/events', { token: viewer })).json).toMatchObject({ status: 404, code: 'OW_NOT_FOUND', detail: expect.stringContaining("No queue named 'no-such-queue'") });
    expect((await api(server, 'GET', '/api/context/planet/earth/events', { token: viewer })).status).toBe(400);
  });
});

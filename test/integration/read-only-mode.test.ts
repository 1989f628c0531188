// Read-only mode (OW_READ_ONLY): every route marked destructive — found in the route sources, so a new
// one cannot slip past this test — answers 403 problem+json OW_READ_ONLY to a caller whose role would
// otherwise be enough, on real targets, and changes nothing: no audit entry, no event, targets intact.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { until } from '../helpers/until';

let server: TestServer;
let operator: string;
let admin: string;
let journeyId: string;
let pendingTaskId: string;
let channelId: string;
let deadIds: string[];

type Call = { method: string; path: () => string; body?: () => unknown; token: () => string };

// One call per destructive route, each aimed at a real target that the route would otherwise change.
const CALLS: Record<string, Call> = {
  'POST /api/dead-letters/purge': { method: 'POST', path: () => '/api/dead-letters/purge', body: () => ({ filter: { queue: 'fail-n-times' }, confirm: 'fail-n-times', reason: 'poison' }), token: () => operator },
  'POST /api/dead-letters/retry': { method: 'POST', path: () => '/api/dead-letters/retry', body: () => ({ filter: { queue: 'fail-n-times' } }), token: () => operator },
  'POST /api/tasks/:id/cancel': { method: 'POST', path: () => `/api/tasks/${encodeURIComponent(pendingTaskId)}/cancel`, body: () => ({ reason: 'not needed' }), token: () => operator },
  'DELETE /api/task-handlers/:name': { method: 'DELETE', path: () => '/api/task-handlers/ro-hook', token: () => admin },
  'POST /api/journeys/:id/rollback': { method: 'POST', path: () => `/api/journeys/${journeyId}/rollback`, body: () => ({ trigger: 'major_incident', reason: 'P1 outage' }), token: () => operator },
  'POST /api/journeys/:id/cancel': { method: 'POST', path: () => `/api/journeys/${journeyId}/cancel`, body: () => ({ reason: 'client left' }), token: () => operator },
  'POST /api/agents/:name/rollback': { method: 'POST', path: () => '/api/agents/ro-agent/rollback', body: () => ({ reason: 'v2 misbehaves' }), token: () => operator },
  'DELETE /api/alert-channels/:id': { method: 'DELETE', path: () => `/api/alert-channels/${channelId}?reason=${encodeURIComponent('noisy')}`, token: () => admin },
};

/** Every `app.<verb>('<url>', { config: { …destructive: true… } })` in the route sources. */
async function destructiveRoutes(): Promise<string[]> {
  const dir = join(import.meta.dirname, '../../src/server/routes');
  const found: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts'))) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const m of text.matchAll(/app\.(get|post|put|patch|delete)\(\s*'([^']+)',\s*\{\s*config:\s*\{([^}]*)\}/g)) {
      if (/destructive:\s*true/.test(m[3]!)) found.push(`${m[1]!.toUpperCase()} ${m[2]!}`);
    }
  }
  return found.sort();
}

/** What the refused calls must leave alone. */
async function snapshot() {
  const get = async (path: string) => (await api(server, 'GET', path, { token: admin })).json;
  const journey = await get(`/api/journeys/${journeyId}`);
  const agent = ((await get('/api/agents')).items ?? []).find((a) => a.name === 'ro-agent');
  return {
    auditIds: ((await get('/api/audit?limit=1000')).items ?? []).map((e) => e.id),
    lastEventId: (await get('/api/events?after=0&limit=1000')).lastId,
    deadLetters: (((await get('/api/dead-letters?queue=fail-n-times&limit=50')).items ?? []).map((t) => `${String(t.id)}:${String(t.status)}`)).sort(),
    pendingTask: (await get(`/api/tasks/${encodeURIComponent(pendingTaskId)}`)).status,
    handler: ((await get('/api/task-handlers')).items ?? []).some((h) => h.name === 'ro-hook'),
    journey: { stage: (journey.journey as { currentStage: string }).currentStage, status: (journey.journey as { status: string }).status },
    agent: agent?.deployment,
    channels: ((await get('/api/alert-channels')).items ?? []).map((c) => c.id),
  };
}

beforeAll(async () => {
  process.env.OW_TASK_POLL_MS = '100';
  server = await startTestServer({ env: { OW_READ_ONLY: '1' } });
  const token = async (role: string) => (await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role, name: `ro ${role}` } })).json.token as string;
  operator = await token('operator');
  admin = await token('admin');
  const ok = (res: { status: number; text: string }) => expect(res.status, res.text).toBeLessThan(300);
  // Two dead letters, and a task that waits a day to run (pending, cancellable).
  ok(await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: [0, 1].map((i) => ({ key: `ro-dead-${i}`, handler: 'fail-n-times', input: { failures: 9 }, retry: { maxRetries: 0 } })) } }));
  const later = await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: [{ key: 'ro-later', handler: 'noop', runAt: new Date(Date.now() + 86_400_000).toISOString() }] } });
  ok(later);
  pendingTaskId = ((later.json.items ?? later.json.tasks) as Array<{ id: string }>)[0]!.id;
  deadIds = await until('two dead letters', async () => {
    const items = (await api(server, 'GET', '/api/dead-letters?queue=fail-n-times', { token: operator })).json.items ?? [];
    return items.length === 2 ? items.map((t) => String(t.id)) : undefined;
  });
  ok(await api(server, 'POST', '/api/task-handlers', { token: admin, body: { name: 'ro-hook', url: 'http://127.0.0.1:9/hook', secret: 'a-webhook-secret-long-enough-0123' } }));
  const journey = await api(server, 'POST', '/api/journeys', { token: operator, body: { definition: 'client-onboarding', clientId: 'acme' } });
  ok(journey);
  journeyId = String((journey.json.journey as { journeyId: string }).journeyId);
  ok(await api(server, 'POST', '/api/agents', { token: operator, body: { name: 'ro-agent', template: 'builtin', config: { handler: 'echo' } } }));
  ok(await api(server, 'POST', '/api/agents/ro-agent/versions/1/provision', { token: operator }));
  ok(await api(server, 'POST', '/api/agents/ro-agent/versions', { token: operator, body: { template: 'builtin', config: { handler: 'echo', parameters: { variant: 'v2' } } } }));
  ok(await api(server, 'POST', '/api/agents/ro-agent/deployments', { token: operator, body: { strategy: 'blue-green', version: 2, reason: 'v2' } }));
  const channel = await api(server, 'POST', '/api/alert-channels', { token: admin, body: { kind: 'webhook', name: 'ro-hook', url: 'http://127.0.0.1:9/alerts', secret: 'a-webhook-secret-long-enough-0123' } });
  ok(channel);
  channelId = String(channel.json.id);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('read-only mode', () => {
  it('the server says it is read-only', async () => {
    expect((await api(server, 'GET', '/api/info')).json).toMatchObject({ readOnly: true });
  });

  it('this test covers every route marked destructive', async () => {
    expect(await destructiveRoutes()).toEqual(Object.keys(CALLS).sort());
  });

  it('every destructive route answers 403 OW_READ_ONLY problem+json and changes nothing', async () => {
    const before = await snapshot();
    expect(before.deadLetters).toHaveLength(2);
    expect(before.deadLetters.map((d) => d.split(':')[0]).sort()).toEqual([...deadIds].sort());
    expect(before).toMatchObject({ pendingTask: 'pending', handler: true, journey: { stage: 'sandbox', status: 'active' }, agent: { stable: 2 } });
    expect(before.channels).toContain(channelId);
    for (const [route, call] of Object.entries(CALLS)) {
      const res = await api(server, call.method, call.path(), { token: call.token(), body: call.body?.() });
      expect(res.status, `${route}: ${res.text}`).toBe(403);
      expect(res.headers.get('content-type'), route).toMatch(/^application\/problem\+json/);
      expect(res.json, route).toMatchObject({ code: 'OW_READ_ONLY', status: 403, instance: call.path().split('?')[0] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('reads and non-destructive writes still work', async () => {
    expect((await api(server, 'GET', '/api/dead-letters?queue=fail-n-times', { token: operator })).status).toBe(200);
    const created = await api(server, 'POST', '/api/tasks', { token: operator, body: { tasks: [{ key: 'ro-still-allowed', handler: 'noop' }] } });
    expect(created.status, created.text).toBe(201);
  });
});

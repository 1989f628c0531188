// The ticket API as a client meets it: roles, routing on create, queue, 404s, 400 with pointers,
// and the Zendesk/Jira intake webhooks (valid, bad, stale signatures; nothing stored on 401; no duplicates).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

const ZENDESK_SECRET = 'zendesk-test-secret-0123';
const JIRA_SECRET = 'jira-test-secret-0123456';
let server: TestServer;
let viewer: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'v');
  operator = await createToken(server, 'operator', 'o');
});
afterAll(async () => {
  await server.close();
});

async function ticketCount(): Promise<number> {
  return (await api(server, 'GET', '/api/tickets?limit=500', { token: viewer })).json.items?.length ?? 0;
}

describe('tickets and support agents over HTTP', () => {
  it('viewers read, operators write; a new ticket goes to the least-loaded agent with the decision explained', async () => {
    expect((await api(server, 'POST', '/api/support-agents', { token: viewer, body: { name: 'X' } })).status).toBe(403);
    for (const id of ['ana', 'ben']) {
      const res = await api(server, 'POST', '/api/support-agents', { token: operator, body: { id, name: id, status: 'online', maxConcurrent: 2, skills: [{ skill: 'billing', level: 3 }] } });
      expect(res.status).toBe(201);
    }
    const first = await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'Invoice wrong', priority: 'high', requiredSkills: [{ skill: 'billing', mandatory: true }] } });
    expect(first.status).toBe(201);
    const second = await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'Refund', requiredSkills: [{ skill: 'billing', mandatory: true }] } });
    expect([first.json.assigneeId, second.json.assigneeId].sort()).toEqual(['ana', 'ben']);
    const detail = await api(server, 'GET', `/api/tickets/${String(second.json.id)}`, { token: viewer });
    expect(detail.status).toBe(200);
    const decision = (detail.json.routing as Array<{ chosenAgentId: string; candidates: Array<{ agentId: string; load: number; eligible: boolean }> }>)[0];
    expect(decision?.chosenAgentId).toBe(second.json.assigneeId);
    expect(decision?.candidates.find((c) => c.agentId === first.json.assigneeId)).toMatchObject({ load: 1, eligible: true });
    const agents = await api(server, 'GET', '/api/support-agents', { token: viewer });
    expect(agents.json.items?.map((a) => [a.id, a.load, a.capacity])).toEqual([['ana', 1, 2], ['ben', 1, 2]]);
  });

  it('queues when full (not an error), lists the queue, and routes it when a ticket is solved', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: `Load ${i}`, requiredSkills: [{ skill: 'billing', mandatory: true }] } })).json);
    const queued = made.filter((t) => t.queuedAt !== null);
    expect(queued).toHaveLength(1);
    const queue = await api(server, 'GET', '/api/routing/queue', { token: viewer });
    expect(queue.json.items?.map((t) => t.id)).toContain(queued[0]?.id);
    const waiting = await api(server, 'GET', '/api/tickets?queued=true', { token: viewer });
    expect(waiting.json.items?.map((t) => t.id)).toEqual([queued[0]?.id]);
    const done = made.find((t) => t.assigneeId !== null);
    expect((await api(server, 'POST', `/api/tickets/${String(done?.id)}/status`, { token: operator, body: { status: 'solved' } })).status).toBe(200);
    const after = await api(server, 'GET', `/api/tickets/${String(queued[0]?.id)}`, { token: viewer });
    expect((after.json.ticket as { assigneeId: string }).assigneeId).toBe(done?.assigneeId);
  });

  it('answers unknown ids with 404 and invalid bodies with 400 and pointers', async () => {
    expect((await api(server, 'GET', '/api/tickets/T-99999', { token: viewer })).status).toBe(404);
    expect((await api(server, 'POST', '/api/support-agents/nobody/status', { token: operator, body: { status: 'online' } })).status).toBe(404);
    const bad = await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'x', priority: 'asap' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.errors)).toContain('/priority');
    const t = await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'assign me' } });
    const assign = await api(server, 'POST', `/api/tickets/${String(t.json.id)}/assign`, { token: operator, body: { agentId: 'ghost' } });
    expect(assign.status).toBe(404);
  });

  it('switches to shadow mode: decisions recorded, nothing assigned', async () => {
    expect((await api(server, 'PUT', '/api/escalation/mode', { token: viewer, body: { mode: 'shadow' } })).status).toBe(403);
    expect((await api(server, 'PUT', '/api/escalation/mode', { token: operator, body: { mode: 'shadow' } })).json.mode).toBe('shadow');
    await api(server, 'POST', '/api/support-agents', { token: operator, body: { id: 'cy', name: 'cy', status: 'online', tier: 'L2' } });
    const t = await api(server, 'POST', '/api/tickets', { token: operator, body: { subject: 'shadowed', tier: 'L2' } });
    expect(t.json.assigneeId).toBeNull();
    const d = await api(server, 'GET', `/api/tickets/${String(t.json.id)}/routing`, { token: viewer });
    expect(d.json.items?.[0]).toMatchObject({ mode: 'shadow', chosenAgentId: 'cy' });
    expect((await api(server, 'PUT', '/api/escalation/mode', { token: operator, body: { mode: 'production' } })).json.mode).toBe('production');
  });
});

describe('intake webhooks', () => {
  beforeAll(async () => {
    expect((await api(server, 'POST', '/api/intake/zendesk', { rawBody: '{}' })).status).toBe(503);
    expect((await api(server, 'PUT', '/api/intake/secrets', { token: operator, body: { zendesk: ZENDESK_SECRET } })).status).toBe(403);
    const set = await api(server, 'PUT', '/api/intake/secrets', { token: server.adminToken, body: { zendesk: ZENDESK_SECRET, jira: JIRA_SECRET } });
    expect(set.json).toEqual({ zendesk: true, jira: true });
  });
  const zendeskBody = (id: number, subject: string) => JSON.stringify({ ticket: { id, subject, priority: 'urgent', status: 'new', requester: { email: 'c@example.com' }, tags: ['tier_l2'] } });
  const zendeskHeaders = (body: string, ts: string, secret = ZENDESK_SECRET) => ({
    'x-zendesk-webhook-signature': createHmac('sha256', secret).update(ts + body).digest('base64'),
    'x-zendesk-webhook-signature-timestamp': ts,
  });

  it('Zendesk: a valid signature creates, the same id again updates, never duplicates', async () => {
    const before = await ticketCount();
    const body = zendeskBody(9001, 'Site down');
    const res = await api(server, 'POST', '/api/intake/zendesk', { rawBody: body, headers: zendeskHeaders(body, new Date().toISOString()) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ created: true });
    const again = zendeskBody(9001, 'Site down (still)');
    const res2 = await api(server, 'POST', '/api/intake/zendesk', { rawBody: again, headers: zendeskHeaders(again, new Date().toISOString()) });
    expect(res2.status).toBe(200);
    expect(res2.json.ticketId).toBe(res.json.ticketId);
    expect(await ticketCount()).toBe(before + 1);
    const t = await api(server, 'GET', `/api/tickets/${String(res.json.ticketId)}`, { token: viewer });
    expect(t.json.ticket).toMatchObject({ subject: 'Site down (still)', priority: 'urgent', tier: 'L2', source: 'zendesk', externalId: '9001' });
  });

  it('Zendesk: bad signature, stale timestamp or missing headers → 401 and nothing stored', async () => {
    const before = await ticketCount();
    const body = zendeskBody(9002, 'Forged');
    const now = new Date().toISOString();
    expect((await api(server, 'POST', '/api/intake/zendesk', { rawBody: body, headers: zendeskHeaders(body, now, 'wrong-secret') })).status).toBe(401);
    const stale = new Date(Date.now() - 6 * 60_000).toISOString();
    const staleRes = await api(server, 'POST', '/api/intake/zendesk', { rawBody: body, headers: zendeskHeaders(body, stale) });
    expect(staleRes.status).toBe(401);
    expect(String(staleRes.json.detail)).toMatch(/5 minutes/);
    // The body was changed after signing.
    expect((await api(server, 'POST', '/api/intake/zendesk', { rawBody: zendeskBody(9002, 'Tampered'), headers: zendeskHeaders(body, now) })).status).toBe(401);
    expect((await api(server, 'POST', '/api/intake/zendesk', { rawBody: body })).status).toBe(401);
    expect(await ticketCount()).toBe(before);
  });

  it('Jira: sha256=<hex> over the raw body; priority Highest → urgent; bad signature → 401, nothing stored', async () => {
    const before = await ticketCount();
    const body = JSON.stringify({ webhookEvent: 'jira:issue_created', issue: { key: 'SUP-7', fields: { summary: 'VPN broken', priority: { name: 'Highest' }, status: { name: 'To Do' }, labels: ['skill:network'] } } });
    const sig = `sha256=${createHmac('sha256', JIRA_SECRET).update(body).digest('hex')}`;
    expect((await api(server, 'POST', '/api/intake/jira', { rawBody: body, headers: { 'x-hub-signature': 'sha256=00' } })).status).toBe(401);
    expect(await ticketCount()).toBe(before);
    const ok = await api(server, 'POST', '/api/intake/jira', { rawBody: body, headers: { 'x-hub-signature': sig } });
    expect(ok.status).toBe(201);
    const t = await api(server, 'GET', `/api/tickets/${String(ok.json.ticketId)}`, { token: viewer });
    expect(t.json.ticket).toMatchObject({ priority: 'urgent', externalId: 'SUP-7', source: 'jira' });
    expect((await api(server, 'POST', '/api/intake/jira', { rawBody: body, headers: { 'x-hub-signature': sig } })).status).toBe(200);
    expect(await ticketCount()).toBe(before + 1);
  });
});

// The help desk over HTTP against the real product: search, client view, Issue Detective on a
// task made to fail until dead-lettered, playbooks, a ticket from a finding, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

let server: TestServer;
let viewer: string;
let operator: string;
let journeyId: string;
let failingTask: string;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  viewer = await createToken(server, 'viewer', 'v');
  operator = await createToken(server, 'operator', 'o');
  const started = await api(server, 'POST', '/api/journeys', { token: operator, body: { definition: 'client-onboarding', clientId: 'acme-042', metadata: { clientName: 'Zebulon Freight' } } });
  expect(started.status, started.text).toBe(201);
  journeyId = (started.json.journey as { journeyId: string } | undefined)?.journeyId ?? (started.json.journeyId as string);
  const enq = await api(server, 'POST', '/api/tasks', {
    token: operator,
    body: { tasks: [{ key: 'flaky', handler: 'fail-n-times', input: { failures: 10, message: 'connection refused by billing-api' }, retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }] },
  });
  expect(enq.status, enq.text).toBe(201);
  failingTask = ((enq.json.items ?? enq.json.tasks) as Array<{ id: string }>)[0]!.id;
  let last = '';
  await waitFor('the task to be dead-lettered', async () => {
    const t = await api(server, 'GET', `/api/tasks/${encodeURIComponent(failingTask)}`, { token: viewer });
    last = t.text;
    return t.json.deadLetteredAt ? true : undefined;
  }).catch((e: Error) => { throw new Error(`${e.message} ${last}`); });
});
afterAll(async () => {
  await server.close();
});

describe('search and client view', () => {
  it('finds the journey and its client by the client name, with links', async () => {
    const res = await api(server, 'GET', '/api/helpdesk/search?q=zebulon', { token: viewer });
    expect(res.status).toBe(200);
    const items = res.json.items as Array<{ type: string; id: string; link: string }>;
    expect(items).toContainEqual(expect.objectContaining({ type: 'journey', id: journeyId, link: `/journeys/${journeyId}` }));
    expect(items[0]).toMatchObject({ type: 'client', id: 'acme-042', link: '/help-desk/client?client=acme-042' });
    const byId = await api(server, 'GET', `/api/helpdesk/search?q=${journeyId}`, { token: viewer });
    expect((byId.json.items as Array<{ id: string; matched: string }>)[0]).toMatchObject({ id: journeyId, matched: 'id' });
    expect((await api(server, 'GET', '/api/helpdesk/search?q=nothing-like-this', { token: viewer })).json.items).toEqual([]);
  });

  it("gathers a client's journeys, tickets with SLA state and recent events", async () => {
    const res = await api(server, 'GET', '/api/helpdesk/clients/acme-042', { token: viewer });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ clientId: 'acme-042', name: 'Zebulon Freight' });
    expect(res.json.journeys).toContainEqual(expect.objectContaining({ journeyId, status: 'active' }));
    expect((res.json.events as Array<{ key: string }>).length).toBeGreaterThan(0);
    expect((await api(server, 'GET', '/api/helpdesk/clients/no-such-client', { token: viewer })).status).toBe(404);
  });
});

describe('Issue Detective', () => {
  it('explains the dead-lettered task by its repeated error, listing each failure as evidence', async () => {
    const res = await api(server, 'GET', `/api/helpdesk/detective?kind=task&id=${encodeURIComponent(failingTask)}`, { token: viewer });
    expect(res.status).toBe(200);
    const findings = res.json.findings as Array<{ kind: string; severity: string; explanation: string; evidence: Array<{ type: string; id: string; shows: string }>; playbookId: string }>;
    const f = findings.find((x) => x.kind === 'repeated_handler_errors');
    expect(f, JSON.stringify(findings)).toBeDefined();
    expect(f!.severity).toBe('critical');
    expect(f!.explanation).toContain('fail-n-times');
    expect(f!.explanation).toContain('connection refused by billing-api');
    expect(f!.explanation).toContain('dead-letter list');
    expect(f!.evidence).toHaveLength(3);
    expect(f!.evidence.at(-1)!.shows).toContain(`dead-lettered: task ${failingTask}`);
    const events = (await api(server, 'GET', `/api/events?limit=1000`, { token: viewer })).json.items as Array<{ id: number; topic: string }>;
    for (const e of f!.evidence) expect(events.find((x) => String(x.id) === e.id)?.topic).toMatch(/^task\.(attempt_failed|failed)$/);
    expect(f!.playbookId).toBe('handler-errors');
    expect((await api(server, 'GET', `/api/playbooks/${f!.playbookId}`, { token: viewer })).status).toBe(200);
  });

  it('answers 404 for an unknown subject and 400 for an unknown kind', async () => {
    expect((await api(server, 'GET', '/api/helpdesk/detective?kind=task&id=task_nope', { token: viewer })).status).toBe(404);
    expect((await api(server, 'GET', '/api/helpdesk/detective?kind=planet&id=x', { token: viewer })).status).toBe(400);
    expect((await api(server, 'GET', '/api/helpdesk/detective?kind=task&id=x')).status).toBe(401);
  });
});

describe('playbooks', () => {
  it('lists the library and renders a playbook as safe HTML with its steps', async () => {
    const list = await api(server, 'GET', '/api/playbooks', { token: viewer });
    expect((list.json.items as unknown[]).length).toBeGreaterThanOrEqual(6);
    const forLeases = await api(server, 'GET', '/api/playbooks?kind=expired_lease', { token: viewer });
    expect(forLeases.json.items).toEqual([expect.objectContaining({ id: 'worker-crash' })]);
    const one = await api(server, 'GET', '/api/playbooks/sla-breach', { token: viewer });
    expect(one.json.html).toContain('<ol>');
    expect((one.json.steps as string[]).length).toBeGreaterThanOrEqual(4);
    expect((await api(server, 'GET', '/api/playbooks/nope', { token: viewer })).status).toBe(404);
  });
});

describe('ticket from a finding', () => {
  const body = () => ({ subject: { kind: 'task', id: failingTask }, findingKind: 'repeated_handler_errors', baseUrl: 'https://ow.example.com' });

  it('is refused to a viewer and for an unknown subject or finding, creating nothing', async () => {
    const before = ((await api(server, 'GET', '/api/tickets?limit=200', { token: viewer })).json.items ?? []).length;
    expect((await api(server, 'POST', '/api/helpdesk/findings/tickets', { token: viewer, body: body() })).status).toBe(403);
    expect((await api(server, 'POST', '/api/helpdesk/findings/tickets', { token: operator, body: { ...body(), subject: { kind: 'task', id: 'task_nope' } } })).status).toBe(404);
    expect((await api(server, 'POST', '/api/helpdesk/findings/tickets', { token: operator, body: { ...body(), findingKind: 'expired_lease' } })).status).toBe(404);
    const bad = await api(server, 'POST', '/api/helpdesk/findings/tickets', { token: operator, body: { ...body(), findingKind: 'bad-kind' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('findingKind');
    expect(((await api(server, 'GET', '/api/tickets?limit=200', { token: viewer })).json.items ?? []).length).toBe(before);
  });

  it('creates a ticket with the explanation, the evidence and the playbook link, priority from severity', async () => {
    const res = await api(server, 'POST', '/api/helpdesk/findings/tickets', { token: operator, body: body() });
    expect(res.status, res.text).toBe(201);
    const ticket = res.json.ticket as { id: string; priority: string };
    expect(ticket.priority).toBe('urgent');
    const listed = await api(server, 'GET', '/api/tickets?limit=200', { token: viewer });
    expect(listed.json.items).toContainEqual(expect.objectContaining({ id: ticket.id }));
    const full = await api(server, 'GET', `/api/tickets/${ticket.id}`, { token: viewer });
    const t = (full.json.ticket ?? full.json) as { description: string; subject: string };
    expect(t.subject).toContain('fail-n-times');
    expect(t.description).toContain('https://ow.example.com/help-desk/playbooks/handler-errors');
    expect(t.description).toContain('Evidence:');
    expect(t.description).toContain('connection refused by billing-api');
  });
});

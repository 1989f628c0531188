// The webhook handler against a real local HTTP listener that checks the HMAC-SHA256 signature:
// a signed task in, its JSON answer as the task's output (metrics in it reach the journey's gate);
// an error status, a bad body or a slow answer fail the attempt with the reason stored.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/engine/handlers/webhook-handler';
import { api, startTestServer, type TestServer } from '../helpers/server';

const SECRET = 'whsec_test-0123456789abcdef';

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

let server: TestServer;
let agent: Server;
let agentUrl: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  process.env.OW_TASK_POLL_MS = '100';
  agent = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const signatureValid = verifySignature(SECRET, body, req.headers['x-ow-signature'] as string | undefined);
      deliveries.push({ path: req.url ?? '', headers: req.headers, body, signatureValid });
      if (!signatureValid) {
        res.writeHead(401).end('{"error":"bad signature"}');
        return;
      }
      const task = (JSON.parse(body) as { task: { id: string; input: Record<string, unknown>; idempotencyKey: string } }).task;
      if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 2_000).unref();
        return;
      }
      if (req.url === '/broken') return void res.writeHead(500).end('database is down');
      if (req.url === '/array') return void res.writeHead(200, { 'content-type': 'application/json' }).end('[1,2]');
      if (req.url === '/scan') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ findings: [], metrics: { security_vulnerabilities: 0 } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ticket: `T-${task.input.n}`, seenKey: task.idempotencyKey }));
    });
  });
  await new Promise<void>((r) => agent.listen(0, '127.0.0.1', () => r()));
  const address = agent.address();
  agentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((r) => agent.close(() => r()));
});

const admin = () => server.adminToken;

async function register(name: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await api(server, 'POST', '/api/task-handlers', { token: admin(), body: { name, url: `${agentUrl}${path}`, secret: SECRET, ...extra } });
  expect(res.status).toBe(201);
  return res.json;
}

async function finished(id: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const t = (await api(server, 'GET', `/api/tasks/${encodeURIComponent(id)}`, { token: admin() })).json;
    if (t.status === 'completed' || t.status === 'failed') return t;
    if (Date.now() > end) throw new Error(`task ${id} did not finish: ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function enqueue(handler: string, input: Record<string, unknown> = {}) {
  const res = await api(server, 'POST', '/api/tasks', { token: admin(), body: { tasks: [{ key: 'call', handler, input, retry: { maxRetries: 0 } }] } });
  expect(res.status).toBe(201);
  return res.json.items![0]!.id as string;
}

describe('webhook task handlers', () => {
  it('registering needs admin, and the secret is never shown', async () => {
    const operator = (await api(server, 'POST', '/api/tokens', { token: admin(), body: { role: 'operator' } })).json.token as string;
    expect((await api(server, 'POST', '/api/task-handlers', { token: operator, body: { name: 'x', url: agentUrl, secret: SECRET } })).status).toBe(403);
    expect((await api(server, 'POST', '/api/task-handlers', { token: admin(), body: { name: 'x', url: 'ftp://example.test/', secret: 'short' } })).json.errors).toEqual([
      expect.objectContaining({ pointer: '/url' }),
      expect.objectContaining({ pointer: '/secret' }),
    ]);
    const created = await register('ticket-agent', '/tickets');
    expect(created).not.toHaveProperty('secret');
    const list = await api(server, 'GET', '/api/task-handlers', { token: operator });
    expect(list.json.items).toContainEqual({ name: 'ticket-agent', kind: 'webhook', description: `POSTs to ${agentUrl}` });
    expect(list.text).not.toContain(SECRET);
  });

  it('POSTs the task signed with HMAC-SHA256 of the body; the JSON answer is the output', async () => {
    const id = await enqueue('ticket-agent', { n: 42 });
    const t = await finished(id);
    expect(t).toMatchObject({ status: 'completed', output: { ticket: 'T-42', seenKey: id } });
    const d = deliveries.find((x) => x.path === '/tickets')!;
    expect(d.signatureValid).toBe(true);
    expect(d.headers['x-ow-signature']).toBe(signBody(SECRET, d.body));
    expect(d.headers['x-ow-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Number(d.headers['x-ow-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(d.headers['idempotency-key']).toBe(id);
    expect(JSON.parse(d.body)).toMatchObject({ task: { id, handler: 'ticket-agent', attempt: 1, idempotencyKey: id, input: { n: 42 } }, sentAt: expect.any(String) });
    // A receiver holding another secret would refuse it.
    expect(verifySignature('another-secret-0123456789', d.body, d.headers['x-ow-signature'] as string)).toBe(false);
    expect(verifySignature(SECRET, d.body.replace('42', '43'), d.headers['x-ow-signature'] as string)).toBe(false);
  });

  it('fails the attempt on an error status, a non-object answer, a timeout, and a signature the agent refuses', async () => {
    await register('broken-agent', '/broken');
    await register('array-agent', '/array');
    await register('slow-agent', '/slow', { timeoutMs: 300 });
    const results = await Promise.all([enqueue('broken-agent'), enqueue('array-agent'), enqueue('slow-agent')].map(async (p) => finished(await p)));
    expect(results.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(results[0]!.lastError).toContain('webhook broken-agent answered HTTP 500: database is down');
    expect(results[1]!.lastError).toContain('answered an array; the result must be a JSON object');
    expect(results[2]!.lastError).toContain('webhook slow-agent did not answer within 300 ms');
    const res = await api(server, 'POST', '/api/task-handlers', { token: admin(), body: { name: 'wrong-secret-agent', url: `${agentUrl}/tickets`, secret: 'not-the-agents-secret-000' } });
    expect(res.status).toBe(201);
    const refused = await finished(await enqueue('wrong-secret-agent', { n: 1 }));
    expect(refused.lastError).toContain('answered HTTP 401');
  });

  it('a webhook replaces a simulated seed agent: its metrics reach the journey’s gate', async () => {
    await register('security-scan-agent', '/scan');
    const started = await api(server, 'POST', '/api/journeys', { token: admin(), body: { definition: 'client-onboarding', clientId: 'contoso' } });
    const id = (started.json.journey as { journeyId: string }).journeyId;
    const end = Date.now() + 20_000;
    let metrics: Record<string, unknown> = {};
    while (Date.now() < end) {
      metrics = ((await api(server, 'GET', `/api/journeys/${id}`, { token: admin() })).json.metrics as { values: Record<string, unknown> }).values;
      if (metrics.security_vulnerabilities !== undefined) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(metrics.security_vulnerabilities).toBe(0);
    const scan = deliveries.find((x) => x.path === '/scan')!;
    expect(JSON.parse(scan.body)).toMatchObject({ task: { id: `${id}/sandbox/1/sandbox-review/security-scan`, journeyId: id, stage: 'sandbox', handler: 'security-scan-agent' } });
    expect((await api(server, 'DELETE', '/api/task-handlers/security-scan-agent', { token: admin() })).status).toBe(204);
  });
});

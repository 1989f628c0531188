// The agent API as a client meets it: roles (viewer reads, operator changes), unknown names → 404,
// bad input → 400 with pointers and nothing stored, a rollback needs a reason and is refused in
// read-only mode, and a webhook version's sandbox run really calls its URL, signed.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/engine/handlers/webhook-handler';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken, type TokenRole } from '../helpers/tokens';

let server: TestServer;
let viewer: string;
let operator: string;
let hook: Server;
let hookUrl: string;
const received: Array<{ signed: boolean; invoice: unknown }> = [];
const SECRET = 'agent-api-secret-0123456789';

beforeAll(async () => {
  process.env.OW_AGENT_API_TEST_SECRET = SECRET;
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const task = (JSON.parse(body) as { task: { input: { invoice?: unknown } } }).task;
      received.push({ signed: verifySignature(SECRET, body, req.headers['x-ow-signature'] as string | undefined), invoice: task.input.invoice });
      res.writeHead(task.input.invoice === 'bad' ? 500 : 200, { 'content-type': 'application/json' });
      res.end(task.input.invoice === 'bad' ? 'no such invoice' : JSON.stringify({ billed: task.input.invoice }));
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const addr = hook.address();
  hookUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/bill`;
  server = await startTestServer();
  const token = (role: TokenRole) => createToken(server, role, role);
  viewer = await token('viewer');
  operator = await token('operator');
});
afterAll(async () => {
  await server?.close();
  await new Promise((r) => hook?.close(r));
});

describe('agent API', () => {
  it('a webhook version is created, its sandbox really calls the URL (signed), and it is provisioned', async () => {
    const created = await api(server, 'POST', '/api/agents', { token: operator, body: { name: 'bill-agent', template: 'webhook', config: { url: hookUrl, secretRef: 'env:OW_AGENT_API_TEST_SECRET', timeoutMs: 5000 }, outputSchema: { type: 'object', required: ['billed'] } } });
    expect(created.status, created.text).toBe(201);
    const sandbox = await api(server, 'POST', '/api/agents/bill-agent/versions/1/sandbox', { token: operator, body: { samples: [{ invoice: 7 }, { invoice: 'bad' }] } });
    expect(sandbox.json).toMatchObject({ passed: 1, failed: 1, results: [{ ok: true, output: { billed: 7 } }, { ok: false, error: expect.stringContaining('HTTP 500: no such invoice') }] });
    expect(received).toEqual([{ signed: true, invoice: 7 }, { signed: true, invoice: 'bad' }]);
    expect((await api(server, 'GET', '/api/agents', { token: viewer })).json.items![0]).toMatchObject({ name: 'bill-agent', deployment: { stable: null } });
    const prov = await api(server, 'POST', '/api/agents/bill-agent/versions/1/provision', { token: operator });
    expect(prov.json).toMatchObject({ deployment: { stable: 1 }, entry: { action: 'provision', actor: 'operator' } });
    const handlers = (await api(server, 'GET', '/api/task-handlers', { token: viewer })).json.items!;
    expect(handlers.find((h) => h.name === 'bill-agent')).toMatchObject({ kind: 'webhook' });
  });

  it('refuses a viewer, unknown names and bad input, and changes nothing', async () => {
    const history = async () => (await api(server, 'GET', '/api/agents/bill-agent/history', { token: viewer })).json.items!.length;
    const before = await history();
    expect((await api(server, 'POST', '/api/agents/bill-agent/deployments', { token: viewer, body: { strategy: 'blue-green', version: 1 } })).status).toBe(403);
    expect((await api(server, 'POST', '/api/agents', { token: viewer, body: { name: 'x', template: 'builtin', config: { handler: 'echo' } } })).status).toBe(403);
    expect((await api(server, 'GET', '/api/agents/nobody', { token: viewer })).status).toBe(404);
    expect((await api(server, 'POST', '/api/agents/nobody/canary/raise', { token: operator })).status).toBe(404);
    expect((await api(server, 'POST', '/api/agents/bill-agent/versions/9/sandbox', { token: operator, body: { samples: [{}] } })).status).toBe(404);
    const bad = await api(server, 'POST', '/api/agents/bill-agent/versions', { token: operator, body: { template: 'human', config: { queue: 'Bad Queue', dueInHours: -1 } } });
    expect(bad.status).toBe(400);
    expect((bad.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/config/assigneeGroup', '/config/dueInHours', '/config/queue']);
    const noReason = await api(server, 'POST', '/api/agents/bill-agent/rollback', { token: operator, body: { reason: ' ' } });
    expect(noReason.status).toBe(400);
    const conflict = await api(server, 'POST', '/api/agents/bill-agent/rollback', { token: operator, body: { reason: 'nothing to go back to' } });
    expect(conflict.status).toBe(409);
    expect(conflict.json.detail).toContain('no earlier version');
    expect((await api(server, 'GET', '/api/agents/bill-agent/versions', { token: viewer })).json.items).toHaveLength(1);
    expect(await history()).toBe(before);
  });
});

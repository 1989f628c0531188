// The foundation API as a client meets it: auth, roles, problems, limits, audit, OpenAPI, metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { createToken } from '../helpers/tokens';

let server: TestServer;
let viewer: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer({ env: { OW_BODY_LIMIT: '2048', OW_SIGNIN_RATE_LIMIT: '5' } });
  viewer = await createToken(server, 'viewer', 'v');
  operator = await createToken(server, 'operator', 'o');
});
afterAll(async () => {
  await server.close();
});

async function auditCount(): Promise<number> {
  return (await api(server, 'GET', '/api/audit?limit=1000', { token: server.adminToken })).json.items?.length ?? 0;
}

describe('health, readiness, metrics, OpenAPI', () => {
  it('answers liveness and readiness as JSON', async () => {
    expect((await api(server, 'GET', '/healthz')).json).toMatchObject({ status: 'ok' });
    const ready = await api(server, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'database', status: 'ok' }),
        expect.objectContaining({ name: 'migrations', status: 'ok' }),
        expect.objectContaining({ name: 'workers', status: 'ok' }),
      ]),
    );
  });

  it('serves Prometheus metrics with an HTTP latency histogram per route', async () => {
    await api(server, 'GET', '/healthz');
    const res = await api(server, 'GET', '/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toMatch(/ow_http_request_duration_seconds_bucket\{.*route="\/healthz".*\}/);
    expect(res.text).toContain('ow_process_cpu_user_seconds_total');
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await api(server, 'GET', '/api/openapi.json')).json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, method] of [['/api/tokens', 'get'], ['/api/tokens', 'post'], ['/api/tokens/{id}', 'delete'], ['/api/session', 'post'], ['/api/events', 'get'], ['/api/audit', 'get'], ['/healthz', 'get'], ['/readyz', 'get'], ['/api/stream', 'get']] as const) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    const post = doc.paths['/api/tokens']?.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(post.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(['role', 'name']);
  });
});

describe('authentication and roles', () => {
  it('answers 401 problem+json without a token or with a wrong one, and audits nothing', async () => {
    const before = await auditCount();
    for (const token of [undefined, 'ow_not-a-real-token-0000000000']) {
      const res = await api(server, 'POST', '/api/tokens', { token, body: { role: 'admin' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json).toMatchObject({ status: 401, code: 'OW_UNAUTHENTICATED', type: 'urn:ow:error:OW_UNAUTHENTICATED' });
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 403 when the role is too low and changes nothing', async () => {
    const before = (await api(server, 'GET', '/api/tokens', { token: server.adminToken })).json.items?.length;
    for (const token of [viewer, operator]) {
      const res = await api(server, 'POST', '/api/tokens', { token, body: { role: 'admin' } });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ code: 'OW_FORBIDDEN' });
      expect(res.json.detail).toContain('needs admin');
    }
    expect((await api(server, 'GET', '/api/tokens', { token: viewer })).status).toBe(403);
    expect((await api(server, 'GET', '/api/tokens', { token: server.adminToken })).json.items?.length).toBe(before);
    expect((await api(server, 'GET', '/api/events', { token: viewer })).status).toBe(200);
  });

  it('manages tokens: create shows the value once, list never does, revoke stops it working', async () => {
    const created = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'operator', name: 'ci bot' } });
    expect(created.status).toBe(201);
    const value = created.json.token as string;
    const list = await api(server, 'GET', '/api/tokens', { token: server.adminToken });
    expect(list.text).not.toContain(value);
    expect(list.json.items?.find((t) => t.id === created.json.id)).toMatchObject({ name: 'ci bot', role: 'operator', revokedAt: null });
    expect((await api(server, 'GET', '/api/session', { token: value })).json).toMatchObject({ role: 'operator', name: 'ci bot' });
    const del = await api(server, 'DELETE', `/api/tokens/${created.json.id as string}?reason=leaked`, { token: server.adminToken });
    expect(del.status).toBe(204);
    expect((await api(server, 'GET', '/api/session', { token: value })).status).toBe(401);
    const audit = await api(server, 'GET', `/api/audit?target=${created.json.id as string}`, { token: viewer });
    expect(audit.json.items?.map((a) => a.action)).toEqual(['token.revoke', 'token.create']);
    expect(audit.json.items?.[0]?.summary).toContain('leaked');
  });

  it('signs in with a token into an HttpOnly SameSite=Strict cookie, and signs out', async () => {
    const res = await api(server, 'POST', '/api/session', { body: { token: viewer } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: 'viewer', name: 'v' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/ow_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const pair = cookie.split(';')[0] ?? '';
    expect((await api(server, 'GET', '/api/session', { headers: { cookie: pair } })).json).toMatchObject({ role: 'viewer' });
    const out = await api(server, 'DELETE', '/api/session', { headers: { cookie: pair } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/ow_session=;/);
  });
});

describe('bad input', () => {
  it('names the position of malformed JSON', async () => {
    const res = await api(server, 'POST', '/api/tokens', { token: server.adminToken, rawBody: '{\n  "role": "viewer",\n  "name": }' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'OW_MALFORMED_JSON' });
    expect(res.json.detail).toMatch(/line 3, column 11/);
    expect(res.json.errors).toEqual([{ line: 3, column: 11, message: expect.any(String) }]);
  });

  it('names each invalid field with its JSON pointer', async () => {
    const res = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'superuser', name: 42 } });
    expect(res.status).toBe(400);
    expect((res.json.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual(['/name', '/role']);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'viewer', name: 'x'.repeat(5000) } });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'OW_PAYLOAD_TOO_LARGE' });
  });

  it('answers 404 problem+json for unknown API routes', async () => {
    const res = await api(server, 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ code: 'OW_ROUTE_NOT_FOUND', detail: 'No route GET /api/no-such-thing' });
  });

  it('refuses prototype-poisoning keys', async () => {
    const res = await api(server, 'POST', '/api/tokens', { token: server.adminToken, rawBody: '{"role":"viewer","__proto__":{"admin":true}}' });
    expect(res.status).toBe(400);
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await api(server, 'POST', '/api/session', { body: { token: `ow_wrong-guess-${i}-xxxxxxxxxxxxxxxx` } })).status);
    expect(statuses).toContain(429);
    const limited = await api(server, 'POST', '/api/session', { body: { token: 'ow_wrong-guess-again-xxxxxxxxxxxxxxx' } });
    expect(limited.json).toMatchObject({ code: 'OW_RATE_LIMITED' });
  });

  it('sends security headers with a CSP', async () => {
    const res = await api(server, 'GET', '/healthz');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

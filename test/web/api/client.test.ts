// The typed API client against a scripted HTTP server: requests it sends, and every way a
// response can fail turned into an ApiError that says what and where.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/api-error';
import { buildUrl, createApiClient, type FetchLike } from '../../../web/src/api/client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Seen, res: ServerResponse) => void;
const handlers = new Map<string, Handler>();
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const record = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      seen.push(record);
      const path = record.url.split('?')[0] ?? '/';
      const handler = handlers.get(`${record.method} ${path}`);
      if (handler === undefined) json(res, 404, { title: 'No such route', status: 404, detail: `No route ${record.method} ${path}`, code: 'OW_ROUTE_NOT_FOUND' }, 'application/problem+json');
      else handler(record, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const session = { tokenId: 'tok_0123456789abcdef', name: 'Dana', role: 'operator' };

describe('buildUrl', () => {
  it('joins base and path and drops empty query values', () => {
    expect(buildUrl('http://h:1/', '/api/audit', { limit: 50, before: undefined, actor: '', action: 'token.' })).toBe(
      'http://h:1/api/audit?limit=50&action=token.',
    );
    expect(buildUrl('', '/api/events', { topics: 'pattern.*,journey.*' })).toBe('/api/events?topics=pattern.*%2Cjourney.*');
    expect(() => buildUrl('', 'api/x')).toThrow('API path must start with "/", got "api/x"');
  });
});

describe('createApiClient', () => {
  it('signs in with a JSON body and returns the validated session', async () => {
    handlers.set('POST /api/session', (_req, res) => json(res, 200, session));
    const client = createApiClient({ baseUrl });
    await expect(client.session.signIn('ow_secret')).resolves.toEqual(session);
    const request = seen.at(-1);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ token: 'ow_secret' });
  });

  it('sends credentials with every request', async () => {
    const inits: RequestInit[] = [];
    const spy: FetchLike = (input, init) => {
      inits.push(init);
      return fetch(input, init);
    };
    handlers.set('GET /api/info', (_req, res) => json(res, 200, { name: 'OW', version: '1.0.0', driver: 'pglite', startedAt: '2026-01-01T00:00:00Z' }));
    await createApiClient({ baseUrl, fetch: spy }).info();
    expect(inits[0]?.credentials).toBe('include');
  });

  it('turns a problem+json answer into an ApiError with code, detail and field locations', async () => {
    handlers.set('POST /api/tokens', (_req, res) =>
      json(
        res,
        400,
        {
          type: 'about:blank',
          title: 'The request is not valid',
          status: 400,
          detail: 'role: Invalid option',
          code: 'OW_VALIDATION',
          errors: [{ pointer: '/role', message: 'Invalid option: expected one of "viewer"|"operator"|"admin"' }, { line: 1, column: 9, message: 'x' }],
        },
        'application/problem+json',
      ),
    );
    const error = await createApiClient({ baseUrl }).tokens.create({ role: 'viewer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('OW_VALIDATION');
    expect(apiError.detail).toBe('role: Invalid option');
    expect(apiError.errors).toEqual([
      { pointer: '/role', message: 'Invalid option: expected one of "viewer"|"operator"|"admin"' },
      { line: 1, column: 9, message: 'x' },
    ]);
  });

  it('keeps the rate-limit wait from Retry-After', async () => {
    handlers.set('POST /api/session', (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '17' });
      res.end(JSON.stringify({ title: 'Too many requests', status: 429, detail: 'Too many attempts', code: 'OW_RATE_LIMITED' }));
    });
    const error = (await createApiClient({ baseUrl }).session.signIn('x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('OW_RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(17);
  });

  it('explains a non-JSON error page by status and a text excerpt', async () => {
    handlers.set('GET /api/tokens', (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1><p>upstream timed out</p></body></html>');
    });
    const error = (await createApiClient({ baseUrl }).tokens.list().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.title).toBe('Bad gateway');
    expect(error.detail).toBe('502 Bad Gateway upstream timed out');
  });

  it('rejects a response of the wrong shape, naming the field by JSON pointer', async () => {
    handlers.set('GET /api/audit', (_req, res) => json(res, 200, { items: [{ id: 1, actor: 'a', action: 7, createdAt: 'x' }] }));
    const error = (await createApiClient({ baseUrl }).audit.list({ limit: 5 }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('invalid_response');
    expect(error.errors[0]?.pointer).toBe('/items/0/action');
    expect(error.detail).toContain('GET /api/audit answered a body the portal does not understand at /items/0/action');
    expect(seen.at(-1)?.url).toBe('/api/audit?limit=5');
  });

  it('reports a body that is not JSON at all', async () => {
    handlers.set('GET /api/session', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tokenId":');
    });
    const error = (await createApiClient({ baseUrl }).session.get().catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('invalid_response');
    expect(error.detail).toMatch(/at \(root\): not JSON/);
  });

  it('accepts a 503 readiness report as an answer, not a failure', async () => {
    const report = { status: 'fail', checks: [{ name: 'database', status: 'fail', latencyMs: 3, detail: 'connection refused' }] };
    handlers.set('GET /readyz', (_req, res) => json(res, 503, report));
    await expect(createApiClient({ baseUrl }).readiness()).resolves.toEqual(report);
  });

  it('tells listeners about a 401 from any route but the session itself', async () => {
    const problem = { title: 'Authentication required', status: 401, detail: 'The token is invalid or revoked', code: 'OW_UNAUTHENTICATED' };
    handlers.set('GET /api/events', (_req, res) => json(res, 401, problem, 'application/problem+json'));
    handlers.set('GET /api/session', (_req, res) => json(res, 401, problem, 'application/problem+json'));
    const client = createApiClient({ baseUrl });
    const heard: string[] = [];
    const stop = client.onUnauthorized((error) => heard.push(error.code));
    await expect(client.events.list({ after: 3 })).rejects.toMatchObject({ status: 401 });
    await expect(client.session.get()).rejects.toMatchObject({ status: 401 });
    stop();
    await expect(client.events.list()).rejects.toMatchObject({ status: 401 });
    expect(heard).toEqual(['OW_UNAUTHENTICATED']);
  });

  it('revokes by id with the reason in the query and accepts an empty 204', async () => {
    handlers.set('DELETE /api/tokens/tok_0123456789abcdef', (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(createApiClient({ baseUrl }).tokens.revoke('tok_0123456789abcdef', 'left the team')).resolves.toBeUndefined();
    expect(seen.at(-1)?.url).toBe('/api/tokens/tok_0123456789abcdef?reason=left+the+team');
  });

  it('reports an unreachable server as status 0 with the method and path', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = (await client.info().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.detail).toMatch(/^GET \/api\/info did not reach the server/);
  });
});

// The portal's API client and event stream against the real server: every response the portal
// reads passes its schemas, the cookie session works end to end, and the stream resumes after a drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError } from '../../web/src/api/api-error';
import { createApiClient, type ApiClient, type FetchLike } from '../../web/src/api/client';
import { EventStream, type WebSocketLike } from '../../web/src/api/stream';
import type { StreamEvent } from '../../web/src/api/types';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** A client with a one-cookie jar, standing in for the browser's cookie handling. */
function browserLikeClient(): { client: ApiClient; cookie: () => string | null } {
  let cookie: string | null = null;
  const fetchWithJar: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    if (cookie !== null) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set !== null) {
      const pair = set.split(';')[0] ?? '';
      cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  };
  return { client: createApiClient({ baseUrl: server.url, fetch: fetchWithJar }), cookie: () => cookie };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('portal API client against the server', () => {
  it('reads the public endpoints', async () => {
    const { client } = browserLikeClient();
    const info = await client.info();
    expect(['pglite', 'postgres']).toContain(info.driver);
    const readiness = await client.readiness();
    expect(readiness.checks.map((check) => check.name)).toContain('database');
    expect((await client.health()).status).toBe('ok');
  });

  it('signs in with a cookie, manages tokens, reads audit and events, and signs out', async () => {
    const { client, cookie } = browserLikeClient();
    await expect(client.session.get()).rejects.toMatchObject({ status: 401 });

    const wrong = await client.session.signIn('ow_not-a-real-token').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).code).toBe('OW_UNAUTHENTICATED');

    const session = await client.session.signIn(server.adminToken);
    expect(session.role).toBe('admin');
    expect(cookie()).toMatch(/^ow_session=/);
    expect(await client.session.get()).toEqual(session);

    const created = await client.tokens.create({ role: 'viewer', name: 'contract viewer' });
    expect(created.role).toBe('viewer');
    const listed = await client.tokens.list();
    expect(listed.items.find((token) => token.id === created.id)?.revokedAt).toBeNull();

    const audit = await client.audit.list({ action: 'token.', limit: 10 });
    expect(audit.items.length).toBeGreaterThan(0);
    for (const entry of audit.items) expect(entry.action.startsWith('token.')).toBe(true);

    const events = await client.events.list({ topics: 'token.*', limit: 100 });
    expect(events.items.some((event) => event.key === created.id)).toBe(true);

    const refused = await client.events.list({ topics: 'Not A Topic' }).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(400);

    await client.tokens.revoke(created.id, 'contract test');
    const again = await client.tokens.revoke(created.id).catch((e: unknown) => e);
    expect((again as ApiError).status).toBe(409);

    await client.session.signOut();
    expect(cookie()).toBeNull();
    await expect(client.session.get()).rejects.toMatchObject({ status: 401 });
  });

  it('tells a viewer why token management is refused', async () => {
    const { client: admin } = browserLikeClient();
    await admin.session.signIn(server.adminToken);
    const viewerToken = (await admin.tokens.create({ role: 'viewer' })).token;
    const { client: viewer } = browserLikeClient();
    await viewer.session.signIn(viewerToken);
    const error = (await viewer.tokens.list().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.code).toBe('OW_FORBIDDEN');
    expect(error.detail).toContain('viewer');
  });

  it('streams live events with the session cookie and resumes after a dropped connection', async () => {
    const { client, cookie } = browserLikeClient();
    await client.session.signIn(server.adminToken);
    const sockets: WebSocket[] = [];
    const urls: string[] = [];
    const received: StreamEvent[] = [];
    const stream = new EventStream({
      endpoint: `${server.url.replace(/^http/, 'ws')}/api/stream`,
      topics: ['token.*'],
      createSocket: (url) => {
        urls.push(url);
        const socket = new WebSocket(url, { headers: { cookie: cookie() ?? '' } });
        sockets.push(socket);
        return socket as unknown as WebSocketLike;
      },
      random: () => 0,
      backoff: { initialMs: 20, maxMs: 200, factor: 2, jitter: 0 },
      onEvent: (event) => received.push(event),
    });
    try {
      stream.start();
      await until(() => stream.status === 'live', 'the stream to go live');

      const first = await client.tokens.create({ role: 'viewer', name: 'streamed one' });
      await until(() => received.some((event) => event.key === first.id), 'the first token event');

      sockets[0]?.terminate();
      await until(() => stream.status === 'reconnecting' || urls.length > 1, 'the drop to be noticed');
      // Committed while the portal is disconnected: the resumed stream must still deliver it.
      const second = await client.tokens.create({ role: 'viewer', name: 'streamed while away' });
      await until(() => received.some((event) => event.key === second.id), 'the event missed while away');

      expect(new URL(urls[1] ?? 'ws://x').searchParams.get('after')).not.toBeNull();
      const ids = received.map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      for (const event of received) expect(event.topic.startsWith('token.')).toBe(true);
    } finally {
      stream.stop();
    }
  });
});

// The portal's API client and event stream against the real server: every response the portal
// reads passes its schemas, the cookie session works end to end, and the stream resumes after a drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError } from '../../web/src/api/api-error';
import { createApiClient, type ApiClient, type FetchLike } from '../../web/src/api/client';
import { journeyApi, type Task } from '../../web/src/api/journeys';
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

async function poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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

  it('retries and cancels a journey task with a reason; without one the server answers 400 naming /reason', async () => {
    const { client } = browserLikeClient();
    await client.session.signIn(server.adminToken);
    const journeys = journeyApi(client);
    const definition = {
      id: 'contract-task-actions',
      name: 'Contract task actions',
      events: [{ name: 'start_work' }, { name: 'finish' }],
      stages: [
        {
          id: 'work',
          name: 'Work',
          kind: 'active',
          unitsOfWork: [
            {
              key: 'checks',
              name: 'Checks',
              tasks: [
                { key: 'flaky', name: 'Flaky', handler: 'fail-n-times', input: { failures: 50 }, retry: { maxRetries: 0 } },
                { key: 'approve', name: 'Approve', handler: 'approve', kind: 'human' },
              ],
            },
          ],
        },
        { id: 'done', name: 'Done', kind: 'final', outcome: 'success' },
      ],
      transitions: [
        { from: null, event: 'start_work', to: 'work' },
        { from: 'work', event: 'finish', to: 'done' },
      ],
    };
    const registered = await fetch(`${server.url}/api/journey-definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(definition),
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    const started = await journeys.start({ definition: definition.id, clientId: 'contract' });
    const taskOf = async (key: string): Promise<Task | undefined> =>
      (await journeys.get(started.journey.journeyId)).units.flatMap((u) => u.tasks).find((t) => t.key === key);
    const failed = await poll(async () => {
      const t = await taskOf('flaky');
      return t?.status === 'failed' ? t : undefined;
    }, 'the flaky task to fail');

    const refused = (await journeys.retryTask(failed.id, '').catch((e: unknown) => e)) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => e.pointer)).toEqual(['/reason']);
    expect((await taskOf('flaky'))?.status).toBe('failed');

    expect(await journeys.retryTask(failed.id, 'contract retry')).toMatchObject({ id: failed.id, status: 'pending', attempt: 0 });
    const approve = (await taskOf('approve'))!;
    expect(await journeys.cancelTask(approve.id, 'contract cancel')).toMatchObject({ id: approve.id, status: 'cancelled' });
    const audit = await client.audit.list({ action: 'task.', limit: 10 });
    expect(audit.items.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringContaining('"Flaky": contract retry'), 'cancelled task "Approve": contract cancel']));
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

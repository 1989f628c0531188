// The live stream as a client meets it: WebSocket with topic filters, resume from an id, cookie or bearer auth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { DRIVERS } from '../helpers/databases';

interface StreamMessage {
  type: string;
  lastId?: number;
  event?: { id: number; topic: string; payload: Record<string, unknown> };
}

function connect(server: TestServer, query: string, token: string): Promise<{ ws: WebSocket; messages: StreamMessage[]; next: (pred: (m: StreamMessage) => boolean) => Promise<StreamMessage> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/stream${query}`, { headers: { authorization: `Bearer ${token}` } });
    const messages: StreamMessage[] = [];
    const waiters: Array<{ pred: (m: StreamMessage) => boolean; resolve: (m: StreamMessage) => void }> = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as StreamMessage;
      messages.push(m);
      for (const w of [...waiters]) if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    });
    ws.on('error', reject);
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    const next = (pred: (m: StreamMessage) => boolean) =>
      new Promise<StreamMessage>((res) => {
        const found = messages.find(pred);
        if (found) return res(found);
        waiters.push({ pred, resolve: res });
      });
    ws.on('open', () => resolve({ ws, messages, next }));
  });
}

describe.each(DRIVERS)('event stream on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(async () => {
    await server.close();
  });

  it('pushes matching events only, in order, and resumes from the last id seen', async () => {
    const a = await connect(server, '?topics=token.created', server.adminToken);
    const ready = await a.next((m) => m.type === 'ready');
    await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'viewer', name: 'first' } });
    const created = await api(server, 'POST', '/api/tokens', { token: server.adminToken, body: { role: 'viewer', name: 'second' } });
    await api(server, 'DELETE', `/api/tokens/${created.json.id as string}`, { token: server.adminToken });
    const second = await a.next((m) => m.event?.payload.name === 'second');
    expect(a.messages.filter((m) => m.type === 'event').map((m) => m.event?.payload.name)).toEqual(['first', 'second']);
    a.ws.close();

    // A client that saw "first" reconnects with after=<its id> and gets "second" again, nothing before.
    const firstId = a.messages.find((m) => m.event?.payload.name === 'first')?.event?.id ?? 0;
    expect(firstId).toBeGreaterThan(ready.lastId ?? 0);
    const b = await connect(server, `?topics=token.*&after=${firstId}`, server.adminToken);
    await b.next((m) => m.event?.topic === 'token.revoked');
    expect(b.messages.filter((m) => m.type === 'event').map((m) => m.event?.topic)).toEqual(['token.created', 'token.revoked']);
    expect(b.messages.find((m) => m.event?.topic === 'token.created')?.event?.id).toBe(second.event?.id);
    b.ws.close();
  });

  it('refuses a stream without a token and answers a plain GET with 426', async () => {
    await expect(connect(server, '', 'ow_wrong-token-xxxxxxxxxxxxxxxxxxxx')).rejects.toThrow('HTTP 401');
    const plain = await api(server, 'GET', '/api/stream', { token: server.adminToken });
    expect(plain.status).toBe(426);
    expect(plain.json).toMatchObject({ code: 'OW_UPGRADE_REQUIRED' });
  });

  it('closes a stream with invalid topic filters, saying which', async () => {
    const c = await connect(server, '?topics=Not%20A%20Topic', server.adminToken);
    const err = await c.next((m) => m.type === 'error');
    expect(JSON.stringify(err)).toContain('Not A Topic');
    c.ws.close();
  });
});

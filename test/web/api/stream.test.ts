// The event-stream client against a WebSocket server the test controls: ordering, de-duplication,
// reconnect with backoff, resume from the last id, refusal and stop.
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { reconnectDelay } from '../../../web/src/api/backoff';
import { EventStream, defaultStreamEndpoint, streamUrl, type StreamStatus, type WebSocketLike } from '../../../web/src/api/stream';
import type { StreamEvent } from '../../../web/src/api/types';

interface Connection {
  url: URL;
  socket: WebSocket;
}

let wss: WebSocketServer;
let endpoint: string;
let refuseUpgrades = false;
const connections: Connection[] = [];
const streams: EventStream[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    verifyClient: (_info, done) => (refuseUpgrades ? done(false, 401, 'Unauthorized') : done(true)),
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  endpoint = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/api/stream`;
  wss.on('connection', (socket, req) => connections.push({ url: new URL(req.url ?? '/', 'http://x'), socket }));
});

afterEach(() => {
  for (const stream of streams.splice(0)) stream.stop();
  for (const { socket } of connections.splice(0)) socket.terminate();
  refuseUpgrades = false;
});

afterAll(async () => {
  await new Promise((resolve) => wss.close(resolve));
});

const event = (id: number, topic = 'journey.created'): StreamEvent => ({
  id,
  topic,
  key: `key-${id}`,
  payload: { n: id },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const send = (connection: Connection | undefined, message: unknown): void => {
  if (connection === undefined) throw new Error('no connection to send on');
  connection.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
};

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A stream wired to the test server, with timers held so each reconnect is run by the test. */
function harness(options: { topics?: string[]; after?: number; random?: number } = {}) {
  const received: StreamEvent[] = [];
  const statuses: StreamStatus[] = [];
  const problems: string[] = [];
  const delays: number[] = [];
  const timers: (() => void)[] = [];
  const sockets: WebSocket[] = [];
  const stream = new EventStream({
    endpoint,
    topics: options.topics ?? [],
    after: options.after ?? null,
    createSocket: (url) => {
      const socket = new WebSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocketLike;
    },
    random: () => options.random ?? 0,
    setTimer: (run, ms) => {
      delays.push(ms);
      timers.push(run);
      return timers.length;
    },
    clearTimer: () => undefined,
    onEvent: (e) => received.push(e),
    onStatus: (status) => statuses.push(status),
    onProblem: (problem) => problems.push(problem),
  });
  streams.push(stream);
  const fireTimer = (): void => {
    const run = timers.shift();
    if (run === undefined) throw new Error('no reconnect scheduled');
    run();
  };
  return { stream, received, statuses, problems, delays, timers, fireTimer, sockets };
}

describe('streamUrl and defaultStreamEndpoint', () => {
  it('puts topics and the resume point in the query', () => {
    expect(streamUrl('ws://h/api/stream', ['pattern.*', 'journey.*'], 41)).toBe('ws://h/api/stream?topics=pattern.*%2Cjourney.*&after=41');
    expect(streamUrl('ws://h/api/stream', [], null)).toBe('ws://h/api/stream');
  });

  it('derives ws: or wss: from the page location', () => {
    const holder = globalThis as { location?: { protocol: string; host: string } };
    holder.location = { protocol: 'https:', host: 'ow.example:8443' };
    try {
      expect(defaultStreamEndpoint()).toBe('wss://ow.example:8443/api/stream');
      holder.location = { protocol: 'http:', host: '127.0.0.1:4400' };
      expect(defaultStreamEndpoint()).toBe('ws://127.0.0.1:4400/api/stream');
    } finally {
      delete holder.location;
    }
    expect(() => defaultStreamEndpoint()).toThrow('no page location: pass `endpoint` to the event stream');
  });

  it('refuses an invalid topic filter before connecting', () => {
    expect(() => new EventStream({ endpoint, topics: ['Journey.*'] })).toThrow('topic filter "Journey.*" is not valid');
  });
});

describe('EventStream', () => {
  it('delivers events after ready, in order, once each', async () => {
    const h = harness({ topics: ['journey.*'] });
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    expect(connections[0]?.url.searchParams.get('topics')).toBe('journey.*');
    expect(connections[0]?.url.searchParams.has('after')).toBe(false);

    send(connections[0], { type: 'ready', lastId: 10 });
    await until(() => h.stream.status === 'live', 'live');
    expect(h.stream.lastEventId).toBe(10);
    for (const id of [11, 12, 12, 9, 13]) send(connections[0], { type: 'event', event: event(id) });
    await until(() => h.received.length === 3, 'three events');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.received.map((e) => e.id)).toEqual([11, 12, 13]);
    expect(h.stream.lastEventId).toBe(13);
    expect(h.statuses).toEqual(['connecting', 'live']);
  });

  it('reconnects after a drop with backoff and resumes after the last event it saw', async () => {
    const h = harness({ random: 0.5 });
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    send(connections[0], { type: 'ready', lastId: 0 });
    send(connections[0], { type: 'event', event: event(1) });
    send(connections[0], { type: 'event', event: event(2) });
    await until(() => h.received.length === 2, 'two events');

    connections[0]?.socket.terminate();
    await until(() => h.stream.status === 'reconnecting', 'reconnecting');
    expect(h.delays).toEqual([reconnectDelay(1, 0.5)]);
    h.fireTimer();
    await until(() => connections.length === 2, 'the second connection');
    expect(connections[1]?.url.searchParams.get('after')).toBe('2');

    // The server replays what was missed; a replayed duplicate is dropped.
    send(connections[1], { type: 'event', event: event(2) });
    send(connections[1], { type: 'event', event: event(3) });
    send(connections[1], { type: 'ready', lastId: 3 });
    await until(() => h.stream.status === 'live' && h.received.length === 3, 'live again with the replay');
    expect(h.received.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(h.stream.attempt).toBe(0);
  });

  it('resumes from the server position of the first ready even when no event arrived', async () => {
    const h = harness();
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    send(connections[0], { type: 'ready', lastId: 57 });
    await until(() => h.stream.status === 'live', 'live');
    connections[0]?.socket.terminate();
    await until(() => h.timers.length === 1, 'a scheduled reconnect');
    h.fireTimer();
    await until(() => connections.length === 2, 'the second connection');
    expect(connections[1]?.url.searchParams.get('after')).toBe('57');
  });

  it('backs off further on every refused attempt and resets once live', async () => {
    const h = harness({ after: 5, random: 0 });
    refuseUpgrades = true;
    h.stream.start();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await until(() => h.timers.length === 1, `retry ${attempt} to be scheduled`);
      h.fireTimer();
    }
    await until(() => h.delays.length === 4, 'the fourth retry');
    expect(h.delays).toEqual([500, 1000, 2000, 4000]);
    expect(h.stream.attempt).toBe(4);

    refuseUpgrades = false;
    h.fireTimer();
    await until(() => connections.length === 1, 'an accepted connection');
    expect(connections[0]?.url.searchParams.get('after')).toBe('5');
    send(connections[0], { type: 'ready', lastId: 5 });
    await until(() => h.stream.status === 'live', 'live');
    expect(h.stream.attempt).toBe(0);
  });

  it('stops for good when the server refuses the subscription itself', async () => {
    const h = harness({ topics: ['journey.*'] });
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    send(connections[0], { type: 'error', code: 'OW_VALIDATION', detail: 'Invalid topic filter(s): x' });
    connections[0]?.socket.close(1008, 'invalid topics');
    await until(() => h.stream.status === 'stopped', 'stopped');
    expect(h.timers).toHaveLength(0);
    expect(h.problems).toEqual(['the server refused the event stream (OW_VALIDATION): Invalid topic filter(s): x']);
  });

  it('reports unreadable messages and keeps streaming', async () => {
    const h = harness();
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    send(connections[0], { type: 'ready', lastId: 0 });
    send(connections[0], 'not json');
    send(connections[0], { type: 'event', event: { id: 'seven', topic: 'x' } });
    send(connections[0], { type: 'event', event: event(1) });
    await until(() => h.received.length === 1, 'the valid event');
    expect(h.problems[0]).toBe('the event stream sent a message that is not JSON');
    expect(h.problems[1]).toMatch(/^ignored a "event" message from the event stream \(event\.id: Invalid input: expected number/);
  });

  it('closes the socket on stop and does not come back', async () => {
    const h = harness();
    h.stream.start();
    await until(() => connections.length === 1, 'the connection');
    // A socket closed while the client still sees it connecting ends abnormally (1006), not with 1000.
    await until(() => h.sockets[0]?.readyState === WebSocket.OPEN, 'the client socket to open');
    const closed = new Promise<number>((resolve) => connections[0]?.socket.once('close', (code) => resolve(code)));
    h.stream.stop();
    expect(await closed).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.timers).toHaveLength(0);
    expect(h.stream.status).toBe('stopped');
  });

  it('stops while the socket is still connecting without an unheard error', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const h = harness();
      h.stream.start();
      expect(h.sockets[0]?.readyState).toBe(WebSocket.CONNECTING);
      h.stream.stop();
      await until(() => h.sockets[0]?.readyState === WebSocket.CLOSED, 'the aborted socket to close');
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(uncaught).toEqual([]);
      expect(h.timers).toHaveLength(0);
      expect(h.stream.status).toBe('stopped');
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});

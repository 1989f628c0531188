// Live events over the WebSocket at /api/stream: connects, reconnects with backoff, and resumes from
// the last event id it saw so a dropped connection loses nothing; plus the React hook pages use.
import { useEffect, useState } from 'react';
import { defaultBackoff, reconnectDelay, type BackoffPolicy } from './backoff';
import { api, type ApiClient } from './client';
import { describeError } from './api-error';
import { mergeEvents } from './event-buffer';
import { matchesAnyTopic, parseTopicFilter } from './topic-filter';
import { streamMessageSchema, type StreamEvent } from './types';

/** The subset of the browser WebSocket the stream needs; tests pass the `ws` package's client. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

/** `reconnecting` means waiting for the next attempt; `connecting` means an attempt is under way. */
export type StreamStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface EventStreamOptions {
  /** Topic filters such as `pattern.*`; empty for every topic. */
  topics?: readonly string[];
  /** Resume point: only events with a larger id are delivered. */
  after?: number | null;
  /** The stream endpoint, e.g. `ws://127.0.0.1:4400/api/stream`; defaults to the page's origin. */
  endpoint?: string;
  createSocket?: (url: string) => WebSocketLike;
  backoff?: BackoffPolicy;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onEvent?: (event: StreamEvent) => void;
  onReady?: (lastId: number) => void;
  onStatus?: (status: StreamStatus, retryInMs: number | null) => void;
  /** A message the portal could not read; the stream carries on. */
  onProblem?: (message: string) => void;
}

export function streamUrl(endpoint: string, topics: readonly string[], after: number | null): string {
  const url = new URL(endpoint);
  if (topics.length > 0) url.searchParams.set('topics', topics.join(','));
  if (after !== null) url.searchParams.set('after', String(after));
  return url.toString();
}

export function defaultStreamEndpoint(): string {
  const location = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (location === undefined) throw new Error('no page location: pass `endpoint` to the event stream');
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/stream`;
}

function browserSocket(url: string): WebSocketLike {
  const Ctor = (globalThis as { WebSocket?: new (url: string) => unknown }).WebSocket;
  if (Ctor === undefined) throw new Error('this runtime has no WebSocket: pass `createSocket` to the event stream');
  return new Ctor(url) as WebSocketLike;
}

export class EventStream {
  readonly #topics: readonly string[];
  readonly #options: EventStreamOptions;
  #socket: WebSocketLike | null = null;
  #timer: unknown = null;
  #lastEventId: number | null;
  #attempt = 0;
  #status: StreamStatus = 'idle';
  /** Set when the server refused the subscription itself; retrying the same request cannot help. */
  #refused = false;

  constructor(options: EventStreamOptions = {}) {
    this.#topics = [...(options.topics ?? [])];
    this.#topics.forEach(parseTopicFilter);
    this.#options = options;
    this.#lastEventId = options.after ?? null;
  }

  get status(): StreamStatus {
    return this.#status;
  }

  get lastEventId(): number | null {
    return this.#lastEventId;
  }

  /** Failed connection attempts since the stream was last live. */
  get attempt(): number {
    return this.#attempt;
  }

  start(): void {
    if (this.#status !== 'idle' && this.#status !== 'stopped') return;
    this.#refused = false;
    this.#connect();
  }

  stop(): void {
    this.#setStatus('stopped', null);
    this.#cancelTimer();
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null) {
      detach(socket);
      socket.close(1000, 'client stopped');
    }
  }

  #connect(): void {
    this.#timer = null;
    this.#setStatus('connecting', null);
    const endpoint = this.#options.endpoint ?? defaultStreamEndpoint();
    let socket: WebSocketLike;
    try {
      socket = (this.#options.createSocket ?? browserSocket)(streamUrl(endpoint, this.#topics, this.#lastEventId));
    } catch (error) {
      this.#options.onProblem?.(`could not open the event stream: ${describeError(error)}`);
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    socket.onmessage = (message) => this.#handleMessage(message.data);
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      detach(socket);
      if (this.#refused) this.#setStatus('stopped', null);
      else this.#scheduleReconnect();
    };
    // Browsers follow every error with a close event, which is where the retry is scheduled.
    socket.onerror = () => undefined;
  }

  #handleMessage(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      this.#options.onProblem?.('the event stream sent a message that is not JSON');
      return;
    }
    const parsed = streamMessageSchema.safeParse(json);
    if (!parsed.success) {
      const kind = typeof json === 'object' && json !== null && 'type' in json ? String(json.type) : 'untyped';
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` (${issue.path.join('.') || 'message'}: ${issue.message})`;
      this.#options.onProblem?.(`ignored a "${kind}" message from the event stream${where}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'error') {
      this.#refused = true;
      const code = message.code === undefined ? '' : ` (${message.code})`;
      this.#options.onProblem?.(`the server refused the event stream${code}: ${message.detail ?? 'no reason given'}`);
      return;
    }
    if (message.type === 'ready') {
      // With no resume point yet, the server's current position becomes one, so a reconnect
      // replays exactly what was missed (0 when the log is empty: replay everything after it).
      if (this.#lastEventId === null) this.#lastEventId = message.lastId ?? 0;
      this.#attempt = 0;
      this.#setStatus('live', null);
      this.#options.onReady?.(this.#lastEventId);
      return;
    }
    const event = message.event;
    if (this.#lastEventId !== null && event.id <= this.#lastEventId) return;
    this.#lastEventId = event.id;
    this.#options.onEvent?.(event);
  }

  #scheduleReconnect(): void {
    if (this.#status === 'stopped') return;
    this.#attempt += 1;
    const delay = reconnectDelay(
      this.#attempt,
      (this.#options.random ?? Math.random)(),
      this.#options.backoff ?? defaultBackoff,
    );
    this.#setStatus('reconnecting', delay);
    const setTimer = this.#options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
    this.#timer = setTimer(() => this.#connect(), delay);
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    const clearTimer = this.#options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    clearTimer(this.#timer);
    this.#timer = null;
  }

  #setStatus(status: StreamStatus, retryInMs: number | null): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#options.onStatus?.(status, retryInMs);
  }
}

function detach(socket: WebSocketLike): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  // Closing a socket that is still connecting reports the aborted handshake as an error; nobody listens
  // any more, and Node's ws throws an error event that has no listener, so it is swallowed here.
  socket.onerror = () => undefined;
}

export interface UseEventStreamOptions {
  /** Connect only when true (e.g. once signed in). */
  enabled?: boolean;
  /** How many events to keep, newest first. */
  max?: number;
  /** On first connect, also load up to this many recent events over HTTP. */
  backfill?: number;
  client?: ApiClient;
  endpoint?: string;
}

export interface EventStreamState {
  events: StreamEvent[];
  status: StreamStatus;
  retryInMs: number | null;
  lastEventId: number | null;
  problem: string | null;
}

const initialState: EventStreamState = { events: [], status: 'idle', retryInMs: null, lastEventId: null, problem: null };

export function useEventStream(topics: readonly string[], options: UseEventStreamOptions = {}): EventStreamState {
  const { enabled = true, max = 100, backfill = 0, client = api, endpoint } = options;
  const [state, setState] = useState<EventStreamState>(initialState);
  // Callers pass array literals; the joined string is the stable identity of the subscription.
  const topicKey = topics.join(',');

  useEffect(() => {
    setState(initialState);
    if (!enabled) return undefined;
    const filters = topicKey === '' ? [] : topicKey.split(',');
    const aborter = new AbortController();
    let backfilled = false;
    const stream = new EventStream({
      topics: filters,
      ...(endpoint === undefined ? {} : { endpoint }),
      onEvent: (event) =>
        setState((s) => ({ ...s, events: mergeEvents(s.events, [event], max), lastEventId: event.id })),
      onStatus: (status, retryInMs) => setState((s) => ({ ...s, status, retryInMs })),
      onProblem: (problem) => setState((s) => ({ ...s, problem })),
      onReady: (lastId) => {
        setState((s) => ({ ...s, lastEventId: s.lastEventId ?? lastId, problem: null }));
        if (backfilled || backfill <= 0 || lastId <= 0) return;
        backfilled = true;
        const after = Math.max(0, lastId - backfill);
        client.events
          .list(filters.length === 0 ? { after, limit: backfill } : { after, limit: backfill, topics: topicKey }, aborter.signal)
          .then(({ items }) => {
            const recent = items.filter((event) => event.id <= lastId && matchesAnyTopic(filters, event.topic));
            setState((s) => ({ ...s, events: mergeEvents(s.events, recent, max) }));
          })
          .catch((error: unknown) => {
            if (aborter.signal.aborted) return;
            setState((s) => ({ ...s, problem: `recent events could not be loaded: ${describeError(error)}` }));
          });
      },
    });
    stream.start();
    return () => {
      aborter.abort();
      stream.stop();
    };
  }, [topicKey, enabled, max, backfill, client, endpoint]);

  return state;
}

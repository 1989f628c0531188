// Typed client for the portal's HTTP API: same origin, cookie credentials, every response checked
// against its schema, every failure turned into an ApiError carrying the server's problem details.
import { z } from 'zod/mini';
import { ApiError, apiErrorFromProblem, parseRetryAfter } from './api-error';
import { toJsonPointer } from './json-pointer';
import {
  auditListSchema,
  createdTokenSchema,
  eventListSchema,
  healthReportSchema,
  livenessSchema,
  problemSchema,
  serverInfoSchema,
  sessionSchema,
  tokenListSchema,
  type AuditList,
  type CreateTokenInput,
  type CreatedToken,
  type EventList,
  type HealthReport,
  type Id,
  type Liveness,
  type Problem,
  type ServerInfo,
  type Session,
  type TokenList,
} from './types';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Origin (and optional prefix) of the server; empty means the page's own origin. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Current time, only used to read a Retry-After date. */
  now?: () => number;
}

export interface RequestOptions<S extends z.ZodMiniType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Schema of a successful body; omit for 204-style responses. */
  schema?: S;
  /** Non-2xx statuses whose body is still the answer (e.g. 503 from /readyz). */
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
}

export interface AuditQuery {
  actor?: string;
  /** An action or an action prefix such as `token.`. */
  action?: string;
  target?: string;
  before?: Id;
  limit?: number;
}

export interface EventQuery {
  after?: number;
  /** Comma-separated topic filters, e.g. `pattern.*,journey.*`. */
  topics?: string;
  key?: string;
  limit?: number;
}

export interface ApiClient {
  request<S extends z.ZodMiniType>(path: string, options: RequestOptions<S> & { schema: S }): Promise<z.infer<S>>;
  request(path: string, options?: RequestOptions<z.ZodMiniType>): Promise<void>;
  /** Called with every 401 except sign-in attempts, so the session can be dropped. */
  onUnauthorized(listener: (error: ApiError) => void): () => void;
  session: {
    get(signal?: AbortSignal): Promise<Session>;
    signIn(token: string): Promise<Session>;
    signOut(): Promise<void>;
  };
  tokens: {
    list(signal?: AbortSignal): Promise<TokenList>;
    create(input: CreateTokenInput): Promise<CreatedToken>;
    revoke(id: Id, reason?: string): Promise<void>;
  };
  audit: { list(query?: AuditQuery, signal?: AbortSignal): Promise<AuditList> };
  events: { list(query?: EventQuery, signal?: AbortSignal): Promise<EventList> };
  info(signal?: AbortSignal): Promise<ServerInfo>;
  health(signal?: AbortSignal): Promise<Liveness>;
  readiness(signal?: AbortSignal): Promise<HealthReport>;
}

export function buildUrl(baseUrl: string, path: string, query: Query = {}): string {
  if (!path.startsWith('/')) throw new Error(`API path must start with "/", got "${path}"`);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(name, String(value));
  }
  const search = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search === '' ? '' : `?${search}`}`;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const unauthorizedListeners = new Set<(error: ApiError) => void>();

  async function request(path: string, opts: RequestOptions<z.ZodMiniType> = {}): Promise<unknown> {
    const method = opts.method ?? 'GET';
    const url = buildUrl(baseUrl, path, opts.query);
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const init: RequestInit = { method, headers, credentials: 'include' };
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    if (opts.signal !== undefined) init.signal = opts.signal;

    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'AbortError') throw cause;
      const reason = cause instanceof Error && cause.message !== '' ? cause.message : 'the connection failed';
      throw new ApiError({
        status: 0,
        code: 'network_error',
        title: 'Server unreachable',
        detail: `${method} ${path} did not reach the server (${reason}).`,
      });
    }

    const accepted = response.ok || (opts.acceptStatuses ?? []).includes(response.status);
    if (!accepted) {
      const error = apiErrorFromProblem(
        response.status,
        await readProblem(response),
        parseRetryAfter(response.headers.get('retry-after'), now()),
      );
      if (response.status === 401 && path !== '/api/session') {
        for (const listener of unauthorizedListeners) listener(error);
      }
      throw error;
    }
    if (opts.schema === undefined) return undefined;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw invalidResponse(response.status, method, path, [
        { pointer: '', message: `not JSON (${cause instanceof Error ? cause.message : 'unparseable'})` },
      ]);
    }
    const parsed = opts.schema.safeParse(body);
    if (!parsed.success) {
      throw invalidResponse(
        response.status,
        method,
        path,
        parsed.error.issues.map((issue) => ({ pointer: toJsonPointer(issue.path), message: issue.message })),
      );
    }
    return parsed.data;
  }

  const client = {
    request,
    onUnauthorized(listener: (error: ApiError) => void) {
      unauthorizedListeners.add(listener);
      return () => {
        unauthorizedListeners.delete(listener);
      };
    },
    session: {
      get: (signal?: AbortSignal) => request('/api/session', { schema: sessionSchema, ...withSignal(signal) }),
      signIn: (token: string) => request('/api/session', { method: 'POST', body: { token }, schema: sessionSchema }),
      signOut: () => request('/api/session', { method: 'DELETE' }),
    },
    tokens: {
      list: (signal?: AbortSignal) => request('/api/tokens', { schema: tokenListSchema, ...withSignal(signal) }),
      create: (input: CreateTokenInput) =>
        request('/api/tokens', { method: 'POST', body: input, schema: createdTokenSchema }),
      revoke: (id: Id, reason?: string) =>
        request(`/api/tokens/${encodeURIComponent(String(id))}`, { method: 'DELETE', query: { reason } }),
    },
    audit: {
      list: (query: AuditQuery = {}, signal?: AbortSignal) =>
        request('/api/audit', { query: { ...query }, schema: auditListSchema, ...withSignal(signal) }),
    },
    events: {
      list: (query: EventQuery = {}, signal?: AbortSignal) =>
        request('/api/events', { query: { ...query }, schema: eventListSchema, ...withSignal(signal) }),
    },
    info: (signal?: AbortSignal) => request('/api/info', { schema: serverInfoSchema, ...withSignal(signal) }),
    health: (signal?: AbortSignal) =>
      request('/healthz', { schema: livenessSchema, acceptStatuses: [503], ...withSignal(signal) }),
    readiness: (signal?: AbortSignal) =>
      request('/readyz', { schema: healthReportSchema, acceptStatuses: [503], ...withSignal(signal) }),
  };
  // The overloads of `request` are a typing convenience over the one implementation above.
  return client as unknown as ApiClient;
}

/** The portal's own client: same origin, cookie session. */
export const api: ApiClient = createApiClient();

async function readProblem(response: Response): Promise<Problem | null> {
  const text = await response.text().catch(() => '');
  if (text === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: keep a short excerpt as the detail so the cause stays visible.
    const excerpt = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
    return excerpt === '' ? null : { detail: excerpt };
  }
  const parsed = problemSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

function invalidResponse(
  status: number,
  method: string,
  path: string,
  errors: { pointer: string; message: string }[],
): ApiError {
  const first = errors[0];
  const where = first === undefined ? '' : ` at ${first.pointer === '' ? '(root)' : first.pointer}: ${first.message}`;
  return new ApiError({
    status,
    code: 'invalid_response',
    title: 'Unexpected response',
    detail: `${method} ${path} answered a body the portal does not understand${where}`,
    errors,
  });
}

function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

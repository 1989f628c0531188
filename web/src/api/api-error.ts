// One error type for everything that can go wrong talking to the server, so pages show the server's
// own explanation (title, detail, field pointers) instead of a generic failure.
import type { Problem, ProblemFieldError } from './types';

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: readonly ProblemFieldError[];
  type?: string;
  retryAfterSeconds?: number | null;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly ProblemFieldError[];
  readonly type: string;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.detail === '' ? init.title : `${init.title}: ${init.detail}`);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.type = init.type ?? 'about:blank';
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const statusTitles: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  422: 'Not accepted',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export function titleForStatus(status: number): string {
  return statusTitles[status] ?? `HTTP ${status}`;
}

// Builds the error from a problem body when the server sent one, and from the status alone otherwise.
export function apiErrorFromProblem(
  status: number,
  problem: Problem | null,
  retryAfterSeconds: number | null = null,
): ApiError {
  const title = nonEmpty(problem?.title) ?? titleForStatus(status);
  return new ApiError({
    status,
    code: nonEmpty(problem?.code) ?? `http_${status}`,
    title,
    detail: nonEmpty(problem?.detail) ?? '',
    errors: problem?.errors ?? [],
    type: nonEmpty(problem?.type) ?? 'about:blank',
    retryAfterSeconds,
  });
}

// Retry-After is either delta-seconds or an HTTP date; the date form needs the current time.
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

// One human sentence for any thrown value, for banners and inline notices.
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const head = error.detail === '' ? error.title : `${error.title}: ${error.detail}`;
    const wait = error.retryAfterSeconds === null ? '' : ` Try again in ${error.retryAfterSeconds} s.`;
    return `${head}${wait}`;
  }
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'Something went wrong, and the error carried no message.';
}

/** Where a field error points, in words: its JSON pointer, field name and/or line and column. */
export function describeLocation(error: ProblemFieldError): string {
  const parts: string[] = [];
  if (error.pointer !== undefined) parts.push(error.pointer === '' ? '(whole body)' : error.pointer);
  if (error.field !== undefined && error.field !== '') parts.push(error.field);
  if (error.line !== undefined) parts.push(error.column === undefined ? `line ${error.line}` : `line ${error.line}, column ${error.column}`);
  return parts.length === 0 ? '(request)' : parts.join(' · ');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

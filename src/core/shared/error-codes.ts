// The one catalogue of error codes: every error a client can see has a stable code,
// a title and an HTTP status here, so the API, the CLI and the docs agree.

export const ERROR_CODES = {
  OW_VALIDATION: { status: 400, title: 'The request is not valid' },
  OW_MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  OW_UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  OW_FORBIDDEN: { status: 403, title: 'Your role does not allow this' },
  OW_NOT_FOUND: { status: 404, title: 'Not found' },
  OW_ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  OW_CONFLICT: { status: 409, title: 'Conflicts with the current state' },
  OW_PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  OW_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  OW_UPGRADE_REQUIRED: { status: 426, title: 'This endpoint speaks WebSocket' },
  OW_GATE_FAILED: { status: 422, title: 'A quality gate failed' },
  OW_DEPENDENCY_CYCLE: { status: 422, title: 'Tasks depend on each other in a cycle' },
  OW_UNKNOWN_HANDLER: { status: 422, title: 'A task names a handler that does not exist' },
  OW_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  OW_READ_ONLY: { status: 403, title: 'This action is disabled by configuration' },
  OW_INTERNAL: { status: 500, title: 'Internal error' },
  OW_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in the input a problem is: a JSON pointer (RFC 6901), or a line/column/field. */
export interface ErrorLocation {
  pointer?: string;
  line?: number;
  column?: number;
  field?: string;
  message: string;
}

/** An error meant for the client: a catalogued code plus a detail that says what was wrong and where. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: ErrorLocation[];

  constructor(code: ErrorCode, detail: string, errors: ErrorLocation[] = []) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = errors;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

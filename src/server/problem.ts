// Errors leave the server as application/problem+json (RFC 9457) with a stable code from the catalogue.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorLocation } from '../core/shared/error-codes';
import { toPointer } from '../core/shared/json-pointer';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: ErrorLocation[];
}

export function problem(code: ErrorCode, detail: string, errors?: ErrorLocation[], instance?: string): ProblemBody {
  const def = ERROR_CODES[code];
  return { type: `urn:ow:error:${code}`, title: def.title, status: def.status, detail, code, ...(instance ? { instance } : {}), ...(errors && errors.length ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** Maps every error a request can meet to a problem; client mistakes never become a 500. */
export function toProblem(err: FastifyError | Error, req: FastifyRequest): ProblemBody {
  const instance = req.url.split('?')[0];
  if (err instanceof AppError) return problem(err.code, err.message, err.errors, instance);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = PART_NAMES[(err as FastifyError).validationContext ?? 'body'] ?? 'body';
    const errors = err.validation.map((v) => ({
      pointer: v.instancePath || toPointer([]),
      message: v.message ?? 'invalid',
    }));
    return problem('OW_VALIDATION', `The request ${part} is not valid: ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`, errors, instance);
  }
  if (isResponseSerializationError(err)) return problem('OW_INTERNAL', 'The server produced a response that does not match its schema', undefined, instance);
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('OW_PAYLOAD_TOO_LARGE', `The request body exceeds the limit of ${req.routeOptions.bodyLimit ?? 'the configured'} bytes`, undefined, instance);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('OW_UNSUPPORTED_MEDIA_TYPE', `Content-Type ${req.headers['content-type'] ?? '(none)'} is not supported; send application/json`, undefined, instance);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('OW_MALFORMED_JSON', 'The request body is empty but Content-Type is application/json', undefined, instance);
    default:
      break;
  }
  if (fe.statusCode === 400 && err instanceof SyntaxError) {
    return problem('OW_MALFORMED_JSON', `The request body is not valid JSON: ${err.message}`, undefined, instance);
  }
  if (fe.statusCode === 429) return problem('OW_RATE_LIMITED', err.message, undefined, instance);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return problem('OW_VALIDATION', err.message, undefined, instance);
  return problem('OW_INTERNAL', 'An unexpected error occurred; it was logged', undefined, instance);
}

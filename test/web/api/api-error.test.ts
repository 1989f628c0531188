// Problem details → ApiError, Retry-After, and the sentences the portal shows for failures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ApiError,
  apiErrorFromProblem,
  describeError,
  describeLocation,
  parseRetryAfter,
} from '../../../web/src/api/api-error';

describe('apiErrorFromProblem', () => {
  it('carries the server problem over field by field', () => {
    const error = apiErrorFromProblem(400, {
      type: 'https://ow.dev/problems/validation',
      title: 'The request is not valid',
      status: 400,
      detail: 'role must be viewer, operator or admin',
      code: 'OW_VALIDATION',
      errors: [{ pointer: '/role', message: 'Invalid option' }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('OW_VALIDATION');
    expect(error.title).toBe('The request is not valid');
    expect(error.detail).toBe('role must be viewer, operator or admin');
    expect(error.errors).toEqual([{ pointer: '/role', message: 'Invalid option' }]);
    expect(error.message).toBe('The request is not valid: role must be viewer, operator or admin');
  });

  it('falls back to the status when there is no problem body', () => {
    const error = apiErrorFromProblem(502, null);
    expect(error.code).toBe('http_502');
    expect(error.title).toBe('Bad gateway');
    expect(error.detail).toBe('');
    expect(error.errors).toEqual([]);
    expect(apiErrorFromProblem(418, { title: '  ' }).title).toBe('HTTP 418');
  });

  it('never says undefined, null or [object Object] whatever the problem holds', () => {
    const text = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), text, text, text, (status, title, detail, code) => {
        const message = describeError(apiErrorFromProblem(status, { title, detail, code }));
        expect(message).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]/);
        expect(message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('42', now)).toBe(42);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('describeError and describeLocation', () => {
  it('adds the wait to a rate-limit error', () => {
    const error = apiErrorFromProblem(429, { title: 'Too many requests', detail: 'Too many attempts' }, 12);
    expect(describeError(error)).toBe('Too many requests: Too many attempts Try again in 12 s.');
  });

  it('describes plain errors, strings and values without a message', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('bad')).toBe('bad');
    expect(describeError({})).toBe('Something went wrong, and the error carried no message.');
  });

  it('names a location by pointer, field or line and column', () => {
    expect(describeLocation({ pointer: '/items/0/name', message: 'x' })).toBe('/items/0/name');
    expect(describeLocation({ pointer: '', message: 'x' })).toBe('(whole body)');
    expect(describeLocation({ field: 'topics', message: 'x' })).toBe('topics');
    expect(describeLocation({ line: 3, column: 14, message: 'x' })).toBe('line 3, column 14');
    expect(describeLocation({ message: 'x' })).toBe('(request)');
  });
});

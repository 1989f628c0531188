import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/shared/error-codes';
import { parsePatternQuery } from '../../../src/core/ows/search-query';

function errorsOf(input: unknown) {
  try {
    parsePatternQuery(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error('expected a validation error');
}

describe('parsePatternQuery', () => {
  it('accepts URL-style values: one string for a facet, numbers as strings', () => {
    expect(parsePatternQuery({ industry: ' Retail ', maturity: ['Early', ''], page: '2', pageSize: '10' })).toEqual({ industry: ['Retail'], maturity: ['Early'], page: 2, pageSize: 10 });
    expect(parsePatternQuery(undefined)).toEqual({});
  });

  it('names each bad field with a pointer and says what is allowed', () => {
    expect(errorsOf({ sort: 'popular', page: 'two', pageSize: 500, q: 7 })).toEqual([
      { pointer: '/q', field: 'q', message: expect.any(String) },
      { pointer: '/sort', field: 'sort', message: 'must be one of relevance, referenced, newest, clarity' },
      { pointer: '/page', field: 'page', message: 'must be a whole number' },
      { pointer: '/pageSize', field: 'pageSize', message: 'must be at most 100' },
    ]);
  });

  it('reports unknown parameters by name and limits the number of values per facet', () => {
    expect(errorsOf({ industries: 'Retail', qq: 'x' }).map((e) => [e.pointer, e.field])).toEqual([
      ['/industries', 'industries'],
      ['/qq', 'qq'],
    ]);
    expect(errorsOf({ industry: Array.from({ length: 51 }, (_, i) => `v${i}`) })[0]?.pointer).toBe('/industry');
  });

  it('says what was wrong in the error message itself', () => {
    expect(() => parsePatternQuery({ page: 0 })).toThrow('/page: must be at least 1');
  });
});

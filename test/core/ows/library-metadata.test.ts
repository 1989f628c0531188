import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BROKEN_SIGNALS, INDUSTRIES, libraryMetadataSchema, MATURITY_LEVELS, PROBLEM_TYPES } from '../../../src/core/ows/library-metadata';
import { parseWithPointers } from '../../../src/core/ows/parse-pattern';
import { flagship } from './pattern-fixtures';

const library = () => structuredClone(flagship().library) as Record<string, unknown>;

function errorsOf(input: unknown) {
  const result = parseWithPointers(libraryMetadataSchema, input);
  if (result.ok) throw new Error('expected the metadata to be rejected');
  return result.errors;
}

describe('library metadata', () => {
  it('offers exactly the catalog facets of the product', () => {
    expect(INDUSTRIES).toEqual(['Technology', 'Healthcare', 'Finance', 'Retail', 'Manufacturing', 'Education', 'Professional Services']);
    expect(PROBLEM_TYPES).toEqual(['Backlog', 'Escalation', 'Capacity', 'SLA Failure', 'Handoffs']);
    expect(BROKEN_SIGNALS).toEqual(['Ownership', 'Time/SLA', 'Capacity', 'Visibility']);
    expect(MATURITY_LEVELS).toEqual(['Early', 'Mid', 'Advanced']);
  });

  it('accepts any non-empty set of known facet values and rejects repeats', () => {
    fc.assert(
      fc.property(fc.subarray([...INDUSTRIES], { minLength: 1 }), fc.subarray([...PROBLEM_TYPES], { minLength: 1 }), (industries, problemTypes) => {
        const ok = parseWithPointers(libraryMetadataSchema, { ...library(), industries, problemTypes });
        expect(ok.ok).toBe(true);
        const repeated = parseWithPointers(libraryMetadataSchema, { ...library(), industries: [...industries, industries[0]] });
        expect(repeated.ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('names the field of each bad value', () => {
    const errors = errorsOf({ ...library(), slug: 'Support Ticket', industries: [], clarityScore: 11, publishedAt: '2025-13-01' });
    expect(errors.map((e) => e.pointer)).toEqual(['/slug', '/publishedAt', '/clarityScore', '/industries']);
    expect(errors[0]?.message).toMatch(/lowercase words joined by single dashes/);
  });

  it('needs effort in positive person-weeks and a checklist of 3 to 10 items', () => {
    const lib = library() as { components: Array<Record<string, unknown>>; checklist: unknown[] };
    lib.components[0]!.effortPersonWeeks = 0;
    lib.checklist = lib.checklist.slice(0, 2);
    expect(errorsOf(lib).map((e) => e.pointer)).toEqual(['/components/0/effortPersonWeeks', '/checklist']);
  });

  it('rejects blank prose', () => {
    const lib = library() as { narrative: Record<string, unknown> };
    lib.narrative.hook = ' '.repeat(30);
    expect(errorsOf(lib)).toEqual([{ pointer: '/narrative/hook', message: expect.stringContaining('must not be blank') }]);
  });
});

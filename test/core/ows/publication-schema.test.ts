import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toPublication } from '../../../src/core/ows/publication-format';
import { PUBLICATION_DIMENSIONS, publicationSchema } from '../../../src/core/ows/publication-schema';
import { flagship, validateReferencePublication } from './pattern-fixtures';

describe('publication schema', () => {
  it('names the eight publication scorecard dimensions of pattern.schema.json', () => {
    expect(PUBLICATION_DIMENSIONS).toEqual(['Ownership', 'TimeSLA', 'Capacity', 'Visibility', 'CustomerLoop', 'Escalation', 'Handoffs', 'Documentation']);
  });

  it('agrees with the reference schema when a field of an exported document is removed or replaced', () => {
    const base = toPublication(flagship()) as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.option(fc.jsonValue(), { nil: undefined }), (key, value) => {
        fc.pre(!(typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)));
        const doc = { ...base };
        if (value === undefined) delete doc[key];
        else doc[key] = value;
        expect(publicationSchema.safeParse(doc).success).toBe(validateReferencePublication(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees on scorecard values and unknown properties', () => {
    const base = toPublication(flagship());
    fc.assert(
      fc.property(fc.constantFrom(...PUBLICATION_DIMENSIONS), fc.integer({ min: -2, max: 8 }), (dimension, score) => {
        const doc = { ...base, scorecard: { ...base.scorecard, [dimension]: score } };
        expect(publicationSchema.safeParse(doc).success).toBe(validateReferencePublication(doc));
      }),
      { numRuns: 60 },
    );
    const extra = { ...base, notes: 'x' };
    expect(publicationSchema.safeParse(extra).success).toBe(false);
    expect(validateReferencePublication(extra)).toBe(false);
  });
});

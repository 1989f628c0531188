import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacetMatrix, FacetVocabulary } from '../../../src/core/ows/search-facets';

describe('FacetVocabulary', () => {
  it('lists known values first in their order, then the others alphabetically, hiding values nobody has any more', () => {
    const v = new FacetVocabulary({ industry: ['Technology', 'Healthcare'] });
    const a = v.add(0, ['Retail', 'Finance', 'retail']);
    v.add(0, ['Technology']);
    expect(v.report(0, new Int32Array(v.size(0)), [])).toEqual({ Technology: 0, Healthcare: 0, Finance: 0, Retail: 0 });
    v.remove(0, a);
    expect(Object.keys(v.report(0, new Int32Array(v.size(0)), ['Energy']))).toEqual(['Technology', 'Healthcare', 'Energy']);
  });
});

describe('FacetMatrix', () => {
  it('counts and filters like a direct check of every pattern, also beyond 32 values per facet', () => {
    const sizes = [40, 5, 3, 70];
    const idsArb = fc.tuple(...sizes.map((n) => fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 })));
    const selectionArb = fc.tuple(...sizes.map((n) => fc.option(fc.uniqueArray(fc.nat(n - 1), { maxLength: 4 }), { nil: null })));
    fc.assert(
      fc.property(fc.array(idsArb, { maxLength: 40 }), selectionArb, (patterns, selection) => {
        const matrix = new FacetMatrix(sizes, patterns);
        const masks = selection.map((s, f) => {
          if (s === null) return null;
          const table = new Uint8Array(sizes[f] as number);
          for (const id of s) table[id] = 1;
          return matrix.mask(f, table);
        });
        const counts = sizes.map((n) => new Int32Array(n));
        const passed = patterns.map((_, row) => matrix.tally(row, masks, counts));
        const passes = (ids: readonly number[][], except = -1) => selection.every((s, f) => f === except || s === null || (ids[f] ?? []).some((id) => s.includes(id)));
        expect(passed).toEqual(patterns.map((ids) => passes(ids)));
        sizes.forEach((n, f) => {
          const expected = Array.from({ length: n }, (_, id) => patterns.filter((ids) => passes(ids, f) && (ids[f] ?? []).includes(id)).length);
          expect([...(counts[f] ?? [])]).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});

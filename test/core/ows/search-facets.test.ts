import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacetColumns, hasRow, popcount, rowsOf } from '../../../src/core/ows/search-facet-columns';
import { FacetVocabulary } from '../../../src/core/ows/search-facets';

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

describe('FacetColumns', () => {
  it('filters and counts like a direct check of every pattern, also beyond 32 values and 32 rows, within a set of rows', () => {
    const sizes = [40, 5, 3, 70];
    const idsArb = fc.tuple(...sizes.map((n) => fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 })));
    const selectionArb = fc.tuple(...sizes.map((n) => fc.option(fc.uniqueArray(fc.nat(n - 1), { maxLength: 4 }), { nil: null })));
    const patternsArb = fc.array(idsArb, { maxLength: 100 });
    const inputArb = patternsArb.chain((patterns) =>
      fc.tuple(fc.constant(patterns), selectionArb, fc.option(fc.uniqueArray(fc.nat(Math.max(0, patterns.length - 1)), { maxLength: patterns.length }), { nil: null })),
    );
    fc.assert(
      fc.property(inputArb, ([patterns, selection, withinRows]) => {
        const columns = new FacetColumns(sizes, patterns);
        const within = withinRows === null ? null : withinRows.filter((r) => r < patterns.length);
        const selections = selection.map((s, f) => {
          if (s === null) return null;
          const table = new Uint8Array(sizes[f] as number);
          for (const id of s) table[id] = 1;
          return columns.union(f, table);
        });
        const counts = sizes.map((n) => new Int32Array(n));
        const member = columns.select(selections, within === null ? null : columns.fromRows(within), counts);
        const inside = (row: number) => within === null || within.includes(row);
        const passes = (ids: readonly number[][], except = -1) => selection.every((s, f) => f === except || s === null || (ids[f] ?? []).some((id) => s.includes(id)));
        const expectedRows = patterns.map((_, row) => row).filter((row) => inside(row) && passes(patterns[row] as number[][]));
        expect([...rowsOf(member)]).toEqual(expectedRows);
        expect(patterns.map((_, row) => hasRow(member, row))).toEqual(patterns.map((_, row) => expectedRows.includes(row)));
        sizes.forEach((n, f) => {
          const expected = Array.from({ length: n }, (_, id) => patterns.filter((ids, row) => inside(row) && passes(ids, f) && (ids[f] ?? []).includes(id)).length);
          expect([...(counts[f] ?? [])]).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('popcount counts the set bits of any 32-bit word', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (word) => {
        expect(popcount(word)).toBe([...(word >>> 0).toString(2)].filter((b) => b === '1').length);
      }),
    );
  });
});

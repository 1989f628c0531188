// The search answers every query of a fixed mix over a generated catalog exactly as the fixture
// recorded (computed before the speed work): items and scores, totals, pages, sorts, facet counts,
// with caches off, with caches warm, and after reference counts change in place.
import { describe, expect, it } from 'vitest';
import { createPatternIndex } from '../../../src/core/ows/search-index';
import { GOLDEN_CATALOG, goldenQueries, readSearchGolden, searchHashes } from './search-golden';

describe('search golden hashes', () => {
  const catalog = GOLDEN_CATALOG();
  const golden = readSearchGolden();
  const queries = goldenQueries();

  it('answers every query as recorded, with caches off', () => {
    expect(golden).toHaveLength(queries.length);
    expect(searchHashes(createPatternIndex(catalog, { textCacheSize: 0 }), queries)).toEqual(golden);
  });

  it('answers as recorded when queries repeat and refine (caches hit), in any order', () => {
    const index = createPatternIndex(catalog);
    const reversed = [...queries].reverse();
    searchHashes(index, reversed);
    expect(searchHashes(index, queries)).toEqual(golden);
    expect(searchHashes(index, reversed)).toEqual([...golden].reverse());
  });

  it('after reference counts change in place, answers as an index built with those counts', () => {
    const index = createPatternIndex(catalog);
    searchHashes(index, queries); // fill the caches
    const updated = catalog.map((p, i) => (i % 7 === 0 ? { ...p, referenceCount: (i * 7919) % 6000 } : p));
    updated.forEach((p, i) => {
      if (i % 7 === 0) expect(index.updateReferenceCount(p.slug, p.referenceCount)).toBe(true);
    });
    expect(index.updateReferenceCount('no-such-pattern', 3)).toBe(false);
    expect(() => index.updateReferenceCount(catalog[0]?.slug ?? '', -1)).toThrow(/whole number of 0 or more/);
    const fresh = searchHashes(createPatternIndex(updated, { textCacheSize: 0 }), queries);
    expect(searchHashes(index, queries)).toEqual(fresh);
    // The counts moved the referenced order: the comparison is not vacuous.
    expect(fresh).not.toEqual(golden);
  });
});

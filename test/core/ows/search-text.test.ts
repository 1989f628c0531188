import { describe, expect, it } from 'vitest';
import { processTerm, queryTerms, tokenize } from '../../../src/core/ows/search-text';

describe('search text', () => {
  it('splits on spaces, punctuation and symbols', () => {
    expect(tokenize('SLA/Time-to-ETA: 48h, L1→L2 (P2)')).toEqual(['SLA', 'Time', 'to', 'ETA', '48h', 'L1', 'L2', 'P2']);
  });

  it('lower-cases, folds accents and drops stop words', () => {
    expect(['Enrolmént', 'The', 'QUEUE'].map(processTerm)).toEqual(['enrolment', null, 'queue']);
  });

  it('gives the searchable terms of a query, none for stop words only', () => {
    expect(queryTerms('the escalation of tickets')).toEqual(['escalation', 'tickets']);
    expect(queryTerms('the, of & and')).toEqual([]);
  });
});

// The typed-array scorer answers exactly as MiniSearch.search (same ids, order, bit-identical scores,
// matched terms in the same order), also after removals; top-k selection equals a full stable sort.
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { scoreText, topRanked, type ScoringOptions } from '../../../src/core/ows/search-scoring';
import { processTerm, tokenize } from '../../../src/core/ows/search-text';
import { GOLDEN_CATALOG } from './search-golden';

const FIELDS = ['title', 'problem', 'orchestrationShift', 'body'] as const;
const BOOST = { title: 3, problem: 1.5, orchestrationShift: 1.5 };
const prefix = (term: string): boolean => term.length >= 3;
const OPTIONS: ScoringOptions = { fields: FIELDS, boost: BOOST, prefix, tokenize, processTerm };

type Doc = { slug: string; title: string; problem: string; orchestrationShift: string; body: string };

function build(docs: readonly Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    idField: 'slug',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm,
    autoVacuum: false,
    searchOptions: { boost: BOOST, prefix, fuzzy: false, combineWith: 'AND' },
  });
  ms.addAll(docs);
  return ms;
}

const typo = (term: string): number | false => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false);
const FUZZY: ScoringOptions = { ...OPTIONS, fuzzy: typo, maxFuzzy: 2 };

/** Our answer in MiniSearch's shape: ranked ids with scores and matched terms. */
function ours(ms: MiniSearch<Doc>, q: string, options = OPTIONS) {
  const scored = scoreText(ms as unknown as MiniSearch<unknown>, q, options);
  if (!scored) return null;
  const ids = (ms as unknown as { _documentIds: Map<number, string> })._documentIds;
  const ranked = topRanked(scored.docs.length, (i) => scored.score[scored.docs[i] as number] as number, 0, scored.docs.length);
  return ranked.map((i) => {
    const doc = scored.docs[i] as number;
    return { id: ids.get(doc), score: scored.score[doc], terms: scored.terms(doc) };
  });
}

const theirs = (ms: MiniSearch<Doc>, q: string, fuzzy = false) => ms.search(q, fuzzy ? { fuzzy: typo, maxFuzzy: 2 } : {}).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));

describe('scoreText', () => {
  const catalog: Doc[] = GOLDEN_CATALOG().map(({ slug, title, problem, orchestrationShift, body }, i) => ({
    slug,
    title,
    problem,
    // Numeric words: MiniSearch lists them first in matched terms (integer keys of an object).
    orchestrationShift: `${orchestrationShift} ${i % 3 === 0 ? `20${i % 10}4 7` : ''}`,
    body,
  }));
  const vocabulary = [...new Set(catalog.flatMap((d) => tokenize(`${d.title} ${d.body}`).slice(0, 40)))];
  const word = fc.constantFrom(...vocabulary, 'queue', 'que', 'owner', 'esc', 'the', 'zzzz', '2004', '20', 'claim', 'ticket');
  const query = fc.array(fc.oneof(word, word.map((w) => w.slice(0, 3))), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));

  it('equals MiniSearch.search: ids, order, exact scores and matched terms', () => {
    const ms = build(catalog);
    for (const q of ['queue', 'que', 'ticket agent', 'escalation backlog', 'the queue', 'queue queue', '20', '2004 queue', 'zzzz', 'sla breach']) {
      expect(ours(ms, q), q).toEqual(theirs(ms, q));
    }
    fc.assert(
      fc.property(query, (q) => {
        expect(ours(ms, q)).toEqual(theirs(ms, q));
      }),
      { numRuns: 60 },
    );
  });

  it('with typo tolerance, equals MiniSearch.search with the same fuzzy options', () => {
    const ms = build(catalog);
    const typoed = query.map((q) => q.replace(/([a-z])([a-z])/, '$2$1'));
    for (const q of ['refnd', 'escalaton', 'ownr', 'quue tiket', 'kalo']) expect(ours(ms, q, FUZZY), q).toEqual(theirs(ms, q, true));
    fc.assert(
      fc.property(typoed, (q) => {
        expect(ours(ms, q, FUZZY)).toEqual(theirs(ms, q, true));
      }),
      { numRuns: 30 },
    );
  });

  it('equals MiniSearch.search after documents are removed and re-added', () => {
    const ms = build(catalog);
    catalog.forEach((d, i) => {
      if (i % 5 === 0) ms.remove(d);
    });
    catalog.forEach((d, i) => {
      if (i % 10 === 0) ms.add({ ...d, title: `${d.title} queue` });
    });
    fc.assert(
      fc.property(query, (q) => {
        expect(ours(ms, q)).toEqual(theirs(ms, q));
      }),
      { numRuns: 30 },
    );
  });

  it('declines (null) when discarded documents are still in the postings', () => {
    const ms = build(catalog.slice(0, 50));
    ms.discard(catalog[0]?.slug ?? '');
    expect(scoreText(ms as unknown as MiniSearch<unknown>, 'queue', OPTIONS)).toBeNull();
  });
});

describe('topRanked', () => {
  it('is the slice of a stable sort by score descending', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }), fc.nat(90), fc.nat(30), (scores, from, size) => {
        const sorted = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
        expect(topRanked(scores.length, (i) => scores[i] as number, from, from + size)).toEqual(sorted.slice(from, from + size));
      }),
      { numRuns: 300 },
    );
  });
});

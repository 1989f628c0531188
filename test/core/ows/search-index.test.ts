import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/shared/error-codes';
import { createPatternIndex, type SearchablePattern } from '../../../src/core/ows/search-index';

const base = { body: '', orchestrationShift: '', problem: '' };

const CATALOG: SearchablePattern[] = [
  {
    ...base,
    slug: 'support-ticket-escalation-backlog',
    title: 'Support Ticket Escalation Backlog',
    problem: 'Escalated tickets wait in a queue nobody owns while the SLA clock runs.',
    orchestrationShift: 'A Smart Router assigns an owner at once; an SLA Monitor warns and escalates before breach.',
    body: 'L1 agents hand tickets to L2 engineers through a shared queue.',
    industries: ['Technology'],
    problemTypes: ['Escalation', 'Backlog'],
    brokenSignals: ['Ownership', 'Time/SLA'],
    maturity: 'Mid',
    referenceCount: 120,
    publishedAt: '2025-03-01',
    clarityScore: 36,
  },
  {
    ...base,
    slug: 'claims-intake-handoffs',
    title: 'Insurance Claims Intake Handoffs',
    problem: 'Claims bounce between intake and adjusters with no single owner.',
    industries: ['Finance'],
    problemTypes: ['Handoffs'],
    brokenSignals: ['Ownership', 'Visibility'],
    maturity: 'Early',
    referenceCount: 40,
    publishedAt: '2025-05-10',
    clarityScore: 33,
  },
  {
    ...base,
    slug: 'patient-referral-sla-failure',
    title: 'Patient Referral SLA Failure',
    problem: 'Referrals miss the 48-hour scheduling target.',
    industries: ['Healthcare'],
    problemTypes: ['SLA Failure'],
    brokenSignals: ['Time/SLA'],
    maturity: 'Advanced',
    referenceCount: 75,
    publishedAt: '2024-11-20T09:30:00Z',
    clarityScore: 38,
  },
  {
    ...base,
    slug: 'warehouse-returns-capacity',
    title: 'Warehouse Returns Capacity Crunch',
    problem: 'Returns pile up after peak season; inspection capacity is fixed.',
    industries: ['Retail', 'Manufacturing'],
    problemTypes: ['Capacity', 'Backlog'],
    brokenSignals: ['Capacity'],
    maturity: 'Mid',
    referenceCount: 75,
    publishedAt: '2025-01-15',
    clarityScore: 31,
  },
  {
    ...base,
    slug: 'course-enrolment-backlog',
    title: 'Course Enrolment Backlog',
    problem: 'Enrolment requests queue up before term starts.',
    body: 'Advisors need an escalation path for students who cannot register.',
    industries: ['Education'],
    problemTypes: ['Backlog'],
    brokenSignals: ['Visibility'],
    maturity: 'Early',
    referenceCount: 10,
    publishedAt: '2025-06-01',
    clarityScore: 34,
  },
  {
    ...base,
    slug: 'client-change-request-escalation',
    title: 'Client Change Request Escalation',
    problem: 'Change requests escalate to partners without triage.',
    industries: ['Professional Services'],
    problemTypes: ['Escalation'],
    brokenSignals: ['Ownership'],
    maturity: 'Advanced',
    referenceCount: 5,
    publishedAt: '2024-08-08',
    clarityScore: 30,
  },
];

const slugs = (r: { items: Array<{ slug: string }> }) => r.items.map((i) => i.slug);

describe('createPatternIndex: sorting and paging', () => {
  const index = createPatternIndex(CATALOG);

  it('lists everything most referenced first without a query, newer first on a tie', () => {
    const r = index.search();
    expect(r.sort).toBe('referenced');
    expect(r.total).toBe(6);
    expect(slugs(r)).toEqual([
      'support-ticket-escalation-backlog',
      'warehouse-returns-capacity',
      'patient-referral-sla-failure',
      'claims-intake-handoffs',
      'course-enrolment-backlog',
      'client-change-request-escalation',
    ]);
  });

  it('sorts by newest and by clarity', () => {
    expect(slugs(index.search({ sort: 'newest' }))).toEqual([
      'course-enrolment-backlog',
      'claims-intake-handoffs',
      'support-ticket-escalation-backlog',
      'warehouse-returns-capacity',
      'patient-referral-sla-failure',
      'client-change-request-escalation',
    ]);
    expect(slugs(index.search({ sort: 'clarity' }))).toEqual([
      'patient-referral-sla-failure',
      'support-ticket-escalation-backlog',
      'course-enrolment-backlog',
      'claims-intake-handoffs',
      'warehouse-returns-capacity',
      'client-change-request-escalation',
    ]);
  });

  it('falls back to most referenced when relevance is asked for without words', () => {
    expect(index.search({ sort: 'relevance' }).sort).toBe('referenced');
  });

  it('pages through the results', () => {
    const first = index.search({ pageSize: 4 });
    const second = index.search({ pageSize: 4, page: '2' });
    expect([first.items.length, second.items.length, first.pageCount, second.total]).toEqual([4, 2, 2, 6]);
    expect([...slugs(first), ...slugs(second)]).toEqual(slugs(index.search()));
    expect(index.search({ pageSize: 4, page: 3 }).items).toEqual([]);
  });

  it('returns patterns without their body, with a score only for text queries', () => {
    const [browse] = index.search().items;
    expect(browse).not.toHaveProperty('body');
    expect(browse).not.toHaveProperty('score');
    const [found] = index.search({ q: 'router' }).items;
    expect(found).toMatchObject({ slug: 'support-ticket-escalation-backlog', matchedTerms: ['router'] });
    expect(found?.score).toBeGreaterThan(0);
  });
});

describe('createPatternIndex: full text', () => {
  const index = createPatternIndex(CATALOG);

  it('ranks a title match above a body match', () => {
    const r = index.search({ q: 'escalation' });
    expect(r.sort).toBe('relevance');
    expect(r.total).toBe(3);
    expect(slugs(r).slice(2)).toEqual(['course-enrolment-backlog']);
  });

  it('requires every word, matches the start of words, and tolerates a typo when nothing matches exactly', () => {
    expect(slugs(index.search({ q: 'escalation backlog' })).sort()).toEqual(['course-enrolment-backlog', 'support-ticket-escalation-backlog']);
    expect(index.search({ q: 'escal' }).total).toBe(3);
    const typo = index.search({ q: 'escalaton' });
    expect([typo.total, typo.approximate]).toEqual([3, true]);
    expect(index.search({ q: 'escalation' }).approximate).toBe(false);
  });

  it('folds accents and ignores stop words and punctuation', () => {
    expect(index.search({ q: 'enrolmént' }).total).toBe(1);
    const onlyStopWords = index.search({ q: 'the of and' });
    expect([onlyStopWords.total, onlyStopWords.sort]).toEqual([6, 'referenced']);
  });

  it('sorts text matches by another order on request', () => {
    expect(slugs(index.search({ q: 'escalation', sort: 'newest' }))).toEqual(['course-enrolment-backlog', 'support-ticket-escalation-backlog', 'client-change-request-escalation']);
  });
});

describe('createPatternIndex: filters and facet counts', () => {
  const index = createPatternIndex(CATALOG, { knownFacetValues: { industry: ['Technology', 'Healthcare', 'Government'] } });

  it('ORs values within a facet and ANDs facets, ignoring case', () => {
    expect(slugs(index.search({ industry: ['Retail', 'education'] }))).toEqual(['warehouse-returns-capacity', 'course-enrolment-backlog']);
    expect(slugs(index.search({ industry: 'technology', problemType: ['Backlog'] }))).toEqual(['support-ticket-escalation-backlog']);
    expect(index.search({ industry: ['Technology'], problemType: ['Handoffs'] }).total).toBe(0);
  });

  it('counts each value over the matches with the other facets filtered', () => {
    const r = index.search({ industry: ['Technology'] });
    expect(r.facets).toEqual({
      industry: { Technology: 1, Healthcare: 1, Government: 0, Education: 1, Finance: 1, Manufacturing: 1, 'Professional Services': 1, Retail: 1 },
      problemType: { Backlog: 1, Capacity: 0, Escalation: 1, Handoffs: 0, 'SLA Failure': 0 },
      brokenSignal: { Capacity: 0, Ownership: 1, 'Time/SLA': 1, Visibility: 0 },
      maturity: { Advanced: 0, Early: 0, Mid: 1 },
    });
  });

  it('counts facets over text matches too', () => {
    const r = index.search({ q: 'escalation', maturity: ['Advanced'] });
    expect(slugs(r)).toEqual(['client-change-request-escalation']);
    expect(r.facets.maturity).toEqual({ Advanced: 1, Early: 1, Mid: 1 });
    expect(r.facets.industry).toMatchObject({ 'Professional Services': 1, Technology: 0, Education: 0 });
  });

  it('lists a selected value nobody has with a zero count', () => {
    const r = index.search({ industry: ['Energy'] });
    expect(r.total).toBe(0);
    expect(r.facets.industry.Energy).toBe(0);
  });
});

describe('createPatternIndex: validation', () => {
  const index = createPatternIndex(CATALOG);
  const pointersOf = (fn: () => unknown): Array<string | undefined> => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).errors.map((x) => x.pointer);
    }
    throw new Error('expected an error');
  };

  it('names every bad query parameter', () => {
    expect(pointersOf(() => index.search({ sort: 'popular' as 'newest', page: 0, pageSize: 101 }))).toEqual(['/sort', '/page', '/pageSize']);
    expect(pointersOf(() => index.search({ q: 'x'.repeat(201) }))).toEqual(['/q']);
    expect(pointersOf(() => index.search({ industries: ['Retail'] } as never))).toEqual(['/industries']);
  });

  it('rejects invalid and duplicate patterns with their pointers', () => {
    const bad = [CATALOG[0], { ...CATALOG[1], publishedAt: 'last week', referenceCount: -1 }, { ...CATALOG[2], slug: CATALOG[0]?.slug }] as SearchablePattern[];
    expect(pointersOf(() => createPatternIndex(bad))).toEqual(['/1/referenceCount', '/1/publishedAt', '/2/slug']);
  });
});

describe('createPatternIndex: incremental updates', () => {
  it('adds, replaces and removes patterns, and searches see each change', () => {
    const index = createPatternIndex(CATALOG.slice(0, 2));
    expect(index.search({ q: 'escalation' }).total).toBe(1);
    index.add(CATALOG[5] as SearchablePattern);
    expect(index.search({ q: 'escalation' }).total).toBe(2);
    expect(() => index.add(CATALOG[5] as SearchablePattern)).toThrow(expect.objectContaining({ code: 'OW_CONFLICT' }));
    const renamed = { ...(CATALOG[5] as SearchablePattern), title: 'Client Change Request Triage', problem: 'Requests reach partners untriaged.', industries: ['Government'] };
    expect(index.replace(renamed)).toBe('replaced');
    expect(slugs(index.search({ q: 'escalation' }))).toEqual(['support-ticket-escalation-backlog']);
    expect(index.search().facets.industry).toEqual({ Finance: 1, Government: 1, Technology: 1 });
    expect(index.remove('client-change-request-escalation')).toBe(true);
    expect(index.remove('client-change-request-escalation')).toBe(false);
    expect(index.search().facets.industry).toEqual({ Finance: 1, Technology: 1 });
    expect(index.replace(CATALOG[3] as SearchablePattern)).toBe('added');
    expect([index.size, index.has('warehouse-returns-capacity')]).toEqual([3, true]);
  });
});

// Brute-force reference for filters, facet counts and sorting, against random catalogs.
const INDUSTRY = ['Technology', 'Healthcare', 'Finance', 'Retail'];
const TYPES = ['Backlog', 'Escalation', 'Capacity'];
const SIGNALS = ['Ownership', 'Visibility'];
const MATURITY = ['Early', 'Mid', 'Advanced'];
const WORDS = ['queue', 'router', 'escalation', 'monitor', 'claims', 'backlog', 'owner'];

const patternArb = (i: number) =>
  fc.record({
    slug: fc.constant(`p-${i}`),
    title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    problem: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => w.join(' ')),
    orchestrationShift: fc.constant(''),
    body: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' ')),
    industries: fc.uniqueArray(fc.constantFrom(...INDUSTRY), { minLength: 1, maxLength: 2 }),
    problemTypes: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 2 }),
    brokenSignals: fc.uniqueArray(fc.constantFrom(...SIGNALS), { minLength: 1, maxLength: 2 }),
    maturity: fc.constantFrom(...MATURITY),
    referenceCount: fc.nat(5),
    publishedAt: fc.integer({ min: 1, max: 28 }).map((d) => `2025-02-${String(d).padStart(2, '0')}`),
    clarityScore: fc.integer({ min: 28, max: 32 }),
  });
const catalogArb = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => patternArb(i))));
const queryArb = fc.record(
  {
    q: fc.constantFrom(...WORDS, 'queue router'),
    industry: fc.uniqueArray(fc.constantFrom(...INDUSTRY), { maxLength: 2 }),
    problemType: fc.uniqueArray(fc.constantFrom(...TYPES), { maxLength: 2 }),
    brokenSignal: fc.uniqueArray(fc.constantFrom(...SIGNALS), { maxLength: 1 }),
    maturity: fc.uniqueArray(fc.constantFrom(...MATURITY), { maxLength: 2 }),
    sort: fc.constantFrom('referenced' as const, 'newest' as const, 'clarity' as const),
  },
  { requiredKeys: ['sort'] },
);

const FIELD = { industry: 'industries', problemType: 'problemTypes', brokenSignal: 'brokenSignals', maturity: 'maturity' } as const;
type Facet = keyof typeof FIELD;
const valuesOf = (p: SearchablePattern, f: Facet): string[] => (f === 'maturity' ? [p.maturity] : p[FIELD[f]]);

describe('createPatternIndex agrees with a brute-force reference', () => {
  it('on totals, order, paging and facet counts', () => {
    fc.assert(
      fc.property(catalogArb, queryArb, (catalog, query) => {
        const index = createPatternIndex(catalog);
        // The text-match set is MiniSearch's business; filters, counts and order are ours.
        const textMatches = query.q ? new Set(slugs(index.search({ q: query.q, pageSize: 100 }))) : new Set(catalog.map((p) => p.slug));
        const passes = (p: SearchablePattern, except?: Facet) =>
          (Object.keys(FIELD) as Facet[]).every((f) => f === except || !query[f]?.length || valuesOf(p, f).some((v) => query[f]?.includes(v)));
        const pool = catalog.filter((p) => textMatches.has(p.slug));
        const expected = pool.filter((p) => passes(p));
        const key = { referenced: (p: SearchablePattern) => [-p.referenceCount, -Date.parse(p.publishedAt)], newest: (p: SearchablePattern) => [-Date.parse(p.publishedAt), -p.referenceCount], clarity: (p: SearchablePattern) => [-p.clarityScore, -p.referenceCount] }[query.sort];
        expected.sort((a, b) => {
          const [a1, a2] = key(a) as [number, number];
          const [b1, b2] = key(b) as [number, number];
          return a1 - b1 || a2 - b2 || a.slug.localeCompare(b.slug);
        });
        const pages = [1, 2, 3].map((page) => index.search({ ...query, page, pageSize: 10 }));
        expect(pages[0]?.total).toBe(expected.length);
        expect(pages.flatMap(slugs)).toEqual(expected.map((p) => p.slug));
        for (const facet of Object.keys(FIELD) as Facet[]) {
          const counted = pages[0]?.facets[facet] ?? {};
          for (const [value, count] of Object.entries(counted)) {
            expect(count, `${facet}=${value}`).toBe(pool.filter((p) => passes(p, facet) && valuesOf(p, facet).includes(value)).length);
          }
          const present = new Set(catalog.flatMap((p) => valuesOf(p, facet)));
          expect(new Set(Object.keys(counted))).toEqual(new Set([...present, ...(query[facet] ?? [])]));
        }
      }),
      { numRuns: 250 },
    );
  });

  it('after any sequence of adds, replaces and removes, answers as an index built from scratch', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('upsert' as const), fc.integer({ min: 0, max: 12 }).chain((i) => patternArb(i))),
      fc.tuple(fc.constant('remove' as const), fc.integer({ min: 0, max: 12 }).map((i) => `p-${i}`)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), queryArb, (ops, query) => {
        const index = createPatternIndex([]);
        const live = new Map<string, SearchablePattern>();
        for (const [kind, arg] of ops) {
          index.search(query); // fills the caches that every change must clear
          if (kind === 'upsert') {
            index.replace(arg);
            live.set(arg.slug, arg);
          } else {
            expect(index.remove(arg)).toBe(live.delete(arg));
          }
        }
        const fresh = createPatternIndex([...live.values()]);
        const strip = (r: ReturnType<typeof index.search>) => ({ ...r, items: r.items.map(({ score: _score, ...rest }) => rest) });
        expect(strip(index.search({ ...query, pageSize: 100 }))).toEqual(strip(fresh.search({ ...query, pageSize: 100 })));
      }),
      { numRuns: 150 },
    );
  });
});

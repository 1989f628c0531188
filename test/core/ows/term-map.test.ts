import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptCase, applyTermMap, normalizeTerm, parseTermMap, type TermMap } from '../../../src/core/ows/term-map';

function mapOf(input: unknown): TermMap {
  const result = parseTermMap(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.map;
}

function errorsOf(input: unknown) {
  const result = parseTermMap(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const apply = (text: string, input: unknown) => applyTermMap(text, mapOf(input)).text;

describe('parseTermMap validation', () => {
  it('accepts an object or an ordered list of entries', () => {
    expect(mapOf({ L1: 'Tier 1 Zendesk' }).entries).toEqual([{ from: 'L1', to: 'Tier 1 Zendesk', pointer: '/L1' }]);
    expect(mapOf([{ from: ' L1 ', to: 'Tier 1 Zendesk ' }]).entries).toEqual([{ from: 'L1', to: 'Tier 1 Zendesk', pointer: '/0/from' }]);
  });

  it('rejects empty terms and replacements, naming the entry', () => {
    expect(errorsOf({ '': 'x', '  ': 'y', Queue: ' ' })).toEqual([
      { pointer: '/', field: '', message: expect.stringContaining('The term is empty') },
      { pointer: '/  ', field: '  ', message: expect.stringContaining('The term is empty') },
      { pointer: '/Queue', field: 'Queue', message: expect.stringContaining('The replacement for "Queue" is empty') },
    ]);
    expect(errorsOf([{ from: 'Queue', to: '' }])).toEqual([{ pointer: '/0/to', field: 'from', message: expect.stringContaining('is empty') }]);
  });

  it('rejects line breaks and over-long entries', () => {
    const errors = errorsOf({ 'a\nb': 'x', L1: 'Tier\n1', L2: 'x'.repeat(201), ['t'.repeat(101)]: 'y' });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('contains a line break'),
      expect.stringContaining('replacement for "L1" contains a line break'),
      expect.stringContaining('201 characters long; at most 200'),
      expect.stringContaining('101 characters long; at most 100'),
    ]);
  });

  it('rejects terms that repeat another ignoring case and spacing, pointing at the repeat', () => {
    expect(errorsOf({ Queue: 'Case Queue', queue: 'Other', 'Smart  Router': 'A', 'smart router': 'B' })).toEqual([
      { pointer: '/queue', field: 'queue', message: 'The term "queue" repeats "Queue" (/Queue); terms are matched ignoring case and spacing' },
      { pointer: '/smart router', field: 'smart router', message: expect.stringContaining('repeats "Smart  Router"') },
    ]);
  });

  it('rejects cycles of any length but not a term mapped to itself or a chain', () => {
    expect(errorsOf({ L1: 'L2', L2: 'l1' }).map((e) => [e.pointer, e.message])).toEqual([['/L1', expect.stringMatching(/^"L1" → "L2" → "L1" is a cycle/)]]);
    expect(errorsOf([{ from: 'A', to: 'B' }, { from: 'B', to: 'C' }, { from: 'C', to: 'a' }])[0]?.message).toMatch(/"A" → "B" → "C" → "A"/);
    expect(parseTermMap({ queue: 'Queue' }).ok).toBe(true);
    expect(parseTermMap({ A: 'B', B: 'C' }).ok).toBe(true);
  });

  it('rejects input that is not a map, with a pointer', () => {
    expect(errorsOf('L1=Tier 1')[0]).toMatchObject({ pointer: '' });
    expect(errorsOf({ L1: 7 })[0]?.pointer).toBe('/L1');
    expect(errorsOf([{ from: 'L1' }])[0]?.pointer).toBe('/0/to');
  });
});

describe('applyTermMap', () => {
  it('replaces whole words only', () => {
    expect(apply("L1 and L10 and xL1 and L1's queue, L1-L2", { L1: 'Tier 1', L2: 'Tier 2' })).toBe("Tier 1 and L10 and xL1 and Tier 1's queue, Tier 1-Tier 2");
  });

  it('prefers the longest term and never rewrites a replacement', () => {
    expect(apply('The Smart Router beats the Router', { Router: 'Switch', 'Smart Router': 'AWS Lambda Router' })).toBe('The AWS Lambda Router beats the Switch');
    expect(apply('Queue', { Queue: 'Salesforce Case Queue' })).toBe('Salesforce Case Queue');
    expect(apply('A then B', { A: 'B', B: 'C' })).toBe('B then C');
  });

  it('matches across any run of spaces or a line break inside a term', () => {
    expect(apply('the Smart\n  Router', { 'Smart Router': 'Lambda' })).toBe('the Lambda');
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(apply('C++ and C and a.b and axb and (beta)', { 'C++': 'Rust', 'a.b': 'dot', '(beta)': '(GA)' })).toBe('Rust and C and dot and axb and (GA)');
  });

  it('matches accented and non-Latin words whole', () => {
    expect(apply('Café, cafés, Cafe', { café: 'Bistro' })).toBe('Bistro, cafés, Cafe');
  });

  it('follows the capitalisation of the text it replaces', () => {
    const map = { Queue: 'Salesforce Case Queue', agent: 'specialist', L1: 'Tier 1 Zendesk' };
    expect(apply('queue, Queue, QUEUE', map)).toBe('Salesforce Case Queue, Salesforce Case Queue, SALESFORCE CASE QUEUE');
    expect(apply('agent, Agent, AGENT', map)).toBe('specialist, Specialist, SPECIALIST');
    expect(apply('l1 and L1', map)).toBe('Tier 1 Zendesk and Tier 1 Zendesk');
  });

  it('leaves protected ranges alone and escapes replacements on request', () => {
    const map = mapOf({ quot: 'quote', Queue: 'Case #1; Queue' });
    expect(applyTermMap('#quot;Queue#quot; quot', map, { protect: /#\w+;/g }).text).toBe('#quot;Case #1; Queue#quot; quote');
    expect(applyTermMap('Queue', map, { escape: (s) => s.replace(/[#;]/g, '_') }).text).toBe('Case _1_ Queue');
    expect(applyTermMap('Queue Queue', map, { protectedRanges: [[0, 5]] }).text).toBe('Queue Case #1; Queue');
  });

  it('reports each replacement with its offset', () => {
    expect(applyTermMap('an L1 and an l1', mapOf({ L1: 'Tier 1' })).replacements).toEqual([
      { index: 3, matched: 'L1', replacement: 'Tier 1', term: 'L1' },
      { index: 13, matched: 'l1', replacement: 'Tier 1', term: 'L1' },
    ]);
  });
});

describe('adaptCase', () => {
  it('keeps proper-name replacements, only ever raises case, and capitalises only a leading letter', () => {
    expect(adaptCase('queue', 'Queue', 'Salesforce Case Queue')).toBe('Salesforce Case Queue');
    expect(adaptCase('Agent', 'agent', 'specialist team')).toBe('Specialist team');
    expect(adaptCase('SLA', 'SLA', 'Service level')).toBe('Service level');
    expect(adaptCase('A', 'a', '1st tier')).toBe('1st tier');
  });
});

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/);

describe('applyTermMap properties', () => {
  it('leaves no whole-word occurrence of a term when replacements contain no term', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 5, selector: normalizeTerm }), fc.array(fc.oneof(word, fc.constantFrom(' ', ', ', '-', '\n', "'s ")), { maxLength: 30 }), (terms, parts) => {
        const map = mapOf(Object.fromEntries(terms.map((t, i) => [t, `#${i}#`])));
        const out = applyTermMap(parts.join(''), map).text;
        for (const t of terms) expect(out.toLowerCase()).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}_])${t.toLowerCase()}(?![\\p{L}\\p{N}_])`, 'u'));
      }),
    );
  });

  it('is the identity for a map of terms onto themselves, and rebuilds the text from its replacements', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 5, selector: normalizeTerm }), fc.array(fc.oneof(word, fc.constantFrom(' ', '. ')), { maxLength: 30 }), (terms, parts) => {
        const text = parts.join('');
        const identity = mapOf(Object.fromEntries(terms.map((t) => [t, t])));
        const result = applyTermMap(text, identity);
        // Identical spelling is kept; a differently-cased match keeps the map's spelling.
        expect(result.text.toLowerCase()).toBe(text.toLowerCase());
        let rebuilt = '';
        let last = 0;
        for (const r of result.replacements) {
          rebuilt += text.slice(last, r.index) + r.replacement;
          last = r.index + r.matched.length;
        }
        expect(rebuilt + text.slice(last)).toBe(result.text);
      }),
    );
  });
});

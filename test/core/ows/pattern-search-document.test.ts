import { describe, it, expect } from 'vitest';
import { toSearchablePattern } from '../../../src/core/ows/pattern-search-document';
import { createPatternIndex, searchablePatternSchema } from '../../../src/core/ows/search-index';
import { flagship } from './pattern-fixtures';

describe('pattern as a search document', () => {
  it('is accepted by the search index schema and carries the card fields and facets', () => {
    const doc = toSearchablePattern(flagship());
    expect(searchablePatternSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({
      slug: 'support-ticket-escalation-backlog',
      title: 'Support Ticket Escalation Backlog',
      maturity: 'Mid',
      publishedAt: '2025-06-02',
      industries: ['Technology', 'Professional Services'],
    });
    expect(doc.body).toContain('Smart Router');
    expect(doc.body).not.toContain('sequenceDiagram');
  });

  it('makes the flagship findable by the words of its prose and by its facets', () => {
    const index = createPatternIndex([toSearchablePattern(flagship())]);
    expect(index.search({ q: 'duty manager capacity' }).items.map((i) => i.slug)).toEqual(['support-ticket-escalation-backlog']);
    expect(index.search({ brokenSignal: ['Ownership'], industry: ['Technology'] }).total).toBe(1);
    expect(index.search({ industry: ['Healthcare'] }).total).toBe(0);
  });
});

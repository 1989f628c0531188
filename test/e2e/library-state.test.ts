// The Library pages' pure rules, without a browser: the view state read from and written to the
// URL (search, facets, sort, page; white-label rows; SOW rates), what the white-label editor sends
// and where a server error lands, the SOW field checks, and the article view's text rules (which
// character references decode, which links stay links). library.test.ts drives the same code in Chromium.
import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  clearFilters,
  emptyLibraryQuery,
  hasActiveFilters,
  readLibraryQuery,
  toggleFacetValue,
  withPage,
  withSearchText,
  withSort,
  writeLibraryQuery,
} from '../../web/src/pages/library/library-query';
import { decodeEntities, safeHref } from '../../web/src/pages/library/markdown-inline';
import { sectionAnchor } from '../../web/src/pages/library/pattern-facts';
import { checkSowFields, fieldOfPointer, readSowFields, SOW_DEFAULTS, writeSowFields } from '../../web/src/pages/library/sow-params';
import { readTermPairs, rowOfPointer, termRequest, writeTermPairs } from '../../web/src/pages/library/white-label-terms';

const params = (query: string) => new URLSearchParams(query);

describe('library view state in the URL', () => {
  it('reads repeated and comma-separated facet values, once each, and tolerates hand-edited values', () => {
    const query = readLibraryQuery(params('q=escalation&industry=Technology&industry=Retail,Technology&maturity=&sort=bogus&page=-3'));
    expect(query.q).toBe('escalation');
    expect(query.filters.industry).toEqual(['Technology', 'Retail']);
    expect(query.filters.maturity).toEqual([]);
    expect(query.sort).toBeNull();
    expect(query.page).toBe(1);
    expect(readLibraryQuery(params('page=2.5')).page).toBe(1);
    expect(readLibraryQuery(params('page=99999999')).page).toBe(10_000);
    expect(readLibraryQuery(params(`q=${'x'.repeat(300)}`)).q).toHaveLength(200);
  });

  it('writes one parameter per selected value and leaves defaults out, so the same view has one URL', () => {
    expect(writeLibraryQuery(emptyLibraryQuery).toString()).toBe('');
    const query = withPage(toggleFacetValue(toggleFacetValue(withSearchText(emptyLibraryQuery, '  sla breach '), 'brokenSignal', 'Time/SLA'), 'industry', 'Professional Services'), 3);
    const written = writeLibraryQuery(withSort(query, 'newest'));
    expect(written.getAll('brokenSignal')).toEqual(['Time/SLA']);
    expect(written.get('q')).toBe('sla breach');
    // Sorting starts again at page 1, so no page parameter remains.
    expect(written.has('page')).toBe(false);
    expect(readLibraryQuery(written)).toEqual({
      q: 'sla breach',
      filters: { industry: ['Professional Services'], problemType: [], brokenSignal: ['Time/SLA'], maturity: [] },
      sort: 'newest',
      page: 1,
    });
    expect(writeLibraryQuery(withPage(query, 3)).get('page')).toBe('3');
  });

  it('toggles a facet value on and off, back to page 1 each time; clearing keeps only the sort', () => {
    const on = toggleFacetValue(withPage(emptyLibraryQuery, 4), 'problemType', 'Backlog');
    expect(on.filters.problemType).toEqual(['Backlog']);
    expect(on.page).toBe(1);
    expect(toggleFacetValue(on, 'problemType', 'Backlog').filters.problemType).toEqual([]);
    expect(activeFilters(toggleFacetValue(on, 'industry', 'Retail'))).toEqual([
      { facet: 'industry', value: 'Retail' },
      { facet: 'problemType', value: 'Backlog' },
    ]);
    const cleared = clearFilters(withSort(withSearchText(on, 'router'), 'clarity'));
    expect(hasActiveFilters(cleared)).toBe(false);
    expect(cleared.sort).toBe('clarity');
  });
});

describe('white-label rows', () => {
  it('round-trips rows through the URL beside other parameters, leaving blank rows out', () => {
    const written = writeTermPairs(params('rate=900&wf=old'), [
      { from: 'L1', to: 'Tier 1 Zendesk' },
      { from: '', to: '' },
      { from: 'Queue', to: '' },
    ]);
    expect(written.get('rate')).toBe('900');
    expect(readTermPairs(written)).toEqual([
      { from: 'L1', to: 'Tier 1 Zendesk' },
      { from: 'Queue', to: '' },
    ]);
  });

  it('sends only complete rows and maps a server pointer back to the editor row it came from', () => {
    const request = termRequest([
      { from: 'L1', to: 'Tier 1' },
      { from: 'Queue', to: ' ' },
      { from: '', to: '' },
      { from: 'Router', to: 'Omni Router' },
    ]);
    expect(request.terms).toEqual([
      { from: 'L1', to: 'Tier 1' },
      { from: 'Router', to: 'Omni Router' },
    ]);
    expect(request.incomplete).toEqual([1]);
    // The second sent term is the fourth row.
    expect(rowOfPointer('/terms/1/to', request.rowOf)).toEqual({ row: 3, side: 'to' });
    expect(rowOfPointer('/1/to', request.rowOf)).toEqual({ row: 3, side: 'to' });
    expect(rowOfPointer('/termsx/1/to', request.rowOf)).toBeNull();
    expect(rowOfPointer('/0/from', request.rowOf)).toEqual({ row: 0, side: 'from' });
    expect(rowOfPointer('/5/from', request.rowOf)).toBeNull();
    expect(rowOfPointer('', request.rowOf)).toBeNull();
  });
});

describe('statement-of-work fields', () => {
  it('reads defaults, writes only what differs from them, keeps other parameters', () => {
    expect(readSowFields(params(''))).toEqual(SOW_DEFAULTS);
    const fields = readSowFields(params('rate=950&currency=eur&wf=L1'));
    expect(fields).toMatchObject({ dayRate: '950', currency: 'EUR', fteCount: SOW_DEFAULTS.fteCount });
    const written = writeSowFields(params('wf=L1&wt=Tier 1'), { ...fields, clientName: ' Acme ' });
    expect(written.get('rate')).toBe('950');
    expect(written.get('currency')).toBe('EUR');
    expect(written.get('client')).toBe('Acme');
    expect(written.has('fte')).toBe(false);
    expect(written.get('wt')).toBe('Tier 1');
  });

  it('accepts a zero buffer but no zero rate or team, and names each bad field', () => {
    const ok = checkSowFields({ dayRate: '1200.5', fteCount: '1.5', bufferPercent: '0', currency: 'gbp', clientName: '  ' });
    expect(ok).toEqual({ ok: true, body: { dayRate: 1200.5, fteCount: 1.5, bufferPercent: 0, currency: 'GBP' } });
    const bad = checkSowFields({ dayRate: '0', fteCount: 'two', bufferPercent: '250', currency: 'EURO', clientName: 'x'.repeat(121) });
    expect(bad).toEqual({
      ok: false,
      errors: {
        dayRate: 'must be greater than 0',
        fteCount: 'must be a number',
        bufferPercent: 'must be at most 200',
        currency: 'must be a three-letter ISO 4217 code such as USD',
        clientName: 'must be at most 120 characters',
      },
    });
    expect(fieldOfPointer('/dayRate')).toBe('dayRate');
    expect(fieldOfPointer('/effortOverrides/IMP-001')).toBeNull();
  });
});

describe('article text rules', () => {
  it('decodes the references the article keeps, once, and leaves unknown ones as written', () => {
    expect(decodeEntities('&lt;script>alert(1)&lt;/script> &amp; &#35;1 &#x3C;b&#X3E;')).toBe('<script>alert(1)</script> & #1 <b>');
    // An escaped reference stays a reference: one pass, never twice.
    expect(decodeEntities('&amp;lt;img&amp;gt;')).toBe('&lt;img&gt;');
    expect(decodeEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });

  it('keeps only web, same-site and in-page links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref(' /library/x ')).toBe('/library/x');
    expect(safeHref('#checklist')).toBe('#checklist');
    for (const unsafe of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', '//evil.example', 'vbscript:x', 'mailto:a@b']) {
      expect(safeHref(unsafe), unsafe).toBeNull();
    }
  });

  it('turns section headings into stable anchors', () => {
    expect(sectionAnchor('Metrics & SLAs')).toBe('metrics-slas');
    expect(sectionAnchor('Decision point that matters')).toBe('decision-point-that-matters');
    expect(sectionAnchor('As-Is diagram')).toBe('as-is-diagram');
  });
});

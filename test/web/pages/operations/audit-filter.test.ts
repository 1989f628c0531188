// Audit-log ordering, paging and the filter kept in the URL.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendPage,
  applyAuditFilter,
  auditFilterFromParams,
  distinctValues,
  newestFirst,
} from '../../../../web/src/pages/operations/audit-filter';
import type { AuditEntry } from '../../../../web/src/api/types';

const entry = (id: number, createdAt: string, actor = 'admin', action = 'token.create'): AuditEntry => ({
  id,
  actor,
  action,
  target: `tok_${id}`,
  summary: `entry ${id}`,
  createdAt,
});

describe('newestFirst', () => {
  it('orders by time, newest first, and by id within the same instant', () => {
    const sorted = newestFirst([
      entry(1, '2026-01-01T10:00:00Z'),
      entry(3, '2026-01-01T12:00:00Z'),
      entry(2, '2026-01-01T12:00:00Z'),
      entry(4, '2026-01-01T11:00:00Z'),
    ]);
    expect(sorted.map((e) => e.id)).toEqual([3, 2, 4, 1]);
  });

  it('is a permutation whose times never increase', () => {
    const arb = fc.array(
      fc.record({ id: fc.nat(), at: fc.integer({ min: 0, max: 10 ** 12 }) }).map(({ id, at }) => entry(id, new Date(at).toISOString())),
    );
    fc.assert(
      fc.property(arb, (entries) => {
        const sorted = newestFirst(entries);
        expect([...sorted].map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
        for (let i = 1; i < sorted.length; i += 1) {
          expect(Date.parse(sorted[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(sorted[i]!.createdAt));
        }
      }),
    );
  });
});

describe('appendPage', () => {
  it('adds only entries not already shown', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(appendPage([entry(9, t), entry(8, t)], [entry(8, t), entry(7, t)]).map((e) => e.id)).toEqual([9, 8, 7]);
  });
});

describe('distinctValues', () => {
  it('lists each actor once, sorted', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(distinctValues([entry(1, t, 'zoe'), entry(2, t, 'amir'), entry(3, t, 'zoe')], 'actor')).toEqual(['amir', 'zoe']);
  });
});

describe('audit filter in the URL', () => {
  it('reads absent parameters as any, and writes only non-empty values, keeping other parameters', () => {
    expect(auditFilterFromParams(new URLSearchParams('topics=token.*'))).toEqual({ actor: '', action: '' });
    const next = applyAuditFilter(new URLSearchParams('topics=token.*&actor=old'), { actor: ' ', action: 'token.' });
    expect(next.toString()).toBe('topics=token.*&action=token.');
    expect(auditFilterFromParams(next)).toEqual({ actor: '', action: 'token.' });
  });
});

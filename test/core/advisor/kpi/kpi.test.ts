import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { attainment, directionOf, kpiSchema } from '../../../../src/core/advisor/kpi/kpi';

describe('directionOf', () => {
  it('uses the stated direction, else the one baseline → target implies', () => {
    expect(directionOf({ direction: 'increase', baseline: 5, target: 1 })).toBe('increase');
    expect(directionOf({ baseline: 48, target: 33.6 })).toBe('decrease');
    expect(directionOf({ baseline: 1, target: 2 })).toBe('increase');
    expect(directionOf({ baseline: 2, target: 2 })).toBeNull();
    expect(directionOf({ target: 2 })).toBeNull();
  });
});

describe('attainment', () => {
  it('is the share of the way from baseline to target, either direction', () => {
    expect(attainment(48, 33.6, 40.8)).toBeCloseTo(0.5, 12);
    expect(attainment(10, 20, 15)).toBe(0.5);
    expect(attainment(10, 20, undefined)).toBeNull();
    expect(attainment(10, 10, 12)).toBeNull();
  });

  it('stays within 0–1 and reaches 1 exactly at or past the target', () => {
    const n = fc.integer({ min: -1000, max: 1000 });
    fc.assert(fc.property(n, n, n, (b, t, c) => {
      fc.pre(b !== t);
      const a = attainment(b, t, c)!;
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
      const pastTarget = t > b ? c >= t : c <= t;
      expect(a === 1).toBe(pastTarget);
    }));
  });
});

describe('kpiSchema', () => {
  it('carries a binding to a live metric', () => {
    expect(kpiSchema.parse({ id: 'k', name: 'MTTR', binding: { source: 'journey', metric: 'time_to_production' } }).binding).toEqual({ source: 'journey', metric: 'time_to_production' });
  });

  it('names the wrong perspective and bad history dates', () => {
    const result = kpiSchema.safeParse({ id: 'k', name: 'X', perspective: 'People', history: [{ at: '2026-13-01', value: 1 }] });
    expect(result.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['perspective', 'perspective must be one of Financial, Customer, Internal Process, Learning & Growth'],
      ['history/0/at', 'not a real calendar date'],
    ]);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitTrend, projectTrend } from '../../../../src/core/advisor/kpi/trend';

describe('fitTrend', () => {
  it('fits a least-squares line per day and projects it', () => {
    const trend = fitTrend([
      { at: '2026-01-11', value: 40 },
      { at: '2026-01-01', value: 50 },
      { at: '2026-01-21', value: 30 },
    ])!;
    expect(trend.from).toBe('2026-01-01');
    expect(trend.slope).toBeCloseTo(-1, 12);
    expect(trend.intercept).toBeCloseTo(50, 12);
    expect(trend.points.map((p) => p.at)).toEqual(['2026-01-01', '2026-01-11', '2026-01-21']);
    expect(projectTrend(trend, '2026-01-31')).toBeCloseTo(20, 12);
  });

  it('needs two distinct dates', () => {
    expect(fitTrend([{ at: '2026-01-01', value: 1 }])).toBeNull();
    expect(fitTrend([{ at: '2026-01-01', value: 1 }, { at: '2026-01-01', value: 3 }])).toBeNull();
  });

  it('recovers any exact line', () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -100, max: 100 }), fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 10 }), (slope, start, days) => {
      const history = days.map((d) => ({ at: new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10), value: start + slope * d }));
      const trend = fitTrend(history)!;
      expect(trend.slope).toBeCloseTo(slope, 6);
      expect(projectTrend(trend, '2026-01-01')).toBeCloseTo(start, 6);
    }));
  });
});

import { describe, it, expect } from 'vitest';
import { checkName, compare, CriterionSchema, describeExpectation, formatNumber } from '../../../src/core/journey/criterion';

describe('compare', () => {
  it('applies each operator', () => {
    expect([compare(1, '>=', 1), compare(1, '>', 1), compare(1, '<=', 1), compare(1, '<', 1), compare(1, '==', 1), compare(1, '!=', 1)]).toEqual([true, false, true, false, true, false]);
    expect([compare(0.79, '>=', 0.8), compare(501, '<=', 500), compare(2, '!=', 0)]).toEqual([false, false, true]);
  });
});

describe('formatting', () => {
  it('shows numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(500)).toBe('500');
    expect(formatNumber(0.85)).toBe('0.85');
    expect(formatNumber(1e20)).toBe('1e+20');
    expect(describeExpectation({ operator: '>=', threshold: 0.8 })).toBe('>= 0.8');
  });

  it('names a check by its name, else by its metric', () => {
    expect(checkName({ metric: 'bug_count' })).toBe('bug_count');
    expect(checkName({ metric: 'bug_count', name: 'no_critical_bugs' })).toBe('no_critical_bugs');
  });
});

describe('CriterionSchema', () => {
  it('rejects unknown operators, non-snake_case metrics and infinite thresholds', () => {
    const r = CriterionSchema.safeParse({ metric: 'Search Precision', operator: '=>', threshold: Infinity });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['metric', 'operator', 'threshold']);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Criterion } from '../../../src/core/journey/criterion';
import { validateExitCriteria, ValidationResultSchema } from '../../../src/core/journey/exit-criteria';

const sandboxExit: Criterion[] = [
  { metric: 'connector_sync_rate', operator: '>=', threshold: 1.0 },
  { metric: 'search_precision', operator: '>=', threshold: 0.8 },
  { metric: 'security_vulnerabilities', operator: '==', threshold: 0 },
];

describe('validateExitCriteria', () => {
  it('passes when every metric meets its threshold, in seed 003 ValidationResult shape', () => {
    const result = validateExitCriteria(sandboxExit, { connector_sync_rate: 1, search_precision: 0.83, security_vulnerabilities: 0 });
    expect(ValidationResultSchema.safeParse(result).success).toBe(true);
    expect(result).toEqual({
      passed: true,
      checks: [
        { name: 'connector_sync_rate', passed: true, actual_value: 1, expected_value: '>= 1', message: 'connector_sync_rate is 1 (>= 1): met' },
        { name: 'search_precision', passed: true, actual_value: 0.83, expected_value: '>= 0.8', message: 'search_precision is 0.83 (>= 0.8): met' },
        { name: 'security_vulnerabilities', passed: true, actual_value: 0, expected_value: '== 0', message: 'security_vulnerabilities is 0 (== 0): met' },
      ],
      summary: 'All 3 checks passed',
    });
  });

  it('fails with actual vs expected, and says a missing metric was not reported', () => {
    const result = validateExitCriteria(sandboxExit, { connector_sync_rate: 0.5, security_vulnerabilities: 0 });
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toEqual({ name: 'connector_sync_rate', passed: false, actual_value: 0.5, expected_value: '>= 1', message: 'connector_sync_rate is 0.5, expected >= 1' });
    expect(result.checks[1]).toEqual({ name: 'search_precision', passed: false, actual_value: null, expected_value: '>= 0.8', message: 'search_precision was not reported (expected >= 0.8)' });
    expect(result.summary).toBe('1 of 3 checks passed; failed: connector_sync_rate (actual 0.5, expected >= 1); search_precision (not reported, expected >= 0.8)');
  });

  it('treats an explicitly undefined or non-finite metric as a failed check, and an inherited key as unreported', () => {
    const result = validateExitCriteria(
      [
        { metric: 'a', operator: '>=', threshold: 0 },
        { metric: 'b', operator: '>=', threshold: 0 },
        { metric: 'constructor', operator: '>=', threshold: 0 },
      ],
      { a: undefined, b: Number.NaN },
    );
    expect(result.checks.map((c) => [c.passed, c.actual_value])).toEqual([[false, null], [false, null], [false, null]]);
    expect(result.checks[1]!.message).toBe('b is not a finite number (got NaN; expected >= 0)');
  });

  it('passes with no criteria', () => {
    expect(validateExitCriteria([], {})).toEqual({ passed: true, checks: [], summary: 'No criteria to check: passed' });
  });

  it('passes exactly when every check passes, one check per criterion, and never prints undefined or null (property)', () => {
    const criterionArb = fc.record({
      metric: fc.constantFrom('a', 'b', 'c', 'd'),
      operator: fc.constantFrom('>=', '>', '<=', '<', '==', '!=' as const),
      threshold: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    }) as fc.Arbitrary<Criterion>;
    const metricsArb = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(criterionArb, { maxLength: 8 }), metricsArb, (criteria, metrics) => {
        const r = validateExitCriteria(criteria, metrics);
        expect(r.checks).toHaveLength(criteria.length);
        expect(r.passed).toBe(r.checks.every((c) => c.passed));
        const text = [r.summary, ...r.checks.map((c) => c.message)].join('\n');
        expect(text).not.toMatch(/undefined|null|\[object Object\]/);
      }),
    );
  });
});

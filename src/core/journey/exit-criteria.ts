// Gate validation: checks reported metrics against criteria and returns seed 003's
// ValidationResult, one check per criterion with actual vs expected and a readable message.
import { z } from 'zod';
import { checkName, compare, describeExpectation, formatNumber, type Criterion } from './criterion';

export const CriteriaCheckSchema = z
  .object({
    name: z.string(),
    passed: z.boolean(),
    /** The reported value, or null when the metric was not reported (or not a finite number). */
    actual_value: z.number().nullable(),
    /** The expectation as text, operator and threshold: `>= 0.8`. */
    expected_value: z.string(),
    message: z.string(),
  })
  .strict();
export type CriteriaCheck = z.infer<typeof CriteriaCheckSchema>;

export const ValidationResultSchema = z
  .object({
    passed: z.boolean(),
    checks: z.array(CriteriaCheckSchema),
    summary: z.string(),
  })
  .strict();
export type ValidationResult = z.infer<typeof ValidationResultSchema>;

export type MetricValues = Readonly<Record<string, number | undefined>>;

export function checkCriterion(criterion: Criterion, metrics: MetricValues): CriteriaCheck {
  const name = checkName(criterion);
  const expected = describeExpectation(criterion);
  const actual = Object.hasOwn(metrics, criterion.metric) ? metrics[criterion.metric] : undefined;
  if (actual === undefined) {
    return { name, passed: false, actual_value: null, expected_value: expected, message: `${criterion.metric} was not reported (expected ${expected})` };
  }
  if (!Number.isFinite(actual)) {
    return { name, passed: false, actual_value: null, expected_value: expected, message: `${criterion.metric} is not a finite number (got ${String(actual)}; expected ${expected})` };
  }
  const passed = compare(actual, criterion.operator, criterion.threshold);
  const shown = formatNumber(actual);
  return {
    name,
    passed,
    actual_value: actual,
    expected_value: expected,
    message: passed ? `${criterion.metric} is ${shown} (${expected}): met` : `${criterion.metric} is ${shown}, expected ${expected}`,
  };
}

export function summarize(checks: readonly CriteriaCheck[]): string {
  if (checks.length === 0) return 'No criteria to check: passed';
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return `All ${checks.length} checks passed`;
  const why = failed.map((c) => `${c.name} (${c.actual_value === null ? 'not reported' : `actual ${formatNumber(c.actual_value)}`}, expected ${c.expected_value})`);
  return `${checks.length - failed.length} of ${checks.length} checks passed; failed: ${why.join('; ')}`;
}

/** Every criterion becomes one check; the result passes only when every check passes. */
export function validateExitCriteria(criteria: readonly Criterion[], metrics: MetricValues): ValidationResult {
  const checks = criteria.map((c) => checkCriterion(c, metrics));
  return { passed: checks.every((c) => c.passed), checks, summary: summarize(checks) };
}

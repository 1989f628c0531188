// A metric criterion (metric, operator, threshold): the building block of entry and exit
// criteria and of rollback rules, with the comparison and how it reads in text.
import { z } from 'zod';

export const OperatorSchema = z.enum(['>=', '>', '<=', '<', '==', '!=']);
export type Operator = z.infer<typeof OperatorSchema>;

export const METRIC_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MetricNameSchema = z.string().regex(METRIC_PATTERN, 'a metric name is snake_case (for example "search_precision")');

export const CriterionSchema = z
  .object({
    /** Check name shown in validation results; defaults to the metric name. */
    name: z.string().min(1).optional(),
    metric: MetricNameSchema,
    operator: OperatorSchema,
    threshold: z.number().finite(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

export function compare(actual: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case '>=':
      return actual >= threshold;
    case '>':
      return actual > threshold;
    case '<=':
      return actual <= threshold;
    case '<':
      return actual < threshold;
    case '==':
      return actual === threshold;
    case '!=':
      return actual !== threshold;
  }
}

/** A number as people write it: no float noise (0.1 + 0.2 reads 0.3), no exponent for ordinary sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(12));
  return Math.abs(rounded) >= 1e15 || (rounded !== 0 && Math.abs(rounded) < 1e-6) ? rounded.toExponential() : String(rounded);
}

/** `>= 0.8` */
export function describeExpectation(criterion: Pick<Criterion, 'operator' | 'threshold'>): string {
  return `${criterion.operator} ${formatNumber(criterion.threshold)}`;
}

export function checkName(criterion: Pick<Criterion, 'name' | 'metric'>): string {
  return criterion.name ?? criterion.metric;
}

// A KPI: what is measured, in which unit and direction, from which baseline to which target by
// when, who owns it, where the numbers come from (possibly a live metric) and its history.
import { z } from 'zod';
import { metricBindingSchema } from './metric-binding';
import { isoDateSchema } from './iso-date';

export const BALANCED_SCORECARD_PERSPECTIVES = ['Financial', 'Customer', 'Internal Process', 'Learning & Growth'] as const;
export type Perspective = (typeof BALANCED_SCORECARD_PERSPECTIVES)[number];

export const kpiSchema = z.object({
  id: z.string().trim().min(1, 'a KPI needs an id'),
  name: z.string().trim().min(1, 'a KPI needs a name'),
  description: z.string().trim().min(1).optional(),
  unit: z.string().trim().min(1).optional(),
  direction: z.enum(['increase', 'decrease'], { error: 'direction must be "increase" or "decrease"' }).optional(),
  baseline: z.number().finite().optional(),
  target: z.number().finite().optional(),
  current: z.number().finite().optional(),
  deadline: isoDateSchema.optional(),
  /** A relative time frame when there is no date yet: "within 3 months". */
  timeframe: z.string().trim().min(1).optional(),
  owner: z.string().trim().min(1).optional(),
  dataSource: z.string().trim().min(1).optional(),
  frequency: z.string().trim().min(1).optional(),
  /** The business objective this KPI serves. */
  alignedTo: z.string().trim().min(1).optional(),
  perspective: z.enum(BALANCED_SCORECARD_PERSPECTIVES, { error: `perspective must be one of ${BALANCED_SCORECARD_PERSPECTIVES.join(', ')}` }).optional(),
  /** Why the target is reachable when it is a big step. */
  rationale: z.string().trim().min(1).optional(),
  binding: metricBindingSchema.optional(),
  history: z.array(z.object({ at: isoDateSchema, value: z.number().finite() })).default([]),
});

export const kpiListSchema = z.array(kpiSchema).min(1, 'give at least one KPI');

export type Kpi = z.infer<typeof kpiSchema>;
export type KpiInput = z.input<typeof kpiSchema>;

/** The stated direction, or the one baseline → target implies. */
export function directionOf(kpi: Pick<Kpi, 'direction' | 'baseline' | 'target'>): 'increase' | 'decrease' | null {
  if (kpi.direction) return kpi.direction;
  if (kpi.baseline === undefined || kpi.target === undefined || kpi.baseline === kpi.target) return null;
  return kpi.target > kpi.baseline ? 'increase' : 'decrease';
}

/** Share of the way from baseline to target, clamped to 0–1; null when it cannot be computed. */
export function attainment(baseline: number | undefined, target: number | undefined, current: number | undefined): number | null {
  if (baseline === undefined || target === undefined || current === undefined || baseline === target) return null;
  return Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));
}

// How a KPI or a key risk indicator names a live metric of the escalation runtime or the
// journey engine; only the shape lives here, the engine resolves the name to a value.
import { z } from 'zod';

export const METRIC_SOURCES = ['escalation', 'journey'] as const;

export const metricBindingSchema = z.object({
  source: z.enum(METRIC_SOURCES, { error: 'binding.source must be "escalation" or "journey"' }),
  metric: z.string().trim().min(1, 'binding.metric must name a metric'),
});

export type MetricBinding = z.infer<typeof metricBindingSchema>;

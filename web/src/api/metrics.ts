// The metrics API for the portal: definitions, snapshots (baseline and measured) and before/after.
import { z } from 'zod/mini';
import { api } from './client';

const num = z.number();
const nNum = z.nullable(num);
const summary = z.looseObject({ count: num, mean: nNum, p50: nNum, p90: nNum });
const figures = z.looseObject({ tickets: num, resolved: num, mttrHours: summary, firstResponseHours: summary, slaBreachRate: nNum, reEscalationRate: nNum });
export const PRIORITY_KEYS = ['urgent', 'high', 'normal', 'low'] as const;
const byPriority = z.object({ all: figures, byPriority: z.object({ urgent: figures, high: figures, normal: figures, low: figures }) });

export const snapshotSchema = z.looseObject({ id: z.string(), kind: z.enum(['baseline', 'measured']), source: z.string(), windowStart: z.nullable(z.string()), windowEnd: z.nullable(z.string()), figures: byPriority, createdAt: z.string() });
export type Snapshot = z.infer<typeof snapshotSchema>;

const change = z.looseObject({ key: z.string(), before: nNum, after: nNum, improvementPct: nNum });
const comparisonSchema = z.looseObject({
  comparison: z.looseObject({ all: z.array(change), byPriority: z.record(z.string(), z.array(change)) }),
  roi: z.nullable(z.looseObject({ hoursSavedPerWeek: nNum, weeklySavings: nNum, annualSavings: nNum, roi: nNum, paybackWeeks: nNum })),
});
export type Comparison = z.infer<typeof comparisonSchema>;

const definitionsSchema = z.object({
  items: z.array(z.looseObject({ key: z.string(), name: z.string(), formula: z.string(), unit: z.string(), direction: z.string() })),
  roi: z.looseObject({ name: z.string(), formula: z.string() }),
});

export const metrics = {
  definitions: (signal?: AbortSignal) => api.request('/api/metrics/definitions', { schema: definitionsSchema, ...(signal ? { signal } : {}) }),
  snapshots: (signal?: AbortSignal) => api.request('/api/metrics/snapshots', { query: { limit: 50 }, schema: z.object({ items: z.array(snapshotSchema) }), ...(signal ? { signal } : {}) }),
  compare: (q: { baseline: string; measured: string; costPerHour?: number; implementationCost?: number }, signal?: AbortSignal) =>
    api.request('/api/metrics/compare', { query: q, schema: comparisonSchema, ...(signal ? { signal } : {}) }),
};

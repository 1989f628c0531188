// Typed client for queue monitoring and dead letters (issue 7): queues with their per-minute series,
// the flow between queues, dead letters listed, retried (one or all) and purged with a typed confirmation.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';
import { taskSchema } from './journeys';

const lastHourSchema = z.object({ completed: z.number(), failed: z.number(), throughputPerMinute: z.number(), failureRate: z.nullable(z.number()) });
export const queueSchema = z.object({
  name: z.string(),
  source: z.enum(['tasks', 'registered']),
  description: z.string(),
  depth: z.number(),
  waiting: z.number(),
  running: z.number(),
  oldestAgeMs: z.number(),
  deadLetters: z.number(),
  lastHour: lastHourSchema,
});
export type Queue = z.infer<typeof queueSchema>;

export const seriesPointSchema = z.object({ at: z.string(), depth: z.number(), completed: z.number(), failed: z.number(), failureRate: z.nullable(z.number()) });
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export const queueDetailSchema = z.extend(queueSchema, { minutes: z.number(), series: z.array(seriesPointSchema) });
export type QueueDetail = z.infer<typeof queueDetailSchema>;

export const flowSchema = z.object({
  nodes: z.array(z.object({ queue: z.string(), counts: z.record(z.string(), z.number()), total: z.number() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), moved: z.number(), waiting: z.number() })),
  mermaid: z.string(),
});
export type QueueFlow = z.infer<typeof flowSchema>;

export interface DeadLetterFilter {
  queue?: string;
  journey?: string;
  error?: string;
}

export const deadLetterPageSchema = z.object({ items: z.array(taskSchema), total: z.number(), nextBefore: z.nullable(z.number()) });
export type DeadLetterPage = z.infer<typeof deadLetterPageSchema>;

export const bulkSchema = z.object({
  dryRun: z.boolean(),
  matched: z.number(),
  changed: z.number(),
  confirmWith: z.array(z.string()),
  sample: z.array(z.object({ id: z.string(), queue: z.string(), journeyId: z.nullable(z.string()), lastError: z.nullable(z.string()), attempts: z.number() })),
  purgeId: z.optional(z.string()),
});
export type BulkOutcome = z.infer<typeof bulkSchema>;

/** Only the filter fields that are set: the server refuses empty strings. */
export function cleanFilter(f: DeadLetterFilter): DeadLetterFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]));
}

export function queueApi(client: ApiClient = api) {
  return {
    list: (signal?: AbortSignal) => client.request('/api/queues', { schema: z.object({ items: z.array(queueSchema) }), ...(signal ? { signal } : {}) }),
    get: (name: string, minutes: number, signal?: AbortSignal) =>
      client.request(`/api/queues/${encodeURIComponent(name)}`, { query: { minutes }, schema: queueDetailSchema, ...(signal ? { signal } : {}) }),
    flow: (journey: string | undefined, signal?: AbortSignal) => client.request('/api/queues/flow', { query: { journey }, schema: flowSchema, ...(signal ? { signal } : {}) }),
    deadLetters: (f: DeadLetterFilter, limit: number, signal?: AbortSignal) =>
      client.request('/api/dead-letters', { query: { ...cleanFilter(f), limit }, schema: deadLetterPageSchema, ...(signal ? { signal } : {}) }),
    retryOne: (id: string) => client.request(`/api/dead-letters/${encodeURIComponent(id)}/retry`, { method: 'POST', schema: taskSchema }),
    retryAll: (f: DeadLetterFilter, dryRun: boolean) =>
      client.request('/api/dead-letters/retry', { method: 'POST', query: { dryRun: dryRun ? 'true' : undefined }, body: { filter: cleanFilter(f) }, schema: bulkSchema }),
    purge: (f: DeadLetterFilter, confirm: string, reason: string, dryRun: boolean) =>
      client.request('/api/dead-letters/purge', { method: 'POST', query: { dryRun: dryRun ? 'true' : undefined }, body: { filter: cleanFilter(f), ...(dryRun ? {} : { confirm, reason }) }, schema: bulkSchema }),
  };
}

export const queues = queueApi();

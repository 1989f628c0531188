// Queue monitoring and dead letters over HTTP: queues with their figures and per-minute series, the
// flow between queues, and dead letters listed, retried (one or all matching) and purged with a typed
// confirmation and a reason (retry-all and purge are destructive: refused in read-only mode). ?dryRun=true changes nothing.
import { z } from 'zod';
import { deadLetterFilterSchema, purgeInputSchema, retryAllInputSchema } from '../../core/ops/purge-plan';
import { DeadLetterQuery } from '../../engine/dead-letter-service';
import type { Runtime } from '../../engine/runtime';
import { taskSchema } from '../../engine/task-schemas';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const lastHour = z.object({ completed: z.number(), failed: z.number(), throughputPerMinute: z.number(), failureRate: z.number().nullable() });
export const queueOverviewSchema = z.object({
  name: z.string(),
  source: z.enum(['tasks', 'registered']),
  description: z.string(),
  depth: z.number(),
  waiting: z.number(),
  running: z.number(),
  oldestAgeMs: z.number(),
  deadLetters: z.number(),
  lastHour,
});
const seriesPoint = z.object({ at: z.string(), depth: z.number(), completed: z.number(), failed: z.number(), failureRate: z.number().nullable() });
const flowSchema = z.object({
  nodes: z.array(z.object({ queue: z.string(), counts: z.record(z.string(), z.number()), total: z.number() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), moved: z.number(), waiting: z.number() })),
  mermaid: z.string().describe('The flow as a Mermaid flowchart (render with securityLevel strict)'),
});
const bulkSchema = z.object({
  dryRun: z.boolean(),
  filter: deadLetterFilterSchema,
  matched: z.number(),
  changed: z.number(),
  confirmWith: z.array(z.string()),
  sample: z.array(z.object({ id: z.string(), queue: z.string(), journeyId: z.string().nullable(), lastError: z.string().nullable(), attempts: z.number() })),
  purgeId: z.string().optional(),
});
const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional().describe('true: show what would be touched, change nothing') });
const errors = { 404: problemSchema, 409: problemSchema, ...authErrors } as const;

export function registerQueueRoutes(app: App, runtime: Runtime): void {
  app.get('/api/queues', {
    config: { auth: 'viewer' },
    schema: { tags: ['queues'], summary: 'Every work queue: depth, waiting, running, oldest age, dead letters, last hour throughput and failure rate', response: { 200: z.object({ items: z.array(queueOverviewSchema) }), ...authErrors } },
  }, async () => ({ items: await runtime.queues.list() }));

  // Registered before /api/queues/:name so "flow" is never read as a queue name.
  app.get('/api/queues/flow', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['queues'],
      summary: 'Tasks moving between queues along their dependencies (optionally for one journey)',
      querystring: z.object({ journey: z.string().min(1).max(200).optional() }),
      response: { 200: flowSchema, ...authErrors },
    },
  }, async (req) => runtime.queues.flow(req.query.journey));

  app.get('/api/queues/:name', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['queues'],
      summary: 'One queue with one point per minute (depth, completions, failed attempts, failure rate) for charts',
      params: z.object({ name: z.string().min(1).max(200) }),
      querystring: z.object({ minutes: z.coerce.number().int().min(1).max(10_080).default(60) }),
      response: { 200: queueOverviewSchema.extend({ minutes: z.number(), series: z.array(seriesPoint) }), ...errors },
    },
  }, async (req) => runtime.queues.get(req.params.name, req.query.minutes));

  app.get('/api/dead-letters', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['queues'],
      summary: 'Dead letters (tasks whose retries were spent), newest first, filtered by queue, journey and error text',
      querystring: DeadLetterQuery,
      response: { 200: z.object({ items: z.array(taskSchema), total: z.number(), nextBefore: z.number().nullable() }), ...authErrors },
    },
  }, async (req) => runtime.deadLetters.list(req.query));

  app.get('/api/dead-letters/purged', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['queues'],
      summary: 'Dead letters purged so far: the task as it was, who purged it and why',
      querystring: z.object({ queue: z.string().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: {
        200: z.object({ items: z.array(z.object({ purgeId: z.string(), taskId: z.string(), queue: z.string(), journeyId: z.string().nullable(), task: z.record(z.string(), z.unknown()), purgedBy: z.string(), reason: z.string(), purgedAt: z.string() })) }),
        ...authErrors,
      },
    },
  }, async (req) => ({ items: (await runtime.deadLetters.purged(req.query.limit, req.query.queue)).map((p) => ({ ...p, task: { ...p.task } })) }));

  app.post('/api/dead-letters/:id/retry', {
    config: { auth: 'operator' },
    schema: {
      tags: ['queues'],
      summary: 'Run one dead letter again with a fresh retry budget',
      params: z.object({ id: z.string().min(1).max(500).describe('The task id, URL-encoded') }),
      response: { 200: taskSchema, ...errors },
    },
  }, async (req) => runtime.deadLetters.retryOne(req.params.id, principalOf(req).name));

  // A bulk rerun can replay up to a thousand side effects at once: destructive, like the purge.
  app.post('/api/dead-letters/retry', {
    config: { auth: 'operator', destructive: true },
    schema: { tags: ['queues'], summary: 'Run every dead letter matching the filter again: one change, one audit entry with the count; refused in read-only mode', querystring: dryRunQuery, body: retryAllInputSchema, response: { 200: bulkSchema, ...errors } },
  }, async (req) => runtime.deadLetters.retryAll(req.body, principalOf(req).name, { dryRun: req.query.dryRun === 'true' }));

  app.post('/api/dead-letters/purge', {
    config: { auth: 'operator', destructive: true },
    schema: {
      tags: ['queues'],
      summary: 'Purge the dead letters matching the filter: confirm must be the queue name (filter.queue) or the number that match, with a reason; refused in read-only mode',
      querystring: dryRunQuery,
      body: purgeInputSchema,
      response: { 200: bulkSchema, ...errors },
    },
  }, async (req) => runtime.deadLetters.purge(req.body, principalOf(req).name, { dryRun: req.query.dryRun === 'true' }));
}

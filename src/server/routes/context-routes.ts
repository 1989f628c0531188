// Context observability over HTTP: the events, alerts and metrics of one agent, journey, client or
// queue (the context the portal's selector keeps in ?ctx=kind:id).
import { z } from 'zod';
import { CONTEXT_KINDS, contextIdSchema, type Context } from '../../core/ops/context-filter';
import type { Runtime } from '../../engine/runtime';
import { alertsOf, assertContextExists, eventsOf, metricsOf } from '../../engine/status-context';
import { authErrors, eventSchema, problemSchema } from '../schemas';
import type { App } from '../types';
import { queueOverviewSchema } from './queue-routes';

const params = z.object({ kind: z.enum(CONTEXT_KINDS), id: contextIdSchema });
const errors = { 404: problemSchema, ...authErrors } as const;
const ctxOf = (p: z.infer<typeof params>): Context => ({ kind: p.kind, id: p.id });

export function registerContextRoutes(app: App, runtime: Runtime): void {
  app.get('/api/context/:kind/:id/events', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['context'],
      summary: 'Events that concern the context (by key or payload), newest first',
      params,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() }),
      response: { 200: z.object({ items: z.array(eventSchema) }), ...errors },
    },
  }, async (req) => {
    const c = ctxOf(req.params);
    await assertContextExists(runtime.db, runtime.queues, c);
    return { items: await eventsOf(runtime.db, c, req.query.limit, req.query.before) };
  });

  app.get('/api/context/:kind/:id/alerts', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['context'],
      summary: 'Alerts of the context: failures, dead letters, breaches, rollbacks, with a severity',
      params,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(eventSchema.extend({ severity: z.enum(['critical', 'warning', 'info']) })) }), ...errors },
    },
  }, async (req) => {
    const c = ctxOf(req.params);
    await assertContextExists(runtime.db, runtime.queues, c);
    return { items: await alertsOf(runtime.db, c, req.query.limit) };
  });

  app.get('/api/context/:kind/:id/metrics', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['context'],
      summary: 'Task and journey figures of the context; for a queue or agent also its queue figures and series',
      params,
      response: {
        200: z.object({
          context: z.object({ kind: z.enum(CONTEXT_KINDS), id: z.string() }),
          tasks: z.object({ byStatus: z.record(z.string(), z.number()), deadLetters: z.number(), attempts: z.number(), avgDurationMs: z.number().nullable() }),
          journeys: z.object({ byStatus: z.record(z.string(), z.number()), stages: z.record(z.string(), z.number()) }).nullable(),
          queue: queueOverviewSchema.extend({ minutes: z.number(), series: z.array(z.object({ at: z.string(), depth: z.number(), completed: z.number(), failed: z.number(), failureRate: z.number().nullable() })) }).nullable(),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    const c = ctxOf(req.params);
    await assertContextExists(runtime.db, runtime.queues, c);
    return metricsOf(runtime.db, runtime.queues, c);
  });
}

// Liveness, readiness and Prometheus metrics, for load balancers and monitoring.
import type client from 'prom-client';
import { z } from 'zod';
import type { Runtime } from '../../engine/runtime';
import { healthSchema } from '../schemas';
import type { App } from '../types';

export function registerHealthRoutes(app: App, runtime: Runtime, registry: client.Registry): void {
  app.get('/healthz', {
    config: { auth: 'public' },
    schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }) } },
  }, async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }));

  app.get('/readyz', {
    config: { auth: 'public' },
    schema: { tags: ['health'], summary: 'Readiness: database reachable, migrations applied, workers alive', response: { 200: healthSchema, 503: healthSchema } },
  }, async (_req, reply) => {
    const report = await runtime.readiness();
    return reply.code(report.status === 'fail' ? 503 : 200).send(report);
  });

  app.get('/metrics', {
    config: { auth: 'public' },
    schema: { tags: ['health'], summary: 'Prometheus metrics', hide: false },
  }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

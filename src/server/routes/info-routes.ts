// What this server is: name, version, driver, start time, and who the workers are.
import { z } from 'zod';
import type { Runtime } from '../../engine/runtime';
import { aliveWorkers } from '../../engine/worker-registry';
import { authErrors } from '../schemas';
import type { App } from '../types';

export function registerInfoRoutes(app: App, runtime: Runtime, version: string, readOnly: boolean): void {
  app.get('/api/info', {
    config: { auth: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Server information',
      response: { 200: z.object({ name: z.string(), version: z.string(), driver: z.enum(['pglite', 'postgres']), startedAt: z.string(), readOnly: z.boolean() }) },
    },
  }, async () => ({ name: 'Orchestration Wisdom', version, driver: runtime.db.driver, startedAt: runtime.startedAt.toISOString(), readOnly }));

  app.get('/api/workers', {
    schema: {
      tags: ['system'],
      summary: 'Worker processes with a recent heartbeat',
      response: {
        200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), host: z.string(), pid: z.number(), kind: z.string(), startedAt: z.string(), heartbeatAt: z.string(), stoppedAt: z.string().nullable() })) }),
        ...authErrors,
      },
    },
  }, async () => ({ items: await aliveWorkers(runtime.db, runtime.clock) }));
}

// The simulator over HTTP: the example workload, and As-Is vs Orchestrated on one seed. Viewers may run
// it (it stores nothing); the size of a run is limited so one request cannot keep the server busy.
import { z } from 'zod';
import { SIM_LIMITS } from '../../core/sim';
import type { Runtime } from '../../engine/runtime';
import { exampleWorkload, runSimulation, simRunInput } from '../../engine/sim-service';
import { authErrors } from '../schemas';
import type { App } from '../types';

const TAGS = ['simulation'];
const runSchema = z.looseObject({ seed: z.number(), days: z.number(), asIs: z.looseObject({}), orchestrated: z.looseObject({}), workload: z.looseObject({}) });

export function registerSimRoutes(app: App, _runtime: Runtime): void {
  app.get('/api/sim/example', {
    config: { auth: 'viewer' },
    schema: { tags: TAGS, summary: 'The built-in example workload (a 12-agent L1/L2 team) and the limits of one run', response: { 200: z.object({ workload: z.looseObject({}), limits: z.record(z.string(), z.number()) }), ...authErrors } },
  }, async () => ({ workload: { ...exampleWorkload() }, limits: { ...SIM_LIMITS } }));

  app.post('/api/sim/run', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: `Simulate As-Is (round-robin, no SLA monitor) and Orchestrated (Smart Router + SLA Monitor) on one seed; at most ${SIM_LIMITS.maxDays} days, ${SIM_LIMITS.maxTickets} tickets, ${SIM_LIMITS.maxAgents} agents`,
      body: simRunInput,
      response: { 200: runSchema, ...authErrors },
    },
  }, async (req) => {
    const run = runSimulation(req.body, { enforceLimits: true });
    return { ...run, asIs: { ...run.asIs }, orchestrated: { ...run.orchestrated }, workload: { ...run.workload } };
  });
}

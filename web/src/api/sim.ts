// The simulator API for the portal: the example workload and a run of As-Is vs Orchestrated.
import { z } from 'zod/mini';
import { api } from './client';

const num = z.number();
const nNum = z.nullable(num);

export const runResultSchema = z.looseObject({
  mttrHours: nNum,
  mttrP90Hours: nNum,
  firstResponseHours: nNum,
  slaBreachRate: nNum,
  reEscalationRate: nNum,
  ticketsCreated: num,
  ticketsResolved: num,
  slaWarnings: num,
  peakAgentsOverCapacity: num,
  backlog: z.array(num),
});
export type RunResult = z.infer<typeof runResultSchema>;

const spread = z.object({ median: num, p90: num });
export const workloadSchema = z.looseObject({
  days: num,
  team: z.array(z.object({ tier: z.enum(['L1', 'L2', 'L3']), count: num, capacity: num })),
  arrivals: z.looseObject({ ticketsPerDay: num, hourlyWeights: z.array(num), weekendFactor: num }),
  priorityMix: z.object({ urgent: num, high: num, normal: num, low: num }),
  handlingHours: z.looseObject({ L1: spread, L2: spread, L3: spread }),
  sampleEveryHours: num,
});
export type SimWorkload = z.infer<typeof workloadSchema>;

export const simRunSchema = z.looseObject({ seed: num, days: num, sampleEveryHours: num, asIs: runResultSchema, orchestrated: runResultSchema, workload: workloadSchema });
export type SimRun = z.infer<typeof simRunSchema>;

const exampleSchema = z.object({ workload: workloadSchema, limits: z.record(z.string(), num) });

export const sim = {
  example: (signal?: AbortSignal) => api.request('/api/sim/example', { schema: exampleSchema, ...(signal ? { signal } : {}) }),
  run: (body: { seed: number; workload: Record<string, unknown> }) => api.request('/api/sim/run', { method: 'POST', body, schema: simRunSchema }),
};

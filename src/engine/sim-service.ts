// Running the simulator for the CLI and the API: the built-in example workload, a partial override
// merged over it, validation with pointers, and (for the server) the limits that bound one request.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { limitViolations, mergeWorkload, parseWorkload, runBoth, type SimulationReport, type Workload } from '../core/sim';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';

const EXAMPLE_URL = new URL('../../content/sim/example-workload.json', import.meta.url);
let example: unknown;

/** The built-in example: a 12-agent L1/L2 team (content/sim/example-workload.json). */
export function exampleWorkload(): Workload {
  example ??= JSON.parse(readFileSync(EXAMPLE_URL, 'utf8')) as unknown;
  return parseWorkload(example);
}

export const simRunInput = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  days: z.number().int().min(1).max(365).optional(),
  /** Top-level keys given here replace the example workload's. */
  workload: z.record(z.string(), z.unknown()).optional(),
});
export type SimRunInput = z.infer<typeof simRunInput>;

export interface SimRun extends SimulationReport {
  workload: Workload;
}

export function prepareSimulation(input: unknown, opts: { enforceLimits: boolean }): { seed: number; workload: Workload } {
  const parsed = simRunInput.safeParse(input);
  if (!parsed.success) throw new AppError('OW_VALIDATION', 'The simulation request is not valid', zodIssuesToLocations(parsed.error.issues));
  const merged = mergeWorkload(exampleWorkload(), { ...(parsed.data.workload ?? {}), ...(parsed.data.days !== undefined ? { days: parsed.data.days } : {}) });
  let workload: Workload;
  try {
    workload = parseWorkload(merged);
  } catch (err) {
    // Pointers name the place in the request body.
    if (err instanceof AppError) throw new AppError(err.code, err.message, err.errors.map((e) => (e.pointer === undefined ? e : { ...e, pointer: e.pointer === '/days' && parsed.data.days !== undefined ? '/days' : `/workload${e.pointer}` })));
    throw err;
  }
  if (opts.enforceLimits) {
    const over = limitViolations(workload);
    if (over.length > 0) {
      throw new AppError('OW_VALIDATION', `The simulation is larger than this server runs per request (${over.map((e) => e.message.split(':')[0]).join(', ')})`, over.map((e) => ({ ...e, pointer: e.pointer === '/days' && parsed.data.days !== undefined ? '/days' : `/workload${e.pointer}` })));
    }
  }
  return { seed: parsed.data.seed, workload };
}

export function runSimulation(input: unknown, opts: { enforceLimits: boolean; onProgress?: (done: 'asIs' | 'orchestrated') => void }): SimRun {
  const { seed, workload } = prepareSimulation(input, opts);
  return { ...runBoth(workload, seed, opts.onProgress), workload };
}

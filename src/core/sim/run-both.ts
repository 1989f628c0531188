// As-Is and Orchestrated on the same workload and seed, side by side: the simulator's one answer.
import { simulate, type RunResult } from './simulate';
import type { Workload } from './workload';

export interface SimulationReport {
  seed: number;
  days: number;
  sampleEveryHours: number;
  asIs: RunResult;
  orchestrated: RunResult;
}

export function runBoth(w: Workload, seed: number, onProgress?: (done: 'asIs' | 'orchestrated') => void): SimulationReport {
  const asIs = simulate(w, seed, 'as-is');
  onProgress?.('asIs');
  const orchestrated = simulate(w, seed, 'orchestrated');
  onProgress?.('orchestrated');
  return { seed, days: w.days, sampleEveryHours: w.sampleEveryHours, asIs, orchestrated };
}

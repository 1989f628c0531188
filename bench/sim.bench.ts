// The support-workload simulator at scale: 30 days at 2,000 tickets a day (a team scaled from the
// built-in example: 90 L1 and 45 L2 agents), As-Is and Orchestrated on one seed. Goal: under 2 s for both.
// The first run warms the JIT; the figure is the median of the timed runs after it.
// Run: npx tsx bench/sim.bench.ts [--runs 3]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { mergeWorkload, parseWorkload, runBoth, simulate } from '../src/core/sim';
import { emit } from './support/percentiles';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const example = JSON.parse(readFileSync(new URL('../content/sim/example-workload.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const workload = parseWorkload(
  mergeWorkload(example, {
    days: 30,
    arrivals: { ...(example.arrivals as object), ticketsPerDay: 2000 },
    team: [
      { tier: 'L1', count: 90, capacity: 5 },
      { tier: 'L2', count: 45, capacity: 4 },
    ],
  }),
);
const runs = argument('runs', 3);
const seed = 7;

runBoth(workload, seed);
const both: number[] = [];
const bothCpu: number[] = [];
const asIs: number[] = [];
const orchestrated: number[] = [];
let report = runBoth(workload, seed);
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const c0 = process.cpuUsage();
  report = runBoth(workload, seed);
  both.push(performance.now() - t);
  const c = process.cpuUsage(c0);
  bothCpu.push((c.user + c.system) / 1000);
  t = performance.now();
  simulate(workload, seed, 'as-is');
  asIs.push(performance.now() - t);
  t = performance.now();
  simulate(workload, seed, 'orchestrated');
  orchestrated.push(performance.now() - t);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
emit('sim', {
  days: workload.days,
  ticketsPerDay: workload.arrivals.ticketsPerDay,
  agents: workload.team.reduce((n, g) => n + g.count, 0),
  ticketsSimulated: report.asIs.ticketsCreated + report.orchestrated.ticketsCreated,
  bothRunsMs: Math.round(median(both)),
  // the machine may be shared: CPU time is the figure that does not count waiting for a core
  bothRunsCpuMs: Math.round(median(bothCpu)),
  reportSha256: createHash('sha256').update(JSON.stringify(report)).digest('hex'),
  asIsMs: Math.round(median(asIs)),
  orchestratedMs: Math.round(median(orchestrated)),
  goalMs: 2000,
  asIs: { mttrHours: report.asIs.mttrHours, slaBreachRate: report.asIs.slaBreachRate },
  orchestrated: { mttrHours: report.orchestrated.mttrHours, slaBreachRate: report.orchestrated.slaBreachRate },
  cores: cpus().length,
  loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
});

// `ow sim run`: As-Is vs Orchestrated on a support workload, the same seed giving the same output.
// Runs in process (no store needed), or on a server with --server (where its limits apply).
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { RunResult } from '../../core/sim';
import { runSimulation, type SimRun } from '../../engine/sim-service';
import { apiRequest } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, outOf, remoteTarget } from '../context';
import { startProgress } from '../progress';

function integer(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new CliError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`, 2);
    return n;
  };
}

const ROWS: Array<{ label: string; key: keyof RunResult; unit: 'h' | '%' | '' }> = [
  { label: 'MTTR', key: 'mttrHours', unit: 'h' },
  { label: 'MTTR p90', key: 'mttrP90Hours', unit: 'h' },
  { label: 'Time to first response', key: 'firstResponseHours', unit: 'h' },
  { label: 'SLA breach rate', key: 'slaBreachRate', unit: '%' },
  { label: 'Re-escalation rate', key: 'reEscalationRate', unit: '%' },
  { label: 'Tickets created', key: 'ticketsCreated', unit: '' },
  { label: 'Tickets resolved', key: 'ticketsResolved', unit: '' },
  { label: 'Escalations', key: 'escalations', unit: '' },
  { label: 'SLA warnings', key: 'slaWarnings', unit: '' },
  { label: 'Peak agents over capacity', key: 'peakAgentsOverCapacity', unit: '' },
];

function cell(v: unknown, unit: 'h' | '%' | ''): string {
  if (typeof v !== 'number') return '-';
  if (unit === 'h') return `${v.toFixed(1)} h`;
  if (unit === '%') return `${(v * 100).toFixed(1)} %`;
  return String(v);
}

export function simCommand(): Command {
  const sim = new Command('sim').description('simulate a support workload: As-Is (round-robin, no SLA monitor) vs Orchestrated (Smart Router + SLA Monitor)');
  sim
    .command('run')
    .description('run both configurations on one seed (with no --config, the built-in 12-agent L1/L2 example)')
    .requiredOption('--seed <n>', 'random seed; the same seed gives the same output', integer('--seed', 0, 2 ** 32 - 1))
    .option('--config <file>', 'workload JSON; its top-level keys replace the example\'s (see content/sim/example-workload.json)')
    .option('--days <d>', 'days to simulate (overrides the workload)', integer('--days', 1, 365))
    .action(async (opts: { seed: number; config?: string; days?: number }, cmd: Command) => {
      const g = globalsOf(cmd);
      const out = outOf(cmd);
      let workload: Record<string, unknown> | undefined;
      if (opts.config) {
        const text = await readFile(opts.config, 'utf8').catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`Cannot read ${opts.config}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, 2);
        });
        try {
          workload = JSON.parse(text) as Record<string, unknown>;
        } catch (err) {
          throw new CliError(`${opts.config} is not JSON: ${(err as Error).message}`, 2);
        }
      }
      const input = { seed: opts.seed, ...(opts.days !== undefined ? { days: opts.days } : {}), ...(workload ? { workload } : {}) };
      const remote = remoteTarget(g);
      let run: SimRun;
      if (remote) run = await apiRequest<SimRun>(remote, 'POST', 'api/sim/run', input);
      else {
        const progress = startProgress({ total: 2, unit: 'runs', json: out.json, minTotal: 1 });
        try {
          run = runSimulation(input, { enforceLimits: false, onProgress: (done) => progress.tick(done === 'asIs' ? 'As-Is' : 'Orchestrated') });
        } finally {
          progress.stop();
        }
      }
      const { workload: used, ...report } = run;
      out.data(report, () => {
        const agents = used.team.map((t) => `${t.count} ${t.tier} (capacity ${t.capacity})`).join(', ');
        out.line(`Seed ${run.seed}, ${run.days} days, ${used.arrivals.ticketsPerDay} tickets/day on weekdays, team ${agents}`);
        out.table(
          ROWS.map((r) => {
            const a = run.asIs[r.key];
            const o = run.orchestrated[r.key];
            const pct = typeof a === 'number' && typeof o === 'number' && a !== 0 && r.unit !== '' ? ((a - o) / a) * 100 : null;
            const change = pct === null ? '' : `${Math.abs(pct).toFixed(0)} % ${pct >= 0 ? 'better' : 'worse'}`;
            return { metric: r.label, 'as-is': cell(a, r.unit), orchestrated: cell(o, r.unit), change };
          }),
          ['metric', 'as-is', 'orchestrated', 'change'],
        );
      });
    });
  return sim;
}

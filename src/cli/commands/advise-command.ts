// `ow advise route|process|schedule|risk|kpi`: the operations toolkit on files, no store needed.
// With --server, route, risk and kpi ask a running server, which links library patterns and
// resolves live metric bindings; on files alone bindings are reported as not resolvable.
import { Command, Option } from 'commander';
import { parseRiskRegister } from '../../core/advisor';
import { isoDateSchema } from '../../core/advisor/kpi/iso-date';
import { AppError } from '../../core/shared/error-codes';
import { formatLocations } from '../../core/shared/zod-errors';
import {
  KPI_TABLES,
  kpiAnalysis,
  kpiExport,
  processAnalysis,
  processExport,
  riskAnalysis,
  riskExport,
  routeAnalysis,
  routeExport,
  scheduleAnalysis,
  scheduleExport,
  type Export,
  type KpiAnalysis,
  type KpiTable,
  type RiskResult,
  type RouteAnalysis,
} from '../../engine/advisor-analyses';
import { bindKpiSet, bindRiskRegister, type BindingResolution, type MetricResolver } from '../../engine/advisor-bindings';
import { readKpiSet, readWorkBreakdown } from '../../engine/advisor-inputs';
import { apiRequest, type RemoteTarget } from '../api-client';
import { CliError } from '../cli-error';
import { globalsOf, outOf, remoteTarget } from '../context';
import { createOut, type Out } from '../output';
import { numberOption, outputFormat, readJsonFile, readText, type OutputFormat } from './advise-files';
import { printKpi, printProcess, printRisk, printRoute, printSchedule } from './advise-output';

interface FormatFlags {
  md?: boolean;
  csv?: boolean;
}

/** Without a server there is no event log to read a live metric from; say so instead of guessing. */
const filesOnly: MetricResolver = {
  async resolve(binding): Promise<BindingResolution> {
    const where = binding.source === 'escalation' ? "the escalation runtime's live tickets" : "a running server's event log";
    const detail = `not resolved: ow advise reads files only; run it with --server URL to read "${binding.metric}" from ${where}`;
    return { status: 'not yet resolvable', value: null, detail };
  },
};

/**
 * Advisor validation errors already list every location in their message; the CLI prints that
 * message once (exit 2) instead of appending the same locations again.
 */
function located<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      if (err instanceof AppError && (err.status === 400 || err.status === 422)) {
        const where = formatLocations(err.errors);
        throw new CliError(`${err.code}: ${err.message}${where !== '' && !err.message.includes(where) ? `\n${where}` : ''}`, 2);
      }
      throw err;
    }
  };
}

function withFormats(cmd: Command): Command {
  return cmd.option('--md', 'print the Markdown report').option('--csv', 'print the CSV export');
}

function formatOf(cmd: Command, flags: FormatFlags): { format: OutputFormat; out: Out } {
  const g = globalsOf(cmd);
  const format = outputFormat({ json: g.json, md: flags.md, csv: flags.csv });
  return { format, out: format === 'json' ? outOf(cmd) : createOut(false) };
}

function emit<T>(out: Out, format: OutputFormat, result: T, json: unknown, exporter: (f: 'md' | 'csv') => Export, human: (o: Out, r: T) => void): void {
  if (format === 'json') out.data(json, () => undefined);
  else if (format === 'md' || format === 'csv') process.stdout.write(exporter(format).body);
  else human(out, result);
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

function remoteOf(cmd: Command): RemoteTarget | undefined {
  return remoteTarget(globalsOf(cmd));
}

export function adviseCommand(): Command {
  const advise = new Command('advise').description('operations toolkit: route a problem, analyse a process, schedule work, assess risks, check KPIs');

  withFormats(
    advise
      .command('route')
      .description('route an operational problem to a skill, with scores, matched phrases, questions and a plan')
      .argument('<problem>', 'the problem in your own words, quoted')
      .option('--data <file>', 'JSON object with what you already have (steps, tasks, people, deadline, risks, kpis…)'),
  ).action(located(async (problem: string, opts: FormatFlags & { data?: string }, cmd: Command) => {
    const { format, out } = formatOf(cmd, opts);
    const data = opts.data === undefined ? undefined : await readJsonFile(opts.data);
    const body = { problem, ...(data === undefined ? {} : { data }) };
    const remote = remoteOf(cmd);
    const result = remote ? await apiRequest<RouteAnalysis>(remote, 'POST', 'api/advisor/route', body) : routeAnalysis(body, null);
    emit(out, format, result, result, (f) => routeExport(result, f), printRoute);
  }));

  withFormats(
    advise
      .command('process')
      .description('value-stream analysis of a process (lead time, efficiency, bottleneck, wastes) with a DMAIC report')
      .argument('<file>', 'value stream JSON: {name?, timeUnit?, period?, unitName?, availableTime?, demand?, steps: [...]}')
      .option('--target-reduction <share>', 'lead-time cut to aim for, 0–1 (default 0.25)'),
  ).action(located(async (file: string, opts: FormatFlags & { targetReduction?: string }, cmd: Command) => {
    const { format, out } = formatOf(cmd, opts);
    const targetReduction = numberOption('target-reduction', opts.targetReduction, { above: 0, below: 1 });
    const result = processAnalysis(await readJsonFile(file), targetReduction === undefined ? {} : { targetReduction });
    emit(out, format, result, result, (f) => processExport(result, f), printProcess);
  }));

  withFormats(
    advise
      .command('schedule')
      .description('critical path and a resource-levelled schedule for N people, from id,name,estimate,depends_on')
      .argument('<file>', 'work breakdown: CSV (id,name,estimate,depends_on; dependencies separated by ";") or JSON tasks')
      .requiredOption('--people <n>', 'people who can work at the same time')
      .option('--deadline <d>', 'deadline in the estimate unit; exit 1 with the reasons when it cannot be met')
      .addOption(new Option('--unit <unit>', 'what the estimates count').choices(['points', 'days'])),
  ).action(located(async (file: string, opts: FormatFlags & { people: string; deadline?: string; unit?: 'points' | 'days' }, cmd: Command) => {
    const { format, out } = formatOf(cmd, opts);
    const people = numberOption('people', opts.people, { integer: true, min: 1, max: 1000 });
    const deadline = numberOption('deadline', opts.deadline, { above: 0 });
    const input = file.toLowerCase().endsWith('.json') ? await readJsonFile(file) : await readText(file);
    const run = scheduleAnalysis(readWorkBreakdown(input), { people, deadline, unit: opts.unit });
    emit(out, format, run.analysis, run.analysis.schedule, (f) => scheduleExport(run, f), printSchedule);
    if (!run.analysis.feasibility.feasible) throw new CliError(run.analysis.feasibility.reasons.join('\n'), 1);
  }));

  withFormats(
    advise
      .command('risk')
      .description('risk register: probability × impact, 5×5 heat map, strategies, key risk indicators')
      .argument('<file>', 'risk register JSON: {name?, risks: [...]}'),
  ).action(located(async (file: string, opts: FormatFlags, cmd: Command) => {
    const { format, out } = formatOf(cmd, opts);
    const input = await readJsonFile(file);
    const remote = remoteOf(cmd);
    let result: RiskResult;
    if (remote) result = await apiRequest<RiskResult>(remote, 'POST', 'api/advisor/risk', input);
    else {
      const { register, bindings } = await bindRiskRegister(parseRiskRegister(input), filesOnly);
      result = riskAnalysis(register, bindings);
    }
    emit(out, format, result, result, (f) => riskExport(result, f), printRisk);
  }));

  withFormats(
    advise
      .command('kpi')
      .description('KPIs against SMART, balanced scorecard and OKR progress')
      .argument('<file>', 'JSON: an array of KPIs, {objectives: [...]} (OKRs), or {kpis, objectives}')
      .option('--as-of <date>', 'today as YYYY-MM-DD, for deadlines and OKR pace (default: today)')
      .addOption(new Option('--table <table>', 'which table --csv prints').choices([...KPI_TABLES])),
  ).action(located(async (file: string, opts: FormatFlags & { asOf?: string; table?: KpiTable }, cmd: Command) => {
    const { format, out } = formatOf(cmd, opts);
    const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
    if (!isoDateSchema.safeParse(asOf).success) throw new CliError(`--as-of ${asOf}: a date must be a real calendar date like 2026-01-31`, 2);
    const input = await readJsonFile(file);
    const remote = remoteOf(cmd);
    let result: KpiAnalysis;
    if (remote) result = await apiRequest<KpiAnalysis>(remote, 'POST', `api/advisor/kpi${query({ asOf })}`, input);
    else {
      const { set, bindings } = await bindKpiSet(readKpiSet(input), filesOnly);
      result = kpiAnalysis(set, asOf, bindings);
    }
    emit(out, format, result, result, (f) => kpiExport(result, f, opts.table), printKpi);
  }));

  return advise;
}

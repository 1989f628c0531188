// The five toolkit analyses as the CLI, the API and saved documents run them: the core analysis,
// its result shaped for clients (always with `explanation`), and its Markdown and CSV exports.
import { z } from 'zod';
import {
  analyzeOkrs,
  analyzeRisks,
  analyzeValueStream,
  buildDmaicReport,
  buildScorecard,
  checkSmartAll,
  linkPatterns,
  okrCsv,
  okrMarkdown,
  planSchedule,
  processMarkdown,
  riskMarkdown,
  riskRegisterCsv,
  routeMarkdown,
  routeProblem,
  routeScoresCsv,
  scheduleMarkdown,
  scorecardCsv,
  scorecardMarkdown,
  smartCsv,
  smartMarkdown,
  stringifyScheduleCsv,
  toScheduleJson,
  valueStreamCsv,
  type BalancedScorecard,
  type DmaicReport,
  type OkrAnalysis,
  type RiskAnalysis,
  type RiskRegister,
  type RouteResult,
  type SchedulePlan,
  type ScheduleJson,
  type SmartCheck,
  type Task,
  type ValueStreamAnalysis,
} from '../core/advisor';
import { invalidInput } from '../core/advisor/validate-input';
import { explainBindings, type BindingReport } from './advisor-bindings';
import type { KpiSet, WorkBreakdownDocument } from './advisor-inputs';

export const EXPORT_FORMATS = ['md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Export {
  format: ExportFormat;
  contentType: string;
  body: string;
}

function exported(format: ExportFormat, body: string): Export {
  return { format, contentType: format === 'md' ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8', body };
}

// ---------------------------------------------------------------- route

/** What the router needs of a library pattern to link it. */
export interface PatternSummary {
  slug: string;
  title: string;
  problemTypes: ReadonlyArray<string>;
}

export interface RouteAnalysis extends RouteResult {
  /** Library patterns sharing a problem type; null when this build has no pattern library to search. */
  patterns: Array<{ slug: string; title: string; sharedTypes: string[] }> | null;
}

export function routeAnalysis(input: unknown, library: ReadonlyArray<PatternSummary> | null): RouteAnalysis {
  const result = routeProblem(input as Parameters<typeof routeProblem>[0]);
  const patterns = library === null ? null : linkPatterns(result.problemTypes, library).map(({ pattern, sharedTypes }) => ({ slug: pattern.slug, title: pattern.title, sharedTypes }));
  const types = result.problemTypes.map((p) => p.type).join(', ');
  const line =
    patterns === null
      ? `Library patterns are not linked: this server has no pattern library loaded${types ? `; search the library for ${types}` : ''}.`
      : patterns.length === 0
        ? 'No library pattern shares a problem type with this problem.'
        : `Library patterns: ${patterns.map((p) => `${p.title} (${p.sharedTypes.join(', ')})`).join('; ')}.`;
  return { ...result, patterns, explanation: [...result.explanation, line] };
}

export function routeExport(r: RouteAnalysis, format: ExportFormat): Export {
  return exported(format, format === 'md' ? routeMarkdown(r) : routeScoresCsv(r));
}

// ---------------------------------------------------------------- process

export const processOptionsSchema = z.object({
  targetReduction: z.number().gt(0, 'targetReduction must be above 0').lt(1, 'targetReduction must be below 1 (0.3 means 30%)').optional(),
  horizon: z.string().trim().min(1).max(200).optional(),
});
export type ProcessOptions = z.infer<typeof processOptionsSchema>;

export interface ProcessAnalysis {
  valueStream: ValueStreamAnalysis;
  dmaic: DmaicReport;
  explanation: string[];
}

export function processAnalysis(input: unknown, options: ProcessOptions = {}): ProcessAnalysis {
  const valueStream = analyzeValueStream(input as Parameters<typeof analyzeValueStream>[0]);
  const dmaic = buildDmaicReport(valueStream, options);
  return { valueStream, dmaic, explanation: [...valueStream.explanation, ...dmaic.explanation] };
}

export function processExport(a: ProcessAnalysis, format: ExportFormat): Export {
  return exported(format, format === 'md' ? processMarkdown(a.valueStream, a.dmaic) : valueStreamCsv(a.valueStream));
}

// ---------------------------------------------------------------- schedule

export const scheduleOverridesSchema = z.object({
  people: z.number().int().min(1).max(1000).optional(),
  deadline: z.number().positive().optional(),
  unit: z.enum(['points', 'days']).optional(),
});
export type ScheduleOverrides = z.infer<typeof scheduleOverridesSchema>;

export interface ScheduleAnalysis extends Omit<SchedulePlan, 'network' | 'levelled'> {
  /** The critical path with unlimited people. */
  networkDuration: number;
  networkCriticalPath: string[];
  load: SchedulePlan['levelled']['load'];
  /** Exactly what `ow advise schedule --json` prints. */
  schedule: ScheduleJson;
}

export interface ScheduleRun {
  tasks: Task[];
  plan: SchedulePlan;
  analysis: ScheduleAnalysis;
}

/** Plans the work breakdown; request options win over the settings saved with the breakdown. */
export function scheduleAnalysis(doc: WorkBreakdownDocument, overrides: ScheduleOverrides = {}): ScheduleRun {
  const s = doc.settings;
  const people = overrides.people ?? s.people;
  if (people === undefined) {
    throw invalidInput('The schedule request', [{ field: 'people', message: 'say how many people work on it: --people N on the command line, ?people=N or "people" in the request' }]);
  }
  const options = {
    people,
    ...(overrides.deadline ?? s.deadline) !== undefined ? { deadline: overrides.deadline ?? s.deadline } : {},
    ...(overrides.unit ?? s.unit) !== undefined ? { unit: overrides.unit ?? s.unit } : {},
    ...(s.names ? { names: s.names } : {}),
    ...(s.milestones ? { milestones: s.milestones } : {}),
  };
  const plan = planSchedule(doc.tasks, options);
  const { network, levelled, ...rest } = plan;
  return {
    tasks: doc.tasks,
    plan,
    analysis: { ...rest, networkDuration: network.duration, networkCriticalPath: network.criticalPath, load: levelled.load, schedule: toScheduleJson(plan) },
  };
}

export function scheduleExport(run: ScheduleRun, format: ExportFormat, title?: string): Export {
  return exported(format, format === 'md' ? scheduleMarkdown(run.plan, title) : stringifyScheduleCsv(run.plan, run.tasks));
}

// ---------------------------------------------------------------- risk

export interface RiskResult extends RiskAnalysis {
  bindings: BindingReport[];
}

export function riskAnalysis(register: RiskRegister, bindings: BindingReport[] = []): RiskResult {
  const analysis = analyzeRisks(register);
  return { ...analysis, bindings, explanation: [...analysis.explanation, ...explainBindings(bindings)] };
}

export function riskExport(a: RiskResult, format: ExportFormat): Export {
  return exported(format, format === 'md' ? riskMarkdown(a) : riskRegisterCsv(a));
}

// ---------------------------------------------------------------- kpi

export const KPI_TABLES = ['scorecard', 'smart', 'okrs'] as const;
export type KpiTable = (typeof KPI_TABLES)[number];

export interface KpiAnalysis {
  smart: { checks: SmartCheck[]; explanation: string[] } | null;
  scorecard: BalancedScorecard | null;
  okrs: OkrAnalysis | null;
  bindings: BindingReport[];
  explanation: string[];
}

/** `asOf` is today as an ISO date, passed in: the core never reads the clock. */
export function kpiAnalysis(set: KpiSet, asOf: string | undefined, bindings: BindingReport[] = []): KpiAnalysis {
  // The KPIs were validated by readKpiSet; only the OKRs' cross-field rules can still fail here.
  const options = asOf === undefined ? {} : { asOf };
  const smart = set.kpis ? checkSmartAll(set.kpis, options) : null;
  const scorecard = set.kpis ? buildScorecard(set.kpis) : null;
  const okrs = set.okrs ? analyzeOkrs(set.okrs, options) : null;
  return {
    smart,
    scorecard,
    okrs,
    bindings,
    explanation: [...(smart?.explanation ?? []), ...(scorecard?.explanation ?? []), ...(okrs?.explanation ?? []), ...explainBindings(bindings)],
  };
}

export function kpiExport(a: KpiAnalysis, format: ExportFormat, table?: KpiTable): Export {
  if (format === 'md') {
    const parts = [a.smart ? smartMarkdown(a.smart.checks) : null, a.scorecard ? scorecardMarkdown(a.scorecard) : null, a.okrs ? okrMarkdown(a.okrs) : null];
    return exported('md', parts.filter((p): p is string => p !== null).join('\n'));
  }
  const chosen = table ?? (a.scorecard ? 'scorecard' : 'okrs');
  if (chosen === 'okrs') {
    if (!a.okrs) throw invalidInput('The export request', [{ field: 'table', message: 'this KPI set has no OKRs (objectives); choose table=scorecard or table=smart' }]);
    return exported('csv', okrCsv(a.okrs));
  }
  if (!a.scorecard || !a.smart) throw invalidInput('The export request', [{ field: 'table', message: 'this KPI set has no KPIs; choose table=okrs' }]);
  return exported('csv', chosen === 'smart' ? smartCsv(a.smart.checks) : scorecardCsv(a.scorecard));
}

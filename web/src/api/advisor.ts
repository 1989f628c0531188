// The toolkit API for the portal: the five analyses, saved toolkit documents, and Markdown/CSV
// exports as text. Responses are checked against the fields the pages use; extra fields pass.
import { z } from 'zod/mini';
import { apiErrorFromProblem } from './api-error';
import { api, buildUrl, type Query } from './client';
import { problemSchema } from './types';

const num = z.number();
const str = z.string();
const strings = z.array(str);
const nNum = z.nullable(num);

// ---------------------------------------------------------------- route

export const routeResultSchema = z.looseObject({
  problem: str,
  chosen: z.nullable(str),
  scores: z.array(
    z.object({
      skill: str,
      name: str,
      score: num,
      share: num,
      matches: z.array(z.object({ phrase: str, weight: num, matched: str, source: z.enum(['text', 'data']) })),
    }),
  ),
  questions: z.array(z.object({ id: str, question: str })),
  answered: z.array(z.object({ id: str, question: str, answeredBy: z.nullable(str) })),
  plan: z.nullable(
    z.object({
      name: str,
      reason: str,
      steps: z.array(z.object({ order: num, step: str, analysis: z.nullable(z.enum(['process', 'schedule', 'risk', 'kpi'])), output: str })),
    }),
  ),
  problemTypes: z.array(z.object({ type: str, score: num, matches: z.array(z.object({ matched: str })) })),
  patterns: z.nullable(z.array(z.object({ slug: str, title: str, sharedTypes: strings }))),
  explanation: strings,
});
export type RouteResult = z.infer<typeof routeResultSchema>;

// ---------------------------------------------------------------- schedule

export const ganttBarSchema = z.object({ id: str, name: str, start: num, finish: num, assignee: z.nullable(str), critical: z.boolean(), milestone: z.boolean(), dependsOn: strings });
export type GanttBarData = z.infer<typeof ganttBarSchema>;

export const scheduleResultSchema = z.looseObject({
  unit: str,
  people: num,
  totalEstimate: num,
  duration: num,
  networkDuration: num,
  criticalPath: strings,
  tasks: z.array(z.object({ id: str, name: str, estimate: num, start: num, finish: num, slack: num, critical: z.boolean(), assignee: z.nullable(str) })),
  milestones: z.array(z.object({ name: str, at: num, after: strings })),
  gantt: z.object({ duration: num, lanes: strings, bars: z.array(ganttBarSchema), milestones: z.array(z.object({ name: str, at: num })) }),
  feasibility: z.object({ feasible: z.boolean(), deadline: nNum, minimumPeople: nNum, reasons: strings }),
  load: z.array(z.object({ person: str, tasks: strings, busy: num, utilization: num })),
  explanation: strings,
});
export type ScheduleResult = z.infer<typeof scheduleResultSchema>;

// ---------------------------------------------------------------- risk

const bindingSchema = z.object({ pointer: str, item: str, source: str, metric: str, status: str, value: nNum, detail: str });
export type BindingReport = z.infer<typeof bindingSchema>;

export const heatCellSchema = z.object({ probability: num, impact: num, score: num, level: str, count: num, ids: strings });
export type HeatCellData = z.infer<typeof heatCellSchema>;

export const riskResultSchema = z.looseObject({
  name: str,
  risks: z.array(
    z.object({
      id: str,
      title: str,
      probability: num,
      impact: num,
      score: num,
      level: str,
      strategy: str,
      owner: str,
      mitigation: z.optional(str),
      contingency: z.optional(str),
      kriStatus: z.array(z.object({ name: str, state: str, threshold: num, current: nNum, explanation: str })),
      attention: strings,
    }),
  ),
  heatMap: z.object({ rows: z.array(z.array(heatCellSchema)) }),
  breachedKris: z.array(z.object({ riskId: str, kri: str })),
  bindings: z.array(bindingSchema),
  explanation: strings,
});
export type RiskResult = z.infer<typeof riskResultSchema>;

// ---------------------------------------------------------------- kpi

const trendSchema = z.object({ slope: num, intercept: num, from: str, points: z.array(z.object({ at: str, value: num, fitted: num })) });
export type TrendData = z.infer<typeof trendSchema>;
const scorecardKpiSchema = z.object({
  id: str,
  name: str,
  unit: z.nullable(str),
  baseline: nNum,
  target: nNum,
  current: nNum,
  attainment: nNum,
  status: str,
  binding: z.nullable(z.object({ source: str, metric: str })),
  trend: z.nullable(trendSchema),
});
export type ScorecardKpi = z.infer<typeof scorecardKpiSchema>;

export const kpiResultSchema = z.looseObject({
  smart: z.nullable(
    z.object({
      checks: z.array(z.object({ kpiId: str, name: str, passed: num, smart: z.boolean(), criteria: z.array(z.object({ letter: str, name: str, passed: z.boolean(), explanation: str })) })),
      explanation: strings,
    }),
  ),
  scorecard: z.nullable(
    z.object({
      perspectives: z.array(z.object({ perspective: str, kpis: z.array(scorecardKpiSchema), score: nNum })),
      unassigned: z.array(scorecardKpiSchema),
      gaps: strings,
    }),
  ),
  okrs: z.nullable(
    z.object({
      overall: nNum,
      objectives: z.array(
        z.object({
          id: str,
          title: str,
          progress: nNum,
          elapsed: nNum,
          status: str,
          keyResults: z.array(z.object({ id: str, title: str, baseline: num, target: num, current: nNum, progress: nNum, explanation: str })),
        }),
      ),
    }),
  ),
  bindings: z.array(bindingSchema),
  explanation: strings,
});
export type KpiResult = z.infer<typeof kpiResultSchema>;

// ---------------------------------------------------------------- process

export const processResultSchema = z.looseObject({
  valueStream: z.object({
    stream: z.object({ name: str, timeUnit: str, period: str, unitName: str, steps: z.array(z.object({ name: str, valueAdding: z.boolean(), handoff: z.boolean(), people: num, volume: num })) }),
    leadTime: num,
    processTime: num,
    waitTime: num,
    valueAddedTime: num,
    processCycleEfficiency: num,
    firstPassYield: num,
    taktTime: nNum,
    throughput: nNum,
    steps: z.array(z.object({ name: str, processTime: num, waitTime: num, leadTime: num, utilization: nNum })),
    bottleneck: z.object({ step: str, index: num, reasons: strings }),
    wastes: z.array(z.object({ category: str, steps: strings, evidence: strings })),
    notAssessed: z.array(z.object({ category: str, status: str, reason: str })),
  }),
  dmaic: z.object({
    phases: z.array(z.object({ phase: str, findings: strings })),
    targets: z.array(z.object({ metric: str, baseline: num, target: num, unit: str, direction: str, by: str, statement: str })),
    projectedLeadTime: num,
    meetsTarget: z.boolean(),
  }),
  explanation: strings,
});
export type ProcessResult = z.infer<typeof processResultSchema>;

// ---------------------------------------------------------------- documents

export const DOCUMENT_KINDS = ['risk-register', 'kpi-set', 'work-breakdown', 'value-stream'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const documentInfoSchema = z.object({ id: str, version: num, kind: z.enum(DOCUMENT_KINDS), name: str, summary: str, createdAt: str, createdBy: str });
export type DocumentInfo = z.infer<typeof documentInfoSchema>;
const documentListSchema = z.object({ items: z.array(documentInfoSchema) });
const documentDetailSchema = z.object({
  document: z.extend(documentInfoSchema, { content: z.unknown() }),
  versions: z.array(documentInfoSchema),
  analysis: z.nullable(z.unknown()),
  analysisNote: z.nullable(str),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export type ExportFormat = 'md' | 'csv';

/** A POST whose body is CSV text instead of JSON. */
export interface CsvBody {
  csv: string;
}

function isCsv(body: unknown): body is CsvBody {
  return typeof body === 'object' && body !== null && 'csv' in body && typeof (body as CsvBody).csv === 'string';
}

/** Fetches a report as text (or an analysis from a CSV body); problems become the same ApiError as elsewhere. */
async function fetchText(path: string, init: { method: 'GET' | 'POST'; query?: Query; body?: unknown }): Promise<string> {
  const headers: Record<string, string> = { accept: 'text/markdown, text/csv, application/json, application/problem+json' };
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] = isCsv(init.body) ? 'text/csv' : 'application/json';
    body = isCsv(init.body) ? init.body.csv : JSON.stringify(init.body);
  }
  const response = await fetch(buildUrl('', path, init.query), { method: init.method, headers, credentials: 'include', body });
  const text = await response.text();
  if (!response.ok) {
    let problem = null;
    try {
      const parsed = problemSchema.safeParse(JSON.parse(text));
      problem = parsed.success ? parsed.data : null;
    } catch {
      problem = null;
    }
    throw apiErrorFromProblem(response.status, problem);
  }
  return text;
}

async function postAnalysis<S extends z.ZodMiniType>(path: string, schema: S, body: unknown, query: Query = {}): Promise<z.infer<S>> {
  if (!isCsv(body)) return api.request(path, { method: 'POST', body, query, schema });
  const parsed = schema.safeParse(JSON.parse(await fetchText(path, { method: 'POST', body, query })));
  if (!parsed.success) throw new Error(`${path} answered a body the portal does not understand: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export const advisorApi = {
  route: (problem: string) => api.request('/api/advisor/route', { method: 'POST', body: { problem }, schema: routeResultSchema }),
  process: (stream: unknown, query: Query = {}) => postAnalysis('/api/advisor/process', processResultSchema, stream, query),
  /** Work breakdown as JSON (tasks or {tasks, people…}) or `{csv}` text. */
  schedule: (body: unknown, query: Query = {}) => postAnalysis('/api/advisor/schedule', scheduleResultSchema, body, query),
  risk: (register: unknown) => postAnalysis('/api/advisor/risk', riskResultSchema, register),
  kpi: (set: unknown, query: Query = {}) => postAnalysis('/api/advisor/kpi', kpiResultSchema, set, query),
  /** The Markdown or CSV report of an analysis, for download. */
  exportAnalysis: (analysis: 'route' | 'process' | 'schedule' | 'risk' | 'kpi', body: unknown, format: ExportFormat, query: Query = {}) =>
    fetchText(`/api/advisor/${analysis}`, { method: 'POST', body, query: { ...query, format } }),
  documents: {
    list: (kind?: DocumentKind, signal?: AbortSignal) => api.request('/api/advisor/documents', { query: { kind }, schema: documentListSchema, ...(signal ? { signal } : {}) }),
    get: (id: string, query: Query = {}, signal?: AbortSignal) =>
      api.request(`/api/advisor/documents/${encodeURIComponent(id)}`, { query, schema: documentDetailSchema, ...(signal ? { signal } : {}) }),
    export: (id: string, format: ExportFormat, query: Query = {}) => fetchText(`/api/advisor/documents/${encodeURIComponent(id)}`, { method: 'GET', query: { ...query, format } }),
  },
};

/** Checks a document's analysis against the page's schema, saying what did not fit. */
export function analysisOf<S extends z.ZodMiniType>(detail: DocumentDetail, schema: S): z.infer<S> | null {
  if (detail.analysis === null) return null;
  const parsed = schema.safeParse(detail.analysis);
  if (!parsed.success) throw new Error(`The analysis of ${detail.document.id} is not what this page expects: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, format: ExportFormat): void {
  const blob = new Blob([text], { type: format === 'md' ? 'text/markdown;charset=utf-8' : 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Typed client for the operator workspace API (issue 6, seed 000): list, create (assign a pattern to a
// team), detail with the journey view, steps (refusals come back as ApiError 409 with what is missing),
// the results report with its charts, and download links.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';

export const WORKSPACE_STAGES = ['assigned', 'kickoff', 'implementation', 'baselined', 'shadow', 'production', 'measured', 'reported', 'lessons'] as const;
export type WorkspaceStage = (typeof WORKSPACE_STAGES)[number];
export type WorkspaceStep = 'kickoff' | 'owners' | 'export' | 'baseline' | 'shadow' | 'production' | 'measure' | 'report' | 'lessons';

const priorityFigures = z.object({
  tickets: z.number(),
  mttrHours: z.nullable(z.number()),
  firstResponseHours: z.nullable(z.number()),
  slaBreachRate: z.nullable(z.number()),
  reEscalationRate: z.nullable(z.number()),
});
const snapshotSchema = z.object({
  snapshotId: z.nullable(z.string()),
  source: z.string(),
  windowStart: z.nullable(z.string()),
  windowEnd: z.nullable(z.string()),
  figures: z.object({ overall: priorityFigures, byPriority: z.record(z.string(), priorityFigures) }),
  capturedAt: z.string(),
});

export const workspaceSchema = z.object({
  id: z.string(),
  team: z.string(),
  owner: z.string(),
  pattern: z.object({ slug: z.string(), version: z.number(), title: z.string() }),
  client: z.nullable(z.object({ name: z.string(), aliases: z.array(z.string()), label: z.string(), terms: z.array(z.object({ from: z.string(), to: z.string() })) })),
  stage: z.enum(WORKSPACE_STAGES),
  items: z.array(z.object({ id: z.string(), summary: z.string(), suggestedOwner: z.string(), owner: z.nullable(z.string()), effortPersonWeeks: z.number() })),
  exportedAt: z.nullable(z.string()),
  baseline: z.nullable(snapshotSchema),
  escalationMode: z.nullable(z.object({ mode: z.string(), applied: z.boolean() })),
  stabilizationDays: z.number(),
  productionAt: z.nullable(z.string()),
  stabilizationEndsAt: z.nullable(z.string()),
  measured: z.nullable(snapshotSchema),
  forcedMeasureReason: z.nullable(z.string()),
  costs: z.nullable(z.object({ implementationCost: z.number(), costPerHour: z.number(), currency: z.string() })),
  reportedAt: z.nullable(z.string()),
  lessons: z.array(z.string()),
  createdAt: z.string(),
  version: z.number(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceDetailSchema = z.object({
  workspace: workspaceSchema,
  history: z.array(z.object({ step: z.string(), stage: z.string(), at: z.string(), actor: z.string(), note: z.nullable(z.string()) })),
  journey: z.object({
    steps: z.array(z.object({ stage: z.enum(WORKSPACE_STAGES), label: z.string(), beat: z.string(), event: z.string(), status: z.enum(['done', 'current', 'next', 'later']), at: z.nullable(z.string()) })),
    next: z.nullable(z.object({ step: z.string(), blockers: z.array(z.string()) })),
    allowed: z.array(z.string()),
    window: z.nullable(z.object({ endsAt: z.string(), elapsed: z.boolean(), daysLeft: z.number() })),
  }),
  reportAvailable: z.boolean(),
  integrations: z.object({ metrics: z.boolean(), escalationMode: z.boolean() }),
});
export type WorkspaceDetail = z.infer<typeof workspaceDetailSchema>;

const listSchema = z.object({ items: z.array(z.extend(workspaceSchema, { updatedAt: z.string() })) });
export type WorkspaceListItem = z.infer<typeof listSchema>['items'][number];

export const reportSchema = z.object({
  title: z.string(),
  results: z.object({
    rows: z.array(z.object({ metric: z.string(), segment: z.string(), before: z.nullable(z.number()), after: z.nullable(z.number()), improvementPercent: z.nullable(z.number()) })),
    roi: z.nullable(z.object({ hoursSaved: z.number(), savings: z.number(), implementationCost: z.number(), multiple: z.nullable(z.number()), net: z.number(), currency: z.string() })),
  }),
  charts: z.array(z.object({ metric: z.string(), svg: z.string() })),
});
export type ResultsReport = z.infer<typeof reportSchema>;

export interface CreateWorkspaceInput {
  team: string;
  owner: string;
  patternSlug: string;
  stabilizationDays?: number;
  client?: { name: string; aliases?: string[]; label?: string; terms?: Array<{ from: string; to: string }> };
}

const path = (id: string, rest = '') => `/api/workspaces/${encodeURIComponent(id)}${rest}`;

export function workspaceApi(client: ApiClient = api) {
  return {
    list: (query: { stage?: string; pattern?: string } = {}, signal?: AbortSignal) => client.request('/api/workspaces', { query: { ...query }, schema: listSchema, ...(signal ? { signal } : {}) }),
    get: (id: string, signal?: AbortSignal) => client.request(path(id), { schema: workspaceDetailSchema, ...(signal ? { signal } : {}) }),
    create: (input: CreateWorkspaceInput) => client.request('/api/workspaces', { method: 'POST', body: input, schema: workspaceDetailSchema }),
    step: (id: string, step: WorkspaceStep, body: Record<string, unknown> = {}) => client.request(path(id, `/steps/${step}`), { method: 'POST', body, schema: workspaceDetailSchema }),
    report: (id: string, signal?: AbortSignal) => client.request(path(id, '/report'), { schema: reportSchema, ...(signal ? { signal } : {}) }),
    /** Same-origin download links (the session cookie authenticates them). */
    links: (id: string) => ({
      checklistCsv: path(id, '/checklist.csv'),
      reportMd: path(id, '/report.md'),
      reportHtml: path(id, '/report.html'),
      caseStudy: path(id, '/case-study.md'),
    }),
  };
}

export const workspaces = workspaceApi();

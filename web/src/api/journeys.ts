// Typed client for the journey and task API (issue 5): definitions, start, list and read journeys,
// send events, report metrics, roll back, cancel, and complete or retry tasks. A refused event comes
// back as a JourneyRefusedError that carries the server's rejection (allowed events, failing checks).
import { z } from 'zod/mini';
import { ApiError, apiErrorFromProblem } from './api-error';
import { api, type ApiClient } from './client';
import type { Problem } from './types';

// ---- success metrics (seed 003), computed by the server ------------------------------------------

const ratioSchema = z.object({ rate: z.nullable(z.number()), count: z.number(), of: z.number() });

export const journeyMetricsSchema = z.object({
  journeys: z.number(),
  timeToProduction: z.object({ averageDays: z.nullable(z.number()), medianDays: z.nullable(z.number()), reached: z.number() }),
  successRate: ratioSchema,
  rollbackRate: ratioSchema,
  firstPassRate: ratioSchema,
});
/** null rate: nothing decided yet (no denominator). */
export type Ratio = z.infer<typeof ratioSchema>;
export type JourneyMetrics = z.infer<typeof journeyMetricsSchema>;

// ---- tasks --------------------------------------------------------------------------------------

export const TASK_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;

export const taskSchema = z.object({
  id: z.string(),
  journeyId: z.nullable(z.string()),
  unitId: z.nullable(z.string()),
  stage: z.nullable(z.string()),
  key: z.string(),
  name: z.string(),
  handler: z.string(),
  agent: z.string(),
  kind: z.enum(['automated', 'human']),
  status: z.enum(TASK_STATUSES),
  attempt: z.number(),
  totalAttempts: z.number(),
  maxRetries: z.number(),
  waitingOn: z.number(),
  ready: z.boolean(),
  dependsOn: z.optional(z.array(z.string())),
  input: z.record(z.string(), z.unknown()),
  output: z.nullable(z.record(z.string(), z.unknown())),
  lastError: z.nullable(z.string()),
  /** A ready human task: when it fails as timed out unless someone completes it. */
  dueAt: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  readyAt: z.nullable(z.string()),
  startedAt: z.nullable(z.string()),
  attemptStartedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  deadLetteredAt: z.nullable(z.string()),
});
export type Task = z.infer<typeof taskSchema>;
export type TaskStatus = Task['status'];

// ---- journeys -----------------------------------------------------------------------------------

export const JOURNEY_STATUSES = ['active', 'rolling_back', 'completed', 'cancelled'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const journeySchema = z.object({
  journeyId: z.string(),
  clientId: z.string(),
  definitionId: z.string(),
  definitionVersion: z.number(),
  currentStage: z.string(),
  previousStage: z.nullable(z.string()),
  status: z.enum(JOURNEY_STATUSES),
  startedAt: z.string(),
  stageStartedAt: z.string(),
  completedStages: z.array(z.string()),
  visits: z.record(z.string(), z.number()),
  metadata: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Journey = z.infer<typeof journeySchema>;

export const journeyListSchema = z.object({ items: z.array(journeySchema), total: z.number() });
export type JourneyList = z.infer<typeof journeyListSchema>;

/** Seed 003's CriteriaCheck: what a gate compared (actual null when the metric was never reported). */
export const checkSchema = z.object({ name: z.string(), passed: z.boolean(), actual_value: z.nullable(z.number()), expected_value: z.string(), message: z.string() });
export type CriteriaCheck = z.infer<typeof checkSchema>;

export const validationSchema = z.object({
  id: z.number(),
  stage: z.string(),
  event: z.string(),
  targetStage: z.string(),
  passed: z.boolean(),
  checks: z.array(checkSchema),
  summary: z.string(),
  metrics: z.record(z.string(), z.number()),
  actor: z.string(),
  createdAt: z.string(),
});
export type Validation = z.infer<typeof validationSchema>;

export const rollbackSchema = z.object({
  id: z.number(),
  fromStage: z.string(),
  target: z.string(),
  trigger: z.string(),
  reason: z.string(),
  automatic: z.boolean(),
  evidence: z.array(z.object({ trigger: z.string(), metric: z.string(), operator: z.string(), threshold: z.number(), actual_value: z.number(), message: z.string() })),
  actor: z.string(),
  startedAt: z.string(),
  completedAt: z.nullable(z.string()),
  outcome: z.nullable(z.enum(['resumed', 'cancelled'])),
  resumedStage: z.nullable(z.string()),
});
export type RollbackRecord = z.infer<typeof rollbackSchema>;

export const stageVisitSchema = z.object({
  seq: z.number(), stage: z.string(), visit: z.number(), enteredAt: z.string(), enteredOn: z.string(), leftAt: z.nullable(z.string()), leftOn: z.nullable(z.string()),
});
export type StageVisit = z.infer<typeof stageVisitSchema>;

export const unitSchema = z.object({
  id: z.string(),
  stage: z.string(),
  visit: z.number(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(['stage', 'rollback']),
  dependencies: z.array(z.string()),
  status: z.enum(['pending', 'running', 'completed', 'failed', 'rolled_back', 'cancelled']),
  statusReason: z.string(),
  createdAt: z.string(),
  startedAt: z.nullable(z.string()),
  completedAt: z.nullable(z.string()),
  rolledBackAt: z.nullable(z.string()),
  tasks: z.array(taskSchema),
});
export type Unit = z.infer<typeof unitSchema>;

export const timerSchema = z.object({
  id: z.string(), stage: z.string(), key: z.string(), fireAt: z.string(), event: z.nullable(z.string()), status: z.enum(['scheduled', 'fired', 'cancelled']), firedAt: z.nullable(z.string()),
});
export type Timer = z.infer<typeof timerSchema>;

export const metricsSchema = z.object({ values: z.record(z.string(), z.number()), sources: z.record(z.string(), z.enum(['reported', 'computed'])) });
export type StageMetrics = z.infer<typeof metricsSchema>;

/** `to` is a stage id, or "rollback_target" when the rollback policy decides. */
export const allowedEventSchema = z.object({ event: z.string(), to: z.string(), kind: z.enum(['forward', 'rollback', 'cancel']), guard: z.string(), description: z.nullable(z.string()) });
export type AllowedEvent = z.infer<typeof allowedEventSchema>;

export const journeyEventSchema = z.object({ id: z.number(), topic: z.string(), key: z.nullable(z.string()), payload: z.record(z.string(), z.unknown()), createdAt: z.string() });
export type JourneyEvent = z.infer<typeof journeyEventSchema>;

export const journeyDetailSchema = z.object({
  journey: z.extend(journeySchema, { definitionName: z.string() }),
  allowedEvents: z.array(allowedEventSchema),
  stages: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), targetDays: z.nullable(z.number()) })),
  stageHistory: z.array(stageVisitSchema),
  units: z.array(unitSchema),
  validations: z.array(validationSchema),
  rollbacks: z.array(rollbackSchema),
  timers: z.array(timerSchema),
  metrics: metricsSchema,
  events: z.array(journeyEventSchema),
});
export type JourneyDetail = z.infer<typeof journeyDetailSchema>;

export const changeResultSchema = z.object({
  journey: journeySchema,
  /** Transitions the runtime made on its own after the change (e.g. a rollback rule that fired). */
  automatic: z.array(z.object({ event: z.string(), from: z.string(), to: z.string(), why: z.string() })),
});
export type ChangeResult = z.infer<typeof changeResultSchema>;

export const metricsReportResultSchema = z.extend(changeResultSchema, { metrics: metricsSchema });
export type MetricsReportResult = z.infer<typeof metricsReportResultSchema>;

// ---- definitions --------------------------------------------------------------------------------

export const definitionSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  source: z.enum(['builtin', 'user', 'sequence']),
  versions: z.number(),
  description: z.nullable(z.string()),
  stages: z.array(z.string()),
  events: z.array(z.string()),
  createdAt: z.string(),
});
export type DefinitionSummary = z.infer<typeof definitionSummarySchema>;

const criterionSchema = z.object({ name: z.optional(z.string()), metric: z.string(), operator: z.string(), threshold: z.number(), description: z.optional(z.string()) });
export type Criterion = z.infer<typeof criterionSchema>;

/** The parts of a stored definition the portal reads; the server has validated the whole document. */
export const definitionDocumentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  stages: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      description: z.optional(z.string()),
      targetDays: z.optional(z.number()),
      entryCriteria: z.optional(z.array(criterionSchema)),
      exitCriteria: z.optional(z.array(criterionSchema)),
    }),
  ),
  rollbackTriggers: z.optional(z.array(z.object({ id: z.string(), description: z.string() }))),
});
export type DefinitionDocument = z.infer<typeof definitionDocumentSchema>;

export const definitionDetailSchema = z.object({
  definition: z.object({ id: z.string(), version: z.number(), name: z.string(), source: z.string(), document: definitionDocumentSchema }),
});
export type DefinitionDetail = z.infer<typeof definitionDetailSchema>;

// ---- refusals -----------------------------------------------------------------------------------

export const rejectionSchema = z.object({
  kind: z.string(),
  event: z.string(),
  stage: z.nullable(z.string()),
  allowed: z.array(z.string()),
  message: z.string(),
  validation: z.optional(z.object({ passed: z.boolean(), checks: z.array(checkSchema), summary: z.string() })),
  incompleteUnits: z.optional(z.array(z.object({ id: z.string(), status: z.string() }))),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** A refused event (409, or 422 for a failed gate): the problem plus the rejection as data. */
const refusalSchema = z.looseObject({
  status: z.number(), code: z.string(), title: z.optional(z.string()), detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.optional(z.string()), pointer: z.optional(z.string()), message: z.string() }))),
  rejection: z.optional(rejectionSchema),
});

export class JourneyRefusedError extends ApiError {
  readonly rejection: Rejection | null;

  constructor(problem: Problem, rejection: Rejection | null) {
    const base = apiErrorFromProblem(problem.status ?? 409, problem);
    super({ status: base.status, code: base.code, title: base.title, detail: base.detail, errors: base.errors, type: base.type });
    this.rejection = rejection;
  }
}

export function isJourneyRefusal(error: unknown): error is JourneyRefusedError {
  return error instanceof JourneyRefusedError;
}

/**
 * POSTs a change whose refusal is data: 409/422 bodies are read (instead of thrown away) so the
 * page can show the allowed events and each failing check; any other failure is a plain ApiError.
 */
async function refusable<S extends z.ZodMiniType>(client: ApiClient, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const answer: unknown = await client.request(path, { method: 'POST', body, schema: z.union([schema, refusalSchema]), acceptStatuses: [409, 422] });
  const refusal = refusalSchema.safeParse(answer);
  if (refusal.success && refusal.data.status >= 400) throw new JourneyRefusedError(refusal.data, refusal.data.rejection ?? null);
  return answer as z.infer<S>;
}

// ---- calls --------------------------------------------------------------------------------------

export type JourneyListQuery = Partial<{ stage: string; status: JourneyStatus; definition: string; client: string; limit: number; offset: number }>;

export type StartJourneyInput = { definition: string; clientId: string; metadata?: Record<string, unknown> };

export interface RollbackInput {
  trigger: string;
  reason: string;
  /** A stage to resume at, or "cancel"; absent: the definition's rollback policy decides. */
  target?: string;
}

export type CompleteTaskInput = { outcome: 'completed' | 'failed'; output: Record<string, unknown>; reason?: string };

const signalOf = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });
const journeyPath = (id: string, tail = '') => `/api/journeys/${encodeURIComponent(id)}${tail}`;
// Journey task ids contain "/": the whole id is one path segment, so it is URL-encoded.
const taskPath = (id: string, tail: string) => `/api/tasks/${encodeURIComponent(id)}${tail}`;

export function journeyApi(client: ApiClient = api) {
  return {
    definitions: (signal?: AbortSignal) =>
      client.request('/api/journey-definitions', { schema: z.object({ items: z.array(definitionSummarySchema) }), ...signalOf(signal) }),
    definition: (id: string, version: number | undefined, signal?: AbortSignal) =>
      client.request(`/api/journey-definitions/${encodeURIComponent(id)}`, { query: { version }, schema: definitionDetailSchema, ...signalOf(signal) }),
    list: (query: JourneyListQuery, signal?: AbortSignal) =>
      client.request('/api/journeys', { query: { ...query }, schema: journeyListSchema, ...signalOf(signal) }),
    get: (id: string, signal?: AbortSignal) => client.request(journeyPath(id), { schema: journeyDetailSchema, ...signalOf(signal) }),
    start: (input: StartJourneyInput) => refusable(client, '/api/journeys', input, journeyDetailSchema),
    sendEvent: (id: string, type: string, payload?: { reason?: string }) =>
      refusable(client, journeyPath(id, '/events'), payload === undefined ? { type } : { type, payload }, changeResultSchema),
    reportMetrics: (id: string, metrics: Record<string, number>) =>
      refusable(client, journeyPath(id, '/metrics'), { metrics }, metricsReportResultSchema),
    rollback: (id: string, input: RollbackInput) => refusable(client, journeyPath(id, '/rollback'), input, changeResultSchema),
    cancel: (id: string, reason: string) => refusable(client, journeyPath(id, '/cancel'), { reason }, changeResultSchema),
    completeTask: (taskId: string, input: CompleteTaskInput) =>
      client.request(taskPath(taskId, '/complete'), { method: 'POST', body: input, schema: taskSchema }),
    /** Seed 003's success metrics, computed by the server from the event log (every definition when null). */
    successMetrics: (definition: string | null, signal?: AbortSignal) =>
      client.request('/api/journeys/metrics', { query: { definition: definition ?? undefined }, schema: journeyMetricsSchema, ...signalOf(signal) }),
    /** Operator actions on a task: each says why (1–500 characters), kept in the audit log. */
    retryTask: (taskId: string, reason: string) => client.request(taskPath(taskId, '/retry'), { method: 'POST', body: { reason }, schema: taskSchema }),
    cancelTask: (taskId: string, reason: string) => client.request(taskPath(taskId, '/cancel'), { method: 'POST', body: { reason }, schema: taskSchema }),
  };
}

export type JourneyApi = ReturnType<typeof journeyApi>;

/** The portal's journey client: same origin, cookie session. */
export const journeys: JourneyApi = journeyApi();

// The shapes of journeys as the API returns them (zod): list rows, the full detail a timeline or
// Gantt is drawn from, definitions, and a refused event's rejection.
import { z } from 'zod';
import { RollbackInProgressSchema } from '../core/journey/state';
import { taskSchema } from './task-schemas';

const instant = z.string().describe('ISO-8601 instant');

export const journeySchema = z.object({
  journeyId: z.string(),
  clientId: z.string(),
  definitionId: z.string(),
  definitionVersion: z.number().int(),
  currentStage: z.string(),
  previousStage: z.string().nullable(),
  status: z.enum(['active', 'rolling_back', 'completed', 'cancelled']),
  startedAt: instant,
  stageStartedAt: instant,
  completedStages: z.array(z.string()),
  visits: z.record(z.string(), z.number().int()),
  rollback: RollbackInProgressSchema.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  handlerAliases: z.record(z.string(), z.string()),
  version: z.number().int(),
  createdBy: z.string(),
  updatedAt: instant,
});

const checkSchema = z.object({ name: z.string(), passed: z.boolean(), actual_value: z.number().nullable(), expected_value: z.string(), message: z.string() });

export const validationSchema = z.object({
  id: z.number().int(),
  stage: z.string(),
  event: z.string(),
  targetStage: z.string(),
  passed: z.boolean(),
  checks: z.array(checkSchema),
  summary: z.string(),
  metrics: z.record(z.string(), z.number()),
  actor: z.string(),
  createdAt: instant,
});

export const rollbackSchema = z.object({
  id: z.number().int(),
  fromStage: z.string(),
  target: z.string(),
  trigger: z.string(),
  reason: z.string(),
  automatic: z.boolean(),
  evidence: z.array(z.object({ trigger: z.string(), metric: z.string(), operator: z.string(), threshold: z.number(), actual_value: z.number(), message: z.string() })),
  actor: z.string(),
  startedAt: instant,
  completedAt: instant.nullable(),
  outcome: z.enum(['resumed', 'cancelled']).nullable(),
  resumedStage: z.string().nullable(),
});

export const stageVisitSchema = z.object({ seq: z.number().int(), stage: z.string(), visit: z.number().int(), enteredAt: instant, enteredOn: z.string(), leftAt: instant.nullable(), leftOn: z.string().nullable() });

export const unitSchema = z.object({
  id: z.string(),
  journeyId: z.string(),
  stage: z.string(),
  visit: z.number().int(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(['stage', 'rollback']),
  dependencies: z.array(z.string()),
  status: z.enum(['pending', 'running', 'completed', 'failed', 'rolled_back', 'cancelled']),
  statusReason: z.string(),
  createdAt: instant,
  startedAt: instant.nullable(),
  completedAt: instant.nullable(),
  rolledBackAt: instant.nullable(),
  tasks: z.array(taskSchema),
});

export const timerSchema = z.object({
  id: z.string(),
  journeyId: z.string(),
  stage: z.string(),
  key: z.string(),
  fireAt: instant,
  event: z.string().nullable(),
  status: z.enum(['scheduled', 'fired', 'cancelled']),
  result: z.string().nullable(),
  createdAt: instant,
  firedAt: instant.nullable(),
});

export const metricsSchema = z.object({ values: z.record(z.string(), z.number()), sources: z.record(z.string(), z.enum(['reported', 'computed'])) });

const eventSchema = z.object({ id: z.number().int(), topic: z.string(), key: z.string().nullable(), payload: z.record(z.string(), z.unknown()), createdAt: instant });

export const journeyDetailSchema = z.object({
  journey: journeySchema.extend({ definitionName: z.string() }),
  allowedEvents: z.array(z.object({ event: z.string(), to: z.string(), kind: z.enum(['forward', 'rollback', 'cancel']), guard: z.string(), description: z.string().nullable() })),
  stages: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), targetDays: z.number().nullable() })),
  stageHistory: z.array(stageVisitSchema).describe('Every stage entry with when it was left: the timeline'),
  units: z.array(unitSchema).describe('Units of work with their tasks (start and finish instants): the Gantt'),
  validations: z.array(validationSchema),
  rollbacks: z.array(rollbackSchema),
  timers: z.array(timerSchema),
  metrics: metricsSchema.describe('Metrics of the current stage: reported, and computed from the event log'),
  events: z.array(eventSchema).describe('The journey’s latest events (up to 200)'),
});

export const automaticSchema = z.array(z.object({ event: z.string(), from: z.string(), to: z.string(), why: z.string() })).describe('Transitions the runtime made on its own after this change');

export const changeResultSchema = z.object({ journey: journeySchema, automatic: automaticSchema });

export const definitionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  source: z.enum(['builtin', 'user', 'sequence']),
  versions: z.number().int(),
  description: z.string().nullable(),
  stages: z.array(z.string()),
  events: z.array(z.string()),
  createdAt: instant,
});

export const storedDefinitionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  source: z.enum(['builtin', 'user', 'sequence']),
  document: z.record(z.string(), z.unknown()),
  createdAt: instant,
  createdBy: z.string(),
});

export const rejectionSchema = z.object({
  kind: z.string(),
  event: z.string(),
  stage: z.string().nullable(),
  allowed: z.array(z.string()),
  message: z.string(),
  validation: z.object({ passed: z.boolean(), checks: z.array(checkSchema), summary: z.string() }).optional(),
  incompleteUnits: z.array(z.object({ id: z.string(), status: z.string() })).optional(),
});

// A journey's persisted state (seed 003's JourneyState plus what rollback and re-entry need),
// the events sent to it and the context a transition reads.
import { z } from 'zod';
import type { UnitStatus } from '../work/unit-of-work';
import type { MetricValues } from './exit-criteria';
import { RollbackTargetSchema } from './rollback-schema';

export const JourneyStatusSchema = z.enum(['active', 'rolling_back', 'completed', 'cancelled']);
export type JourneyStatus = z.infer<typeof JourneyStatusSchema>;

export const RollbackEvidenceSchema = z
  .object({
    trigger: z.string(),
    metric: z.string(),
    operator: z.string(),
    threshold: z.number(),
    actual_value: z.number(),
    message: z.string(),
  })
  .strict();
export type RollbackEvidence = z.infer<typeof RollbackEvidenceSchema>;

export const RollbackInProgressSchema = z
  .object({
    from: z.string(),
    target: RollbackTargetSchema,
    trigger: z.string(),
    reason: z.string(),
    /** True when metric rules fired, false when someone asked for it. */
    automatic: z.boolean(),
    evidence: z.array(RollbackEvidenceSchema),
    startedAt: z.string(),
  })
  .strict();
export type RollbackInProgress = z.infer<typeof RollbackInProgressSchema>;

export const JourneyStateSchema = z
  .object({
    journeyId: z.string().min(1),
    clientId: z.string().min(1),
    definitionId: z.string().min(1),
    definitionVersion: z.number().int().min(1),
    currentStage: z.string().min(1),
    previousStage: z.string().nullable(),
    status: JourneyStatusSchema,
    /** ISO-8601 instants. */
    startedAt: z.string(),
    stageStartedAt: z.string(),
    completedStages: z.array(z.string()),
    /** How many times each stage was entered; part of unit and timer ids. */
    visits: z.record(z.string(), z.number().int().min(1)),
    rollback: RollbackInProgressSchema.nullable(),
    metadata: z.record(z.string(), z.unknown()),
    /** Accepted transitions so far: the runtime's optimistic-concurrency token. */
    version: z.number().int().min(1),
  })
  .strict();
export type JourneyState = z.infer<typeof JourneyStateSchema>;

export const JourneyEventPayloadSchema = z
  .object({
    journeyId: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** Rollback trigger id (from the definition's rollbackTriggers). */
    trigger: z.string().min(1).optional(),
    reason: z.string().optional(),
    /** Rollback target override: a stage id or "cancel". */
    target: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
  })
  .strict();

export type JourneyEventPayload = z.output<typeof JourneyEventPayloadSchema>;

export const JourneyEventSchema = z
  .object({
    type: z.string().min(1),
    payload: JourneyEventPayloadSchema.default({}),
  })
  .strict();
export type JourneyEvent = z.input<typeof JourneyEventSchema>;

export interface UnitSnapshot {
  id: string;
  stage: string;
  status: UnitStatus;
}

export interface TransitionContext {
  /** The injected clock, epoch milliseconds. */
  now: number;
  /** Metrics reported or computed for the current stage; gates and rollback rules read them. */
  metrics?: MetricValues;
  /** The journey's units of work (any stage); the units_completed guard reads those of the current stage. */
  units?: readonly UnitSnapshot[];
}

// The shape of a journey definition as data (zod): stages with criteria, units of work,
// rollback rules and timers; transitions with guards; declared events and counters.
import { z } from 'zod';
import { UnitTemplateSchema, KEY_PATTERN } from '../work/unit-template';
import { CriterionSchema, MetricNameSchema } from './criterion';
import { RollbackRuleSchema, RollbackTargetPolicySchema, RollbackTriggerDeclSchema } from './rollback-schema';

export const StageIdSchema = z.string().regex(KEY_PATTERN, 'a stage id is lowercase letters, digits, - and _ (for example "sandbox")');
export const EVENT_PATTERN = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/;
export const EventNameSchema = z.string().regex(EVENT_PATTERN, 'an event name is lowercase words joined by _, - or . (for example "promote_to_pilot")');

export const StageKindSchema = z.enum(['active', 'rollback', 'final']);
export type StageKind = z.infer<typeof StageKindSchema>;
export const OutcomeSchema = z.enum(['success', 'failure']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const TimerTemplateSchema = z
  .object({
    key: z.string().regex(KEY_PATTERN, 'a timer key is lowercase letters, digits, - and _'),
    /** Fires this long after the stage is entered. */
    afterMs: z.number().int().positive(),
    /** Event the runtime sends to the journey when the timer fires; without one it only records that it fired. */
    event: EventNameSchema.optional(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type TimerTemplate = z.infer<typeof TimerTemplateSchema>;

export const StageSchema = z
  .object({
    id: StageIdSchema,
    name: z.string().min(1),
    kind: StageKindSchema,
    /** Required for final stages: does ending here count as success or failure? */
    outcome: OutcomeSchema.optional(),
    description: z.string().min(1).optional(),
    targetDays: z.number().positive().optional(),
    baselineDays: z.number().positive().optional(),
    entryCriteria: z.array(CriterionSchema).default([]),
    exitCriteria: z.array(CriterionSchema).default([]),
    rollbackRules: z.array(RollbackRuleSchema).default([]),
    /** Overrides the definition's rollback target policy for rollbacks from this stage. */
    rollbackTarget: RollbackTargetPolicySchema.optional(),
    /** Created when the stage is entered. */
    unitsOfWork: z.array(UnitTemplateSchema).default([]),
    /** Run when the journey rolls back from this stage. */
    rollbackUnitOfWork: UnitTemplateSchema.optional(),
    timers: z.array(TimerTemplateSchema).default([]),
  })
  .strict();
export type Stage = z.output<typeof StageSchema>;

export const RollbackTargetRefSchema = z.object({ resolve: z.literal('rollback_target') }).strict();

/**
 * `exit_criteria`: the source stage's exit criteria and the target stage's entry criteria must pass;
 * `units_completed`: every unit of work of the source stage must have completed; `none`: no guard.
 */
export const GuardSchema = z.enum(['none', 'exit_criteria', 'units_completed']);
export type Guard = z.infer<typeof GuardSchema>;

export const TransitionSchema = z
  .object({
    /** null for the transition that starts the journey. */
    from: StageIdSchema.nullable(),
    event: EventNameSchema,
    /** A stage id, or `{ "resolve": "rollback_target" }` to resume where the rollback policy decided. */
    to: z.union([StageIdSchema, RollbackTargetRefSchema]),
    guard: GuardSchema.default('none'),
    description: z.string().min(1).optional(),
  })
  .strict();
export type Transition = z.output<typeof TransitionSchema>;

export const EventDeclSchema = z.object({ name: EventNameSchema, description: z.string().min(1).optional() }).strict();

const MatchValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A metric computed by counting events: how many `topic` events whose payload matches, optionally in a trailing window. */
export const CounterSchema = z
  .object({
    metric: MetricNameSchema,
    topic: z.string().min(1),
    /** Payload fields that must equal the value (or one of the values, for an array). */
    match: z.record(z.string(), z.union([MatchValueSchema, z.array(MatchValueSchema).min(1)])).default({}),
    windowMs: z.number().int().positive().optional(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type Counter = z.output<typeof CounterSchema>;

export const JourneyDefinitionSchema = z
  .object({
    id: z.string().regex(KEY_PATTERN, 'a definition id is lowercase letters, digits, - and _ (for example "client-onboarding")'),
    name: z.string().min(1),
    version: z.number().int().min(1).default(1),
    description: z.string().min(1).optional(),
    events: z.array(EventDeclSchema).min(1, 'declare at least one event'),
    stages: z.array(StageSchema).min(1, 'declare at least one stage'),
    transitions: z.array(TransitionSchema).min(1, 'declare at least the transition that starts the journey'),
    rollbackTriggers: z.array(RollbackTriggerDeclSchema).default([]),
    rollbackTarget: RollbackTargetPolicySchema.default({ kind: 'previous' }),
    counters: z.array(CounterSchema).default([]),
  })
  .strict();
export type JourneyDefinition = z.output<typeof JourneyDefinitionSchema>;
export type JourneyDefinitionInput = z.input<typeof JourneyDefinitionSchema>;

/** The JSON Schema users can author definitions against. */
export function journeyDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JourneyDefinitionSchema, { io: 'input' }) as Record<string, unknown>;
}

// The data of rollback in a journey definition: declared triggers (seed 003's RollbackTrigger
// list), metric rules that fire them, and where a rolled-back journey resumes.
import { z } from 'zod';
import { MetricNameSchema, OperatorSchema } from './criterion';

export const TRIGGER_PATTERN = /^[a-z][a-z0-9_]*$/;

export const RollbackTriggerDeclSchema = z
  .object({
    id: z.string().regex(TRIGGER_PATTERN, 'a trigger id is snake_case (for example "critical_bug")'),
    description: z.string().min(1),
  })
  .strict();
export type RollbackTriggerDecl = z.infer<typeof RollbackTriggerDeclSchema>;

/** Fires `trigger` when `metric operator threshold` holds, e.g. user_satisfaction < 3.5. */
export const RollbackRuleSchema = z
  .object({
    trigger: z.string().min(1),
    metric: MetricNameSchema,
    operator: OperatorSchema,
    threshold: z.number().finite(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type RollbackRule = z.infer<typeof RollbackRuleSchema>;

/**
 * Where the journey resumes after a rollback completes: `previous` = the last stage completed
 * before the one rolled back (the same stage when there is none), `same` = retry the stage,
 * `stage` = a named stage, `cancel` = end the journey in its failure stage.
 */
export const RollbackTargetPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('previous') }).strict(),
  z.object({ kind: z.literal('same') }).strict(),
  z.object({ kind: z.literal('stage'), stage: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('cancel') }).strict(),
]);
export type RollbackTargetPolicy = z.infer<typeof RollbackTargetPolicySchema>;

/** A decided target: resume at a stage, or cancel. */
export const RollbackTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), stage: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('cancel') }).strict(),
]);
export type RollbackTarget = z.infer<typeof RollbackTargetSchema>;

/** Seed 003's RollbackTrigger enum, with the conditions the seed gives for each. */
export const SEED_ROLLBACK_TRIGGERS: readonly RollbackTriggerDecl[] = [
  { id: 'security_vulnerability', description: 'Security vulnerabilities detected' },
  { id: 'data_quality_low', description: 'Data quality below threshold' },
  { id: 'user_satisfaction_low', description: 'User satisfaction score below the stage minimum' },
  { id: 'critical_bug', description: 'Critical bugs discovered' },
  { id: 'performance_degradation', description: 'Performance degradation above 20% or system instability' },
  { id: 'major_incident', description: 'Major incident (P0/P1 severity)' },
  { id: 'client_request', description: 'Client requests a pause' },
];

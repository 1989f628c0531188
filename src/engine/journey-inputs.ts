// The requests the journey engine accepts (zod): the HTTP routes and the CLI validate with these,
// so both refuse the same input with the same pointers.
import { z } from 'zod';
import { MetricNameSchema } from '../core/journey/criterion';
import { isBuiltinMetric } from '../core/journey/builtin-metrics';

const finite = z.number().finite();

/**
 * Why an operator rolls back, cancels or retries: required, 1–500 characters after trimming, and
 * recorded in the audit entry. `what` names the action in the message ("a rollback needs a reason").
 */
export function operatorReason(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${what} needs a reason` : 'a reason is text') })
    .trim()
    .min(1, `${what} needs a reason`)
    .max(500, 'a reason is at most 500 characters');
}

export const MetricsSchema = z
  .record(MetricNameSchema, finite)
  .superRefine((metrics, ctx) => {
    for (const name of Object.keys(metrics)) {
      if (isBuiltinMetric(name)) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is computed from the journey's clock; it cannot be reported` });
    }
  });

export const StartJourneyInput = z
  .strictObject({
    /** A stored definition id (e.g. "client-onboarding"). */
    definition: z.string().min(1).max(100).optional(),
    definitionVersion: z.number().int().min(1).optional(),
    /** A musical sequence document, run as a journey. */
    sequence: z.record(z.string(), z.unknown()).optional(),
    /** A sequence stored by the sequence documents capability. */
    sequenceId: z.string().min(1).max(200).optional(),
    sequenceVersion: z.number().int().min(1).optional(),
    /** The definition id a sequence runs under (default sequence-<id>). */
    definitionId: z.string().min(1).max(100).optional(),
    clientId: z.string().trim().min(1, 'clientId is required').max(100),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** Metrics known at the start (the first stage's entry criteria may read them). */
    metrics: MetricsSchema.optional(),
    /** Handler names of the definition mapped to handlers that run them; '*' maps every other name. */
    handlers: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .superRefine((v, ctx) => {
    const given = [v.definition, v.sequence, v.sequenceId].filter((x) => x !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: given === 0 ? ['definition'] : [], message: 'give exactly one of definition, sequence or sequenceId' });
    if (v.definitionVersion !== undefined && v.definition === undefined) ctx.addIssue({ code: 'custom', path: ['definitionVersion'], message: 'definitionVersion goes with definition' });
    if (v.sequenceVersion !== undefined && v.sequenceId === undefined) ctx.addIssue({ code: 'custom', path: ['sequenceVersion'], message: 'sequenceVersion goes with sequenceId' });
    if (v.definitionId !== undefined && v.definition !== undefined) ctx.addIssue({ code: 'custom', path: ['definitionId'], message: 'definitionId names the definition a sequence runs under; use definition for a stored one' });
  });
export type StartJourneyInput = z.output<typeof StartJourneyInput>;

export const EventInput = z.strictObject({
  type: z.string().min(1).max(100),
  payload: z
    .strictObject({
      /** Optional on a promotion; recorded in the audit entry when given. */
      reason: z.string().trim().max(500, 'a reason is at most 500 characters').optional(),
      trigger: z.string().min(1).max(100).optional(),
      target: z.string().min(1).max(100).optional(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type EventInput = z.output<typeof EventInput>;

export const MetricsReportInput = z.strictObject({ metrics: MetricsSchema.refine((m) => Object.keys(m).length > 0, 'report at least one metric') });

const SignalValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);
export const SignalInput = z.strictObject({
  /** One of the definition's counter topics, e.g. journey.bug.reported. */
  topic: z.string().min(1).max(100),
  payload: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'a field name is letters, digits and _'), SignalValue).default({}),
});

export const RollbackInput = z.strictObject({
  trigger: z.string().min(1).max(100),
  reason: operatorReason('a rollback'),
  /** A stage to resume at, or "cancel". */
  target: z.string().min(1).max(100).optional(),
});

export const CancelInput = z.strictObject({ reason: operatorReason('a cancellation') });

export const JourneyListQuery = z.strictObject({
  stage: z.string().min(1).optional(),
  status: z.enum(['active', 'rolling_back', 'completed', 'cancelled']).optional(),
  definition: z.string().min(1).optional(),
  client: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type JourneyListQuery = z.output<typeof JourneyListQuery>;

export const JourneyMetricsQuery = z.strictObject({
  /** Only journeys of this definition (every definition when absent). */
  definition: z.string().min(1).optional(),
  /** The stage whose first entry counts as reaching production. */
  productionStage: z.string().min(1).default('production'),
});
export type JourneyMetricsQuery = z.output<typeof JourneyMetricsQuery>;

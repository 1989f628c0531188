// OWS 1.1 flow building blocks (steps, sequence flows, alt decision points), mirroring the
// `$defs` of orchestration-wisdom.schema.json exactly so an OWS document survives import/export.
import { z } from 'zod';

/** Observable signals an OWS document may require steps to emit (OWS 1.1 `requiredSignals`). */
export const OWS_SIGNALS = [
  'case_created',
  'ownership_assigned',
  'sla_started',
  'eta_provided',
  'capacity_unavailable',
  'sla_breach_risk',
  'sla_breached',
  'escalation_triggered',
  'work_reassigned',
  'customer_notified',
  'case_closed',
] as const;
export const owsSignalSchema = z.enum(OWS_SIGNALS);
export type OwsSignal = z.infer<typeof owsSignalSchema>;

/** Decision points an OWS document may require to be modeled as alt branches. */
export const OWS_DECISION_POINTS = [
  'capacity_available',
  'sla_breach_handling',
  'eligibility_validation',
  'parts_or_materials_delay',
  'vendor_acceptance',
  'customer_scheduling_choice',
] as const;
export const owsDecisionPointSchema = z.enum(OWS_DECISION_POINTS);
export type OwsDecisionPoint = z.infer<typeof owsDecisionPointSchema>;

export const STEP_KINDS = ['message', 'return', 'note', 'internal'] as const;

export const stepSchema = z.strictObject({
  from: z.string().describe("Actor id or 'Note'."),
  to: z.string().describe('Actor id (ignored when kind=note).'),
  action: z.string().describe('Message text.'),
  kind: z.enum(STEP_KINDS).describe('Maps to Mermaid arrows or notes.'),
  noteOver: z
    .array(z.string())
    .length(2)
    .optional()
    .describe("If kind=note, two actor ids for 'Note over A,B'."),
  emits: z.array(z.string()).optional().describe('Telemetry events emitted at this step.'),
  updates: z.record(z.string(), z.string()).optional().describe('Case state updates made by this step.'),
});
export type Step = z.infer<typeof stepSchema>;

export const sequenceFlowSchema = z.strictObject({
  name: z.string(),
  steps: z.array(stepSchema).min(3).max(20),
});
export type SequenceFlow = z.infer<typeof sequenceFlowSchema>;

export const altBranchSchema = z.strictObject({
  label: z.string().describe('e.g. Current state, Orchestrated state'),
  criteria: z.string().describe('Condition description (human readable).'),
  steps: z.array(stepSchema).min(2),
});
export type AltBranch = z.infer<typeof altBranchSchema>;

export const altDecisionPointSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{3,40}$/, 'must be 3–40 characters of a-z, 0-9, _ or -'),
  title: z.string(),
  branches: z.array(altBranchSchema).min(2).max(4),
});
export type AltDecisionPoint = z.infer<typeof altDecisionPointSchema>;

export const flowsSchema = z.strictObject({
  asIs: sequenceFlowSchema,
  toBe: sequenceFlowSchema,
  altDecisionPoints: z.array(altDecisionPointSchema).min(1, 'needs at least one decision point: the decision that matters, modeled as an alt block'),
});
export type Flows = z.infer<typeof flowsSchema>;

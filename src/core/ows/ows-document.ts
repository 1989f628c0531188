// The OWS 1.1 document in zod, property for property as in orchestration-wisdom.schema.json:
// strict objects, no defaults and no transforms, so parsing never adds, drops or rewrites data.
// One deliberate difference: integers must be safe (|n| ≤ 2^53 − 1); larger ones would not survive JS.
import { z } from 'zod';
import { flowsSchema, owsDecisionPointSchema, owsSignalSchema } from './ows-flow';

export const OWS_SCHEMA_VERSION = '1.1.0';

export const AUDIENCES = ['exec', 'ops', 'product', 'engineering', 'support', 'customer_success'] as const;

export const HQO_DIMENSION_IDS = [
  'actor_clarity',
  'ownership_routing',
  'sla_time',
  'alt_decisions',
  'customer_visibility',
  'capacity_reality',
  'observability',
  'minimal_complexity',
] as const;
export const hqoDimensionIdSchema = z.enum(HQO_DIMENSION_IDS);
export type HqoDimensionId = z.infer<typeof hqoDimensionIdSchema>;

export const CHECK_CATEGORIES = [
  'ownership',
  'sla',
  'routing',
  'visibility',
  'capacity',
  'customer_experience',
  'governance',
  'tooling',
] as const;

export const ARTICLE_SECTIONS = [
  'hook',
  'problem_in_one_minute',
  'as_is_walkthrough',
  'orchestrated_solution',
  'design_principles',
  'implementation_steps',
  'metrics_and_slas',
  'anti_patterns',
  'closing',
] as const;

export const LAYOUT_GUIDANCE = [
  'prefer_short_actor_labels',
  'prefer_short_messages',
  'avoid_long_notes',
  'avoid_nested_alt',
  'avoid_more_than_one_return_chain',
  'limit_internal_steps',
  'use_two_phase_structure',
] as const;

export const COMPRESSION_RULES = [
  'merge_adjacent_steps_same_actor_pair',
  'replace_two_steps_with_one_state_change',
  'convert_detail_to_note',
  'remove_nonessential_returns',
  'shorten_messages_to_verbs',
  'collapse_system_internals_into_single_internal_step',
  'reduce_alt_branches_to_two',
  'reduce_actors_by_merging_support_roles',
  'extract_secondary_flow_into_followup_diagram',
] as const;

const metaSchema = z.strictObject({
  id: z.string().describe('Stable unique ID for the pattern/article (slug or UUID).'),
  title: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  author: z.string(),
  audience: z.array(z.enum(AUDIENCES)).min(1),
  tags: z.array(z.string()).optional(),
  disclaimer: z.string().optional(),
});

const domainSchema = z.strictObject({
  industry: z.string(),
  topic: z.string(),
  useCase: z.string(),
});

const patternSectionSchema = z.strictObject({
  problemStatement: z.string(),
  rootCause: z.array(z.string()).describe('System-level causes, not people.'),
  designPrinciples: z.array(z.string()),
  successCriteria: z.array(z.string()).describe('Observable outcomes.'),
});

export const actorSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{1,30}$/, 'must be a Mermaid-safe id: a letter, then 1–30 letters, digits or _'),
  label: z.string(),
  role: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

const caseDefinitionSchema = z.strictObject({
  trigger: z.string(),
  inputs: z.array(z.string()),
  customerImpact: z.string(),
  assumptions: z.array(z.string()),
  boundaries: z.array(z.string()),
});

export const rubricDimensionSchema = z.strictObject({
  id: hqoDimensionIdSchema,
  name: z.string(),
  description: z.string(),
  signals: z.array(z.string()),
});
export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

const orchestrationQualitySchema = z.strictObject({
  goals: z.array(z.string()).min(2),
  constraints: z.array(z.string()).min(1),
  requiredSignals: z.array(owsSignalSchema).min(3),
  requiredDecisionPoints: z.array(owsDecisionPointSchema).min(1),
  rubric: z.strictObject({
    minTotalScore: z.int().min(0).max(40),
    minDimensionScore: z.int().min(0).max(5),
    dimensions: z.array(rubricDimensionSchema).length(8),
  }),
});

export const diagramBudgetSchema = z.strictObject({
  maxActors: z.int().min(3).max(9),
  maxTotalSteps: z.int().min(8).max(40),
  maxStepsPerBranch: z.int().min(3).max(20),
  maxAltBlocks: z.int().min(1).max(4),
  maxNotes: z.int().min(0).max(8),
  maxMessageChars: z.int().min(20).max(90),
  maxNoteChars: z.int().min(20).max(140),
  targetViewport: z.enum(['single_screen', 'single_slide', 'no_scroll']).optional(),
  layoutGuidance: z.array(z.enum(LAYOUT_GUIDANCE)).optional(),
});
export type DiagramBudget = z.infer<typeof diagramBudgetSchema>;

export const checkItemSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,5}-[0-9]{3,5}$/, 'must look like ABC-001 (2–5 capitals, dash, 3–5 digits)'),
  category: z.enum(CHECK_CATEGORIES),
  statement: z.string(),
  owner: z.string().describe('Role or team (not a person).'),
  doneDefinition: z.string().optional(),
});
export type CheckItem = z.infer<typeof checkItemSchema>;

export const owsScorecardSchema = z.strictObject({
  dimensionScores: z.record(z.string(), z.int().min(0).max(5)),
  totalScore: z.int().min(0).max(40),
  passed: z.boolean(),
  failureReasons: z.array(z.string()).optional(),
});
export type OwsScorecard = z.infer<typeof owsScorecardSchema>;

export const diagramSizeScorecardSchema = z.strictObject({
  actorCount: z.int(),
  totalSteps: z.int(),
  altBlockCount: z.int(),
  maxStepsInAnyBranch: z.int(),
  noteCount: z.int(),
  maxMessageCharsObserved: z.int(),
  maxNoteCharsObserved: z.int(),
  passesBudget: z.boolean(),
  violations: z.array(z.string()).optional(),
});
export type DiagramSizeScorecard = z.infer<typeof diagramSizeScorecardSchema>;

const outputsSchema = z.strictObject({
  mermaid: z.strictObject({ title: z.string(), autonumber: z.boolean(), includeNotes: z.boolean() }),
  article: z.strictObject({ sections: z.array(z.enum(ARTICLE_SECTIONS)).min(5) }),
  checklist: z.strictObject({ items: z.array(checkItemSchema).min(8) }),
  scorecard: owsScorecardSchema,
  diagramSizeScorecard: diagramSizeScorecardSchema,
});

export const owsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(OWS_SCHEMA_VERSION),
  meta: metaSchema,
  domain: domainSchema,
  pattern: patternSectionSchema,
  actors: z.array(actorSchema).min(3).max(7),
  caseDefinition: caseDefinitionSchema,
  orchestrationQuality: orchestrationQualitySchema,
  diagramBudget: diagramBudgetSchema,
  compressionRules: z.array(z.enum(COMPRESSION_RULES)).min(5).optional(),
  flows: flowsSchema,
  outputs: outputsSchema,
});
export type OwsDocument = z.infer<typeof owsDocumentSchema>;

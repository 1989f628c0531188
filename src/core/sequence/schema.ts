// The musical sequence (movements → beats) as zod schemas, compatible with the reference
// musical-sequence JSON Schema: unknown fields are kept wherever that schema allows them.
import { z } from 'zod';
import { parseJsonText } from '../shared/json-text';
import { hasProtoKey } from '../shared/proto-guard';
import { pointIssues, sequenceErrorMap, type PointedIssue } from './zod-issues';

/** The user story of a sequence, movement or beat; the reference schema forbids extra keys here. */
export const userStorySchema = z.strictObject({
  persona: z.string().optional(),
  goal: z.string().optional(),
  benefit: z.string().optional(),
  diagram: z.string().optional(),
});

export const externalSystemSchema = z.looseObject({
  vendor: z.string().optional(),
  system: z.string().optional(),
  type: z.enum(['api', 'web-portal', 'service', 'database']).optional(),
  description: z.string().optional(),
});

// The reference documents use scope "internal", which the reference schema's enum lacks;
// it is accepted here so that they load, and flagged by the conformance check.
export const handlerScopes = ['plugin', 'orchestration', 'system', 'policy', 'external', 'internal'] as const;

export const handlerRefSchema = z.looseObject({
  name: z.string(),
  scope: z.enum(handlerScopes).optional(),
  kind: z
    .enum(['validation', 'orchestration', 'reporting', 'policy-enforcement', 'metrics', 'automation', 'external-integration'])
    .optional(),
  sourcePath: z.string().optional(),
  externalSystem: externalSystemSchema.optional(),
  handlerCapabilities: z
    .array(z.enum(['audit', 'build', 'deploy', 'report', 'validate', 'measure', 'learn', 'rollback']))
    .optional(),
});

export const acceptanceCriterionSchema = z.strictObject({
  given: z.array(z.string()).optional(),
  when: z.array(z.string()).optional(),
  then: z.array(z.string()).optional(),
  and: z.array(z.string()).optional(),
});

// The reference documents carry a single object with string clauses instead of the
// schema's array; it loads, is kept as is, and is reported by the conformance check.
export const legacyAcceptanceCriteriaSchema = z.strictObject({
  given: z.union([z.string(), z.array(z.string())]).optional(),
  when: z.union([z.string(), z.array(z.string())]).optional(),
  then: z.union([z.string(), z.array(z.string())]).optional(),
  and: z.union([z.string(), z.array(z.string())]).optional(),
});

export const beatSchema = z.looseObject({
  name: z.string().optional(),
  beat: z.int().min(1).optional(),
  number: z.int().min(1).optional(),
  event: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  dynamics: z.string().optional(),
  timing: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  dependencies: z.array(z.string()).optional(),
  errorHandling: z.enum(['continue', 'abort-sequence', 'retry', 'abort']).optional(),
  handler: z.union([z.string(), handlerRefSchema]).optional(),
  kind: z.string().optional(),
  reference: z.string().optional(),
  handlerDef: z
    .looseObject({ id: z.string().optional(), scope: z.string().optional(), kind: z.string().optional() })
    .optional(),
  scenario: z.string().optional(),
  // Required by the reference schema but absent from every reference beat: a conformance warning.
  testFile: z.string().optional(),
  testCase: z.string().optional(),
  userStory: userStorySchema,
  persona: z.string().optional(),
  businessValue: z.string().optional(),
  acceptanceCriteria: z.union([z.array(acceptanceCriterionSchema), legacyAcceptanceCriteriaSchema]),
  notes: z.array(z.string()).optional(),
  diagram: z.string(),
});

export const movementSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  number: z.int().min(1).optional(),
  tempo: z.number().optional(),
  errorHandling: z.enum(['continue', 'abort-sequence']).optional(),
  userStory: userStorySchema,
  persona: z.string().optional(),
  businessValue: z.string().optional(),
  status: z.string().optional(),
  beats: z.array(beatSchema),
  diagram: z.string(),
});

// The id names the generated files (<id>.md, <id>.html), so it must be a safe file name.
export const sequenceIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const musicalSequenceSchema = z.looseObject({
  domainId: z.string(),
  id: z
    .string()
    .regex(sequenceIdPattern, 'must start with a letter or digit and contain only letters, digits, ".", "_" and "-"'),
  name: z.string(),
  sequenceId: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  purpose: z.string().optional(),
  trigger: z.string().optional(),
  packageName: z.string().optional(),
  kind: z.string().optional(),
  status: z.string().optional(),
  key: z.string().optional(),
  tempo: z.number().optional(),
  timeSignature: z.string().optional(),
  category: z.string().optional(),
  beats: z.int().min(0).optional(),
  governance: z
    .looseObject({ policies: z.array(z.string()).optional(), metrics: z.array(z.string()).optional() })
    .optional(),
  events: z.array(z.string()).optional(),
  userStory: userStorySchema,
  persona: z.string().optional(),
  businessValue: z.string().optional(),
  metadata: z
    .looseObject({
      version: z.string().optional(),
      author: z.string().optional(),
      created: z.string().optional(),
      tags: z.array(z.string()).optional(),
    })
    .optional(),
  movements: z.array(movementSchema),
  diagram: z.string(),
});

export type UserStory = z.infer<typeof userStorySchema>;
export type ExternalSystem = z.infer<typeof externalSystemSchema>;
export type HandlerRef = z.infer<typeof handlerRefSchema>;
export type AcceptanceCriterion = z.infer<typeof acceptanceCriterionSchema>;
export type LegacyAcceptanceCriteria = z.infer<typeof legacyAcceptanceCriteriaSchema>;
export type Beat = z.infer<typeof beatSchema>;
export type Movement = z.infer<typeof movementSchema>;
export type MusicalSequence = z.infer<typeof musicalSequenceSchema>;

export type SequenceError = PointedIssue & { line?: number; column?: number };

export type ParseResult = { ok: true; value: MusicalSequence } | { ok: false; errors: SequenceError[] };

/** Validates any value as a musical sequence; on failure lists every error with its JSON pointer. */
export function parseSequence(input: unknown): ParseResult {
  // A "__proto__" key would be copied onto the parsed object as its prototype.
  if (hasProtoKey(input)) {
    return { ok: false, errors: [{ pointer: '', message: 'keys named "__proto__" or "constructor.prototype" are not allowed' }] };
  }
  const result = musicalSequenceSchema.safeParse(input, { error: sequenceErrorMap });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: pointIssues(result.error.issues) };
}

/** Parses JSON text (a leading BOM is ignored); invalid JSON is reported with line and column. */
export function parseSequenceJson(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = parseJsonText(body);
  if (!json.ok) {
    const { line, column } = json;
    return { ok: false, errors: [{ pointer: '', line, column, message: `invalid JSON at line ${line}, column ${column}: ${json.message}` }] };
  }
  return parseSequence(json.value);
}

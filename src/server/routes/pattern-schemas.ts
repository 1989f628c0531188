// Request and response shapes of the pattern library API; the OpenAPI document is generated from
// them and every JSON answer is checked against them. web/src/api/patterns.ts mirrors them.
import { z } from 'zod';
import { FACETS, SORTS } from '../../core/ows/search-query';
import { problemSchema } from '../schemas';

export const slugParam = z.string().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase words joined by single dashes');
export const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe('A stored version; the latest when omitted') });

const facetParam = z.union([z.string(), z.array(z.string())]).optional();
export const listQuery = z.object({
  q: z.string().optional().describe('Words to search for in title, problem, orchestration shift and body'),
  industry: facetParam.describe('Repeatable or comma-separated; several values match any of them'),
  problemType: facetParam.describe('Repeatable or comma-separated'),
  brokenSignal: facetParam.describe('Repeatable or comma-separated'),
  maturity: facetParam.describe('Repeatable or comma-separated'),
  sort: z.string().optional().describe(`One of ${SORTS.join(', ')}; relevance with words, referenced without`),
  page: z.string().optional(),
  pageSize: z.string().optional().describe('1–100, default 20'),
});

const cardSchema = z.object({
  slug: z.string(),
  title: z.string(),
  problem: z.string(),
  orchestrationShift: z.string(),
  industries: z.array(z.string()),
  problemTypes: z.array(z.string()),
  brokenSignals: z.array(z.string()),
  maturity: z.string(),
  referenceCount: z.number().int().describe("The document's baseline plus the views, article downloads and checklist exports recorded here"),
  publishedAt: z.string(),
  clarityScore: z.number(),
  version: z.number().int(),
  score: z.number().optional(),
  matchedTerms: z.array(z.string()).optional(),
});

export const listSchema = z.object({
  items: z.array(cardSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  sort: z.enum(SORTS),
  approximate: z.boolean().describe('No pattern matched the words as typed; typo-tolerant matching was used'),
  facets: z.object(Object.fromEntries(FACETS.map((f) => [f, z.record(z.string(), z.number().int())])) as Record<(typeof FACETS)[number], z.ZodRecord<z.ZodString, z.ZodNumber>>),
});

const criterionSchema = z.object({ id: z.string(), met: z.boolean(), evidence: z.string(), pointers: z.array(z.string()) });
export const scorecardSchema = z.object({
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number(), criteria: z.array(criterionSchema) })),
  dimensionScores: z.record(z.string(), z.number()),
  totalScore: z.number(),
  maxScore: z.number(),
  minDimensionScore: z.number(),
  minTotalScore: z.number(),
  slaTriggers: z.array(z.string()),
  escalationRoutes: z.array(z.string()),
  passed: z.boolean(),
  failures: z.array(z.object({ rule: z.string(), message: z.string() })),
});
export const scorecardFileSchema = scorecardSchema.extend({
  diagramSize: z.looseObject({ passesBudget: z.boolean() }).describe('The OWS diagram-size scorecard of the orchestrated diagram'),
});

export const gateFailureSchema = z.object({ gate: z.enum(['schema', 'budget', 'hqo']), rule: z.string(), message: z.string(), pointer: z.string().optional() });
const countsSchema = z.object({ actors: z.number(), steps: z.number(), altBlocks: z.number(), notes: z.number(), maxMessageChars: z.number(), maxNoteChars: z.number() });
const violationSchema = z.object({ rule: z.string(), line: z.number().int(), message: z.string() });
const parseErrorSchema = z.object({ line: z.number().int(), message: z.string(), expected: z.string() });
const diagramReportSchema = z.object({
  kind: z.enum(['as-is', 'orchestrated']),
  text: z.string(),
  counts: countsSchema,
  violations: z.array(violationSchema),
  parseError: parseErrorSchema.optional(),
  withinBudget: z.boolean(),
});

const versionSchema = z.object({ slug: z.string(), version: z.number().int(), title: z.string(), publishedAt: z.string(), createdBy: z.string() });

export const detailSchema = versionSchema.extend({
  latestVersion: z.number().int(),
  pattern: z.record(z.string(), z.unknown()).describe('The stored pattern file ({ ows, library }): see /api/schemas/pattern.json'),
  sections: z.array(z.object({ heading: z.string(), markdown: z.string() })).describe('The article sections, Hook to Closing insight'),
  scorecard: scorecardSchema,
  gates: z.object({ passed: z.boolean(), failures: z.array(gateFailureSchema), diagrams: z.array(diagramReportSchema) }),
  references: z.object({ views: z.number(), articleDownloads: z.number(), checklistExports: z.number(), baseline: z.number(), total: z.number() }),
  versions: z.array(versionSchema),
  components: z.array(z.object({ name: z.string(), explanation: z.string(), prerequisites: z.array(z.string()), expectedTimeline: z.string(), effortPersonWeeks: z.number() })),
});

export const checklistJsonSchema = z.object({
  pattern: z.object({ slug: z.string(), title: z.string(), version: z.number(), url: z.string() }),
  epicLabel: z.string(),
  totalEffortPersonWeeks: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      summary: z.string(),
      details: z.string(),
      description: z.string(),
      issueType: z.string(),
      priority: z.string(),
      labels: z.array(z.string()),
      owner: z.string(),
      component: z.string().optional(),
      effortPersonWeeks: z.number(),
      doneWhen: z.array(z.object({ checkId: z.string(), statement: z.string(), doneDefinition: z.string().optional() })),
      patternUrl: z.string(),
    }),
  ),
});

const sowLineSchema = z.object({
  itemId: z.string(),
  deliverable: z.string(),
  owner: z.string(),
  effortPersonWeeks: z.number(),
  bufferedPersonDays: z.number(),
  durationWeeks: z.number(),
  priceCents: z.number().int(),
});
export const sowResultSchema = z.object({
  sow: z.object({
    slug: z.string(),
    title: z.string(),
    clientName: z.string().optional(),
    currency: z.string(),
    dayRate: z.number(),
    fteCount: z.number(),
    bufferPercent: z.number(),
    daysPerWeek: z.number(),
    lines: z.array(sowLineSchema),
    totals: z.object({ effortPersonWeeks: z.number(), bufferedPersonDays: z.number(), durationWeeks: z.number(), priceCents: z.number().int() }),
  }),
  markdown: z.string(),
  csv: z.string(),
});

const lineWarning = z.object({ line: z.number().int(), message: z.string() });
export const whiteLabelSchema = z.object({
  slug: z.string(),
  version: z.number().int(),
  terms: z.array(z.object({ from: z.string(), to: z.string() })),
  withinBudget: z.boolean(),
  diagrams: z.array(
    z.object({
      kind: z.enum(['as-is', 'orchestrated']),
      text: z.string(),
      withinBudget: z.boolean(),
      counts: countsSchema,
      violations: z.array(violationSchema),
      introducedViolations: z.array(violationSchema),
      parseError: parseErrorSchema.optional(),
      longLabels: z.array(z.object({ id: z.string(), label: z.string(), chars: z.number(), limit: z.number(), line: z.number() })),
      substitutions: z.number().int(),
      warnings: z.array(lineWarning),
    }),
  ),
  article: z.object({ markdown: z.string(), substitutions: z.number().int(), warnings: z.array(lineWarning) }),
  checklist: z.object({ markdown: z.string(), csv: z.string(), substitutions: z.number().int() }),
});

export const validationSchema = z.object({
  passed: z.boolean(),
  failures: z.array(gateFailureSchema),
  scorecard: scorecardSchema.optional(),
  diagrams: z.array(diagramReportSchema).optional(),
});

export const publishResultSchema = versionSchema.extend({
  status: z.enum(['published', 'unchanged']).describe('unchanged: the latest version already holds this document; nothing was stored'),
  totalScore: z.number(),
  maxScore: z.number(),
});

/** A 422 lists every failed gate rule; the extra fields say which gate and rule. */
export const gateProblemSchema = problemSchema.extend({
  errors: z.array(z.object({ pointer: z.string().optional(), gate: z.string().optional(), rule: z.string().optional(), message: z.string() })).optional(),
});

export const anyJsonBody = z.unknown().describe('A pattern file ({ ows, library }): see /api/schemas/pattern.json');
export const whiteLabelBody = z.object({
  terms: z
    .union([z.record(z.string(), z.string()), z.array(z.object({ from: z.string(), to: z.string() }))])
    .describe('Generic term → the client\'s name, e.g. { "L1": "Tier 1 Zendesk" }; a list keeps the author\'s order'),
});

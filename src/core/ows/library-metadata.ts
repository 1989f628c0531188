// Library metadata that rides along with an OWS 1.1 document: catalog facets, the prose OWS has
// no field for (hook, closing insight, failure scenarios), components and the implementation checklist.
import { z } from 'zod';

export const INDUSTRIES = [
  'Technology',
  'Healthcare',
  'Finance',
  'Retail',
  'Manufacturing',
  'Education',
  'Professional Services',
] as const;
export const PROBLEM_TYPES = ['Backlog', 'Escalation', 'Capacity', 'SLA Failure', 'Handoffs'] as const;
export const BROKEN_SIGNALS = ['Ownership', 'Time/SLA', 'Capacity', 'Visibility'] as const;
export const MATURITY_LEVELS = ['Early', 'Mid', 'Advanced'] as const;
/** Jira's default priority scheme, so checklist CSV rows import without a mapping step. */
export const JIRA_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export const ISSUE_TYPES = ['Task', 'Story'] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type ProblemType = (typeof PROBLEM_TYPES)[number];
export type BrokenSignal = (typeof BROKEN_SIGNALS)[number];
export type Maturity = (typeof MATURITY_LEVELS)[number];

// Checks instead of `.trim()`: parsing must never rewrite what the author wrote.
const text = (min: number, max?: number) => {
  const base = z.string().regex(/\S/, 'must not be blank').min(min, `must be at least ${min} characters`);
  return max === undefined ? base : base.max(max, `must be at most ${max} characters`);
};

function uniqueList<T extends string>(item: z.ZodType<T>) {
  return z
    .array(item)
    .min(1)
    .refine((values) => new Set(values).size === values.length, 'must not list a value twice');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const componentSchema = z.strictObject({
  name: text(3, 60),
  explanation: text(20),
  prerequisites: z.array(text(3)),
  expectedTimeline: text(2, 60).describe('e.g. "2–3 weeks"'),
  effortPersonWeeks: z.number().positive().max(104),
});
export type Component = z.infer<typeof componentSchema>;

export const checklistItemSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,5}-[0-9]{3,5}$/, 'must look like IMP-001 (2–5 capitals, dash, 3–5 digits)'),
  summary: text(10, 120).describe('One line; becomes the Jira Summary and the SOW deliverable.'),
  description: text(20),
  owner: text(2, 80).describe('Role or team, not a person.'),
  component: z.string().optional().describe('Name of the component this item builds, if any.'),
  effortPersonWeeks: z.number().positive().max(52),
  priority: z.enum(JIRA_PRIORITIES),
  issueType: z.enum(ISSUE_TYPES),
  checks: z.array(z.string()).describe('Ids of the OWS operating checks this item delivers.'),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const metricSchema = z.strictObject({
  name: text(3, 80),
  baseline: text(1, 40),
  target: text(1, 40),
  howMeasured: text(10),
});
export type Metric = z.infer<typeof metricSchema>;

export const slaTargetSchema = z.strictObject({
  name: text(3, 80),
  targetMinutes: z.int().positive().max(525_600),
  warnAtPercent: z.int().min(1).max(99),
  clock: z.enum(['calendar', 'business-hours']),
  onBreach: text(10),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const failureScenarioSchema = z.strictObject({
  scenario: text(10),
  detection: text(10),
  response: text(10).describe('Rollback or mitigation, concrete enough to run at 3 a.m.'),
});
export type FailureScenario = z.infer<typeof failureScenarioSchema>;

export const narrativeSchema = z.strictObject({
  hook: text(20, 600),
  decisionPoint: z.strictObject({
    decisionId: z.string().describe('Id of the alt decision point the article dwells on.'),
    whyItMatters: text(40),
  }),
  closingInsight: text(20, 600),
  doesNotSolve: z.array(text(10)).min(1),
  antiPatterns: z.array(text(10)),
});
export type Narrative = z.infer<typeof narrativeSchema>;

export const libraryMetadataSchema = z.strictObject({
  slug: z.string().max(80).regex(SLUG_PATTERN, 'must be lowercase words joined by single dashes'),
  version: z.int().min(1),
  publishedAt: z.iso.date(),
  referenceCount: z.int().min(0),
  clarityScore: z.number().min(0).max(10),
  industries: uniqueList(z.enum(INDUSTRIES)),
  problemTypes: uniqueList(z.enum(PROBLEM_TYPES)),
  brokenSignals: uniqueList(z.enum(BROKEN_SIGNALS)),
  maturity: z.enum(MATURITY_LEVELS),
  summary: z.strictObject({
    problem: text(20, 160).describe('One line for cards and search.'),
    orchestrationShift: text(20, 160).describe('One line: what changes when the flow is orchestrated.'),
  }),
  narrative: narrativeSchema,
  metrics: z.array(metricSchema).min(1),
  slaTargets: z.array(slaTargetSchema).min(1),
  failureScenarios: z.array(failureScenarioSchema).min(1),
  components: z.array(componentSchema).min(1),
  checklist: z.array(checklistItemSchema).min(3).max(10),
  diagram: z
    .strictObject({
      decisionPlacement: z
        .record(z.string(), z.int().min(0))
        .describe('Decision id → index of the orchestrated step after which its alt block is drawn.'),
    })
    .optional(),
});
export type LibraryMetadata = z.infer<typeof libraryMetadataSchema>;
